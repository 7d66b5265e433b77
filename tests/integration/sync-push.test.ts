import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { PROTOCOL_VERSION, pushResponseSchema, type Mutation } from '../../src/sync/protocol';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { openAuthApp, type AuthApp } from './auth-harness';
import { CLIENT_TIME, countRows, demoSample, engagementArgs, mutation, signedInSession, syncSession } from './sync-harness';
import { TEST_DBS } from './test-dbs';

type AuditRow = { actorId: string; action: string; targetKind: string; targetId: string; clientId: string; clientTime: string; serverTime: string; version: number; engagementId: string };

const auditOf = async (h: AuthApp, targetId: string): Promise<AuditRow[]> =>
  (
    await h.t.db.query<AuditRow>(
      `SELECT actor_id AS "actorId", action, target_kind AS "targetKind", target_id AS "targetId", client_id AS "clientId", client_time AS "clientTime",
              server_time AS "serverTime", version, engagement_id AS "engagementId" FROM audit_events WHERE target_id = $1 ORDER BY version`,
      [targetId],
    )
  ).rows;

describe.each(TEST_DBS)('POST /api/sync/push on $name', (target) => {
  let h: AuthApp;
  beforeAll(async () => {
    h = await openAuthApp(target);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('applies createEngagement: the engagement and the creator’s manager membership, stamped by the server, with an audit event', async () => {
    const manager = await signedInSession(h, 'manager');
    const args = engagementArgs();
    const before = await createRecordsRepo(h.t.db).currentVersion();
    const res = await manager.push([mutation(1, 'createEngagement', args)]);
    expect(res).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'applied' }] });

    const repo = createRecordsRepo(h.t.db);
    const engagement = await repo.get('engagement', args.id);
    const membership = await repo.get('membership', args.membershipId);
    const serverTime = h.clock.now().toISOString();
    expect(engagement).toMatchObject({ name: args.name, status: 'planning', engagementId: args.id, updatedBy: h.userIds.manager, updatedAt: serverTime, version: before + 1 });
    expect(membership).toMatchObject({ engagementId: args.id, userId: h.userIds.manager, role: 'manager', organization: null, updatedBy: h.userIds.manager, version: before + 2 });
    expect(await auditOf(h, args.id)).toEqual([
      { actorId: h.userIds.manager, action: 'createEngagement', targetKind: 'engagement', targetId: args.id, clientId: manager.clientId, clientTime: CLIENT_TIME, serverTime, version: before + 2, engagementId: args.id },
    ]);
  });

  it('applies recordResult on a demo sample as the auditor; the tester is the session’s user whatever the client says', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const sample = await demoSample(h);
    const args = sample.args();
    const res = await auditor.push([mutation(1, 'recordResult', args)]);
    expect(res.results).toEqual([{ id: 1, status: 'applied' }]);
    const stored = await createRecordsRepo(h.t.db).get('result', args.id);
    expect(stored).toMatchObject({ sampleId: sample.sampleId, outcome: 'pass', testerId: h.userIds.auditor, updatedBy: h.userIds.auditor, engagementId: h.type2 });
    expect(stored?.version).toBeGreaterThan(0);
    const [audit] = await auditOf(h, args.id);
    expect(audit).toMatchObject({ action: 'recordResult', targetKind: 'result', actorId: h.userIds.auditor, engagementId: h.type2, version: stored?.version });
  });

  it('answers a resend as duplicate and changes nothing; a batch overlapping what was done applies only the new part', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const sample = await demoSample(h, 1);
    const first = [mutation(1, 'recordResult', sample.args()), mutation(2, 'recordResult', { ...sample.args(), note: 'two' })];
    expect((await auditor.push(first)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const version = await createRecordsRepo(h.t.db).currentVersion();
    const audits = await countRows(h, 'audit_events');

    expect(await auditor.push(first)).toEqual({ lastMutationId: 2, results: [{ id: 1, status: 'duplicate' }, { id: 2, status: 'duplicate' }] });
    expect(await createRecordsRepo(h.t.db).currentVersion()).toBe(version);
    expect(await countRows(h, 'audit_events')).toBe(audits);

    const third = mutation(3, 'recordResult', sample.args());
    expect(await auditor.push([...first, third])).toEqual({ lastMutationId: 3, results: [{ id: 1, status: 'duplicate' }, { id: 2, status: 'duplicate' }, { id: 3, status: 'applied' }] });
    expect(await countRows(h, 'audit_events')).toBe(audits + 1);
  });

  it('refuses a gap with 409 and the id it expects; what came before the gap stays applied', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const sample = await demoSample(h, 2);
    const one = sample.args();
    const res = await auditor.pushRaw({ protocolVersion: PROTOCOL_VERSION, clientId: auditor.clientId, mutations: [mutation(1, 'recordResult', one), mutation(3, 'recordResult', sample.args())] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: expect.stringContaining('2'), expected: 2 });
    expect(await createRecordsRepo(h.t.db).get('result', one.id)).toBeDefined();
    // A fresh client starting at 2 is a gap too.
    const other = await signedInSession(h, 'auditor');
    const gap = await other.pushRaw({ protocolVersion: PROTOCOL_VERSION, clientId: other.clientId, mutations: [mutation(2, 'recordResult', sample.args())] });
    expect(gap.statusCode).toBe(409);
    expect(gap.json<{ expected: number }>().expected).toBe(1);
  });

  it('refuses a client id registered to another user with 403, applying nothing', async () => {
    const auditor = await signedInSession(h, 'auditor');
    await auditor.push([]);
    const manager = await h.signIn('manager');
    const thief = syncSession(h, manager, auditor.clientId);
    const versions = await createRecordsRepo(h.t.db).currentVersion();
    const res = await thief.pushRaw({ protocolVersion: PROTOCOL_VERSION, clientId: auditor.clientId, mutations: [mutation(1, 'createEngagement', engagementArgs())] });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: expect.any(String) });
    expect(await createRecordsRepo(h.t.db).currentVersion()).toBe(versions);
    const pulled = await thief.pullRaw({ protocolVersion: PROTOCOL_VERSION, clientId: auditor.clientId, cookie: null });
    expect(pulled.statusCode).toBe(403);
  });

  it('answers another protocol version with 426 before anything else, and no session with 401', async () => {
    const manager = await signedInSession(h, 'manager');
    const old = { protocolVersion: PROTOCOL_VERSION + 1, clientId: manager.clientId, mutations: [] };
    for (const res of [await manager.pushRaw(old), await h.call('POST', '/api/sync/push', { payload: old }), await manager.pullRaw({ ...old, cookie: null })]) {
      expect(res.statusCode).toBe(426);
      expect(res.json()).toEqual({ error: 'This version of Tickmark is out of date: reload to update the app.' });
    }
    const current = { protocolVersion: PROTOCOL_VERSION, clientId: v7(), mutations: [] };
    expect((await h.call('POST', '/api/sync/push', { payload: current })).statusCode).toBe(401);
    expect((await h.call('POST', '/api/sync/pull', { payload: { ...current, cookie: null } })).statusCode).toBe(401);
    expect((await h.call('POST', '/api/sync/push', { payload: current, cookie: 'tickmark_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(401);
  });

  it('answers refused mutations one by one (invalid, forbidden, not found, locked) and never lets them block the 100 behind them', async () => {
    const manager = await signedInSession(h, 'manager');
    const archived = engagementArgs({ name: 'To be archived' });
    expect((await manager.push([mutation(1, 'createEngagement', archived)])).results[0]?.status).toBe('applied');
    const repo = createRecordsRepo(h.t.db);
    const stored = await repo.get('engagement', archived.id);
    if (!stored) throw new Error('engagement not stored');
    expect((await repo.put({ ...stored, status: 'archived' })).ok).toBe(true);

    const auditor = await signedInSession(h, 'auditor');
    const client = await signedInSession(h, 'client');
    const sample = await demoSample(h, 3);
    const refusedByAuditor: Mutation[] = [
      mutation(1, 'recordResult', { ...sample.args(), sampleId: 'not-a-uuid' }),
      mutation(2, 'createEngagement', engagementArgs()),
      mutation(3, 'recordResult', { ...sample.args(), engagementId: h.elsewhere }),
      mutation(4, 'recordResult', { ...sample.args(), engagementId: h.type1 }),
      mutation(5, 'recordResult', { ...sample.args(), engagementId: v7() }),
      mutation(6, 'recordResult', { ...sample.args(), sampleId: v7() }),
    ];
    const good = Array.from({ length: 100 }, (_, i) => mutation(7 + i, 'recordResult', { ...sample.args(), note: `good ${i}` }));
    const audits = await countRows(h, 'audit_events');
    const res = await auditor.push([...refusedByAuditor, ...good]);
    expect(res.lastMutationId).toBe(106);
    expect(res.results.slice(0, 6).map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'forbidden'],
      ['rejected', 'not_found'],
      ['rejected', 'not_found'],
      ['rejected', 'not_found'],
      ['rejected', 'not_found'],
    ]);
    expect(res.results[0]?.message).toMatch(/^sampleId: /);
    // Another engagement reads exactly like one that does not exist.
    expect(res.results[2]?.message).toBe(`No engagement ${h.elsewhere}`);
    expect(res.results.slice(6).every((r) => r.status === 'applied')).toBe(true);
    expect(res.results).toHaveLength(106);
    expect(await countRows(h, 'audit_events')).toBe(audits + 100);

    const byClient = await client.push([mutation(1, 'recordResult', sample.args())]);
    expect(byClient.results).toEqual([{ id: 1, status: 'rejected', code: 'forbidden', message: expect.stringMatching(/^Only managers and auditors/) }]);
    const locked = await manager.push([mutation(2, 'recordResult', { ...sample.args(), engagementId: archived.id })]);
    expect(locked.results).toEqual([{ id: 2, status: 'rejected', code: 'locked', message: expect.stringContaining('archived') }]);

    const { rows } = await h.t.db.query<{ mutationId: number; userId: string; code: string; name: string; argsJson: string }>(
      `SELECT mutation_id AS "mutationId", user_id AS "userId", code, name, args_json AS "argsJson" FROM mutation_rejections WHERE client_id = $1 ORDER BY mutation_id`,
      [auditor.clientId],
    );
    expect(rows.map((r) => [r.mutationId, r.code, r.name, r.userId])).toEqual([
      [1, 'invalid', 'recordResult', h.userIds.auditor],
      [2, 'forbidden', 'createEngagement', h.userIds.auditor],
      [3, 'not_found', 'recordResult', h.userIds.auditor],
      [4, 'not_found', 'recordResult', h.userIds.auditor],
      [5, 'not_found', 'recordResult', h.userIds.auditor],
      [6, 'not_found', 'recordResult', h.userIds.auditor],
    ]);
    expect(JSON.parse(rows[0]?.argsJson ?? 'null')).toMatchObject({ sampleId: 'not-a-uuid' });
  });

  it('rolls back every write of a mutation refused half-way, and still advances past it', async () => {
    const manager = await signedInSession(h, 'manager');
    const [taken] = await createRecordsRepo(h.t.db).list('membership', h.type2);
    if (!taken) throw new Error('no demo membership');
    const args = engagementArgs({ membershipId: taken.id });
    const version = await createRecordsRepo(h.t.db).currentVersion();
    const res = await manager.push([mutation(1, 'createEngagement', args), mutation(2, 'createEngagement', engagementArgs())]);
    expect(res.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    expect(res.results[0]?.message).toContain(taken.id);
    expect(await createRecordsRepo(h.t.db).get('engagement', args.id)).toBeUndefined();
    expect(await createRecordsRepo(h.t.db).get('membership', taken.id)).toEqual(taken);
    // Only mutation 2's two records took versions.
    expect(await createRecordsRepo(h.t.db).currentVersion()).toBe(version + 2);
  });

  it('refuses text the database cannot store (NUL) as invalid instead of failing', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const sample = await demoSample(h, 4);
    const res = await auditor.push([mutation(1, 'recordResult', { ...sample.args(), note: 'a\u0000b' }), mutation(2, 'recordResult', sample.args())]);
    expect(res.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    expect(res.results[0]?.message).toMatch(/^result\.note: /);
  });

  it('applies each mutation exactly once when the same push arrives twice at once', async () => {
    const auditor = await signedInSession(h, 'auditor');
    const sample = await demoSample(h, 5);
    const batch = Array.from({ length: 30 }, (_, i) => mutation(i + 1, 'recordResult', { ...sample.args(), note: `n${i}` }));
    const body = { protocolVersion: PROTOCOL_VERSION, clientId: auditor.clientId, mutations: batch };
    const audits = await countRows(h, 'audit_events');
    const answers = await Promise.all([auditor.pushRaw(body), auditor.pushRaw(body), auditor.pushRaw(body)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const results = answers.map((a) => pushResponseSchema.parse(a.json()));
    for (const r of results) expect(r.lastMutationId).toBe(30);
    for (let i = 0; i < 30; i++) {
      const statuses = results.map((r) => r.results[i]?.status).sort();
      expect(statuses).toEqual(['applied', 'duplicate', 'duplicate']);
    }
    expect(await countRows(h, 'audit_events')).toBe(audits + 30);
    const { rows } = await h.t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events WHERE client_id = $1', [auditor.clientId]);
    expect(rows[0]?.n).toBe(30);
    for (const m of batch) expect(await createRecordsRepo(h.t.db).get('result', (m.args as { id: string }).id)).toBeDefined();
  });
});
