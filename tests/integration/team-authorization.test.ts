import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { InjectOptions } from 'fastify';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { openAuthApp, PASSWORD, type AuthApp, type Who } from './auth-harness';
import { TEST_DBS } from './test-dbs';

type Actor = 'none' | Exclude<Who, 'elsewhereManager'>;
type Target = 'own' | 'other' | 'unknown';

type RouteCase = {
  readonly name: string;
  readonly method: InjectOptions['method'];
  /** The URL for an engagement, naming resources that exist in it; `fresh` asks for ones a success may use up. */
  readonly url: (engagementId: string, fresh: boolean) => Promise<string>;
  readonly payload?: () => unknown;
  /** Status for a member of the engagement, by role. */
  readonly byRole: Record<'manager' | 'auditor' | 'client', number>;
};

const ACTORS: readonly Actor[] = ['none', 'manager', 'auditor', 'client', 'otherClient'];
const TARGETS: readonly Target[] = ['own', 'other', 'unknown'];

/** Every route that needs a session, for every kind of caller and engagement: the exact status. */
describe.each(TEST_DBS)('authorization of the auth and team routes on $name', (target) => {
  let a: AuthApp;
  const cookies = new Map<Actor, string | null>();
  const engagementOf: Record<Target, () => string> = { own: () => a.type2, other: () => a.elsewhere, unknown: () => unknownId };
  const unknownId = v7();
  let seq = 0;

  /** A member of the engagement, made for a test to change or remove. */
  const throwawayMember = async (engagementId: string): Promise<string> => {
    const id = v7();
    const created = await createUsersRepo(a.t.db).create({ id, email: `member${++seq}@example.test`, name: 'Throwaway', passwordHash: 'x' });
    if (!created.ok) throw new Error(created.message);
    const put = await createRecordsRepo(a.t.db).put({ id: v7(), engagementId, version: 0, updatedAt: new Date().toISOString(), updatedBy: id, deleted: false, kind: 'membership', userId: id, role: 'auditor', organization: null });
    if (!put.ok) throw new Error(put.message);
    return id;
  };
  const pendingInvitation = async (engagementId: string): Promise<string> => {
    const { rows } = await a.t.db.query<{ id: string }>(
      `INSERT INTO invitations (id, engagement_id, email, role, token_hash, invited_by, created_at, expires_at)
       VALUES ($1, $2, $3, 'auditor', $4, $5, now(), now() + interval '7 days') RETURNING id`,
      [v7(), engagementId, `invitee${++seq}@example.test`, `${seq}`.padStart(64, '0'), a.userIds.manager],
    );
    return rows[0]?.id ?? '';
  };
  const stableMember = new Map<string, string>();
  const stableInvitation = new Map<string, string>();
  const memberIn = async (e: string, fresh: boolean) => (fresh ? throwawayMember(e) : (stableMember.get(e) ?? v7()));
  const invitationIn = async (e: string, fresh: boolean) => (fresh ? pendingInvitation(e) : (stableInvitation.get(e) ?? v7()));

  const ROUTES: readonly RouteCase[] = [
    { name: 'GET team', method: 'GET', url: async (e) => `/api/engagements/${e}/team`, byRole: { manager: 200, auditor: 200, client: 403 } },
    {
      name: 'POST invitation',
      method: 'POST',
      url: async (e) => `/api/engagements/${e}/invitations`,
      payload: () => ({ email: `new${++seq}@example.test`, role: 'auditor' }),
      byRole: { manager: 201, auditor: 403, client: 403 },
    },
    {
      name: 'PATCH member',
      method: 'PATCH',
      url: async (e, fresh) => `/api/engagements/${e}/members/${await memberIn(e, fresh)}`,
      payload: () => ({ role: 'auditor' }),
      byRole: { manager: 200, auditor: 403, client: 403 },
    },
    { name: 'DELETE member', method: 'DELETE', url: async (e, fresh) => `/api/engagements/${e}/members/${await memberIn(e, fresh)}`, byRole: { manager: 204, auditor: 403, client: 403 } },
    {
      name: 'DELETE invitation',
      method: 'DELETE',
      url: async (e, fresh) => `/api/engagements/${e}/invitations/${await invitationIn(e, fresh)}`,
      byRole: { manager: 204, auditor: 403, client: 403 },
    },
  ];

  beforeAll(async () => {
    a = await openAuthApp(target);
    cookies.set('none', null);
    for (const who of ['manager', 'auditor', 'client', 'otherClient'] as const) cookies.set(who, await a.signIn(who));
    for (const e of [a.type2, a.elsewhere]) {
      stableMember.set(e, await throwawayMember(e));
      stableInvitation.set(e, await pendingInvitation(e));
    }
  });
  afterAll(async () => {
    await a?.close();
  });

  const expected = (route: RouteCase, actor: Actor, where: Target): number => {
    if (actor === 'none') return 401;
    if (where !== 'own' || actor === 'otherClient') return 404;
    return route.byRole[actor];
  };

  const cases = ROUTES.flatMap((route) => ACTORS.flatMap((actor) => TARGETS.map((where) => ({ route, actor, where, status: 0 })))).map((c) => ({
    ...c,
    status: expected(c.route, c.actor, c.where),
  }));

  it.each(cases)('$route.name by $actor in the $where engagement → $status', async ({ route, actor, where, status }) => {
    const success = status < 300;
    const url = await route.url(engagementOf[where](), success);
    const version = await createRecordsRepo(a.t.db).currentVersion();
    const before = await a.counts();
    const res = await a.call(route.method, url, { cookie: cookies.get(actor) ?? null, ...(route.payload ? { payload: route.payload() } : {}) });
    expect(res.statusCode, res.body).toBe(status);
    if (!success) {
      expect(res.json<{ error: string }>().error).toEqual(expect.any(String));
      // A refusal changes nothing.
      expect(await createRecordsRepo(a.t.db).currentVersion()).toBe(version);
      expect(await a.counts()).toEqual(before);
    }
    if (status === 404) expect(res.json()).toEqual({ error: `No engagement ${engagementOf[where]()}` });
  });

  it('serves /me to any signed-in user and 401 without a session', async () => {
    for (const actor of ACTORS) {
      const res = await a.call('GET', '/api/auth/me', { cookie: cookies.get(actor) ?? null });
      expect(res.statusCode).toBe(actor === 'none' ? 401 : 200);
    }
  });

  it('needs no session for sign-in, sign-out and the invitation links', async () => {
    expect((await a.call('POST', '/api/auth/sign-in', { payload: { email: 'client@demo.test', password: PASSWORD }, ip: '10.7.0.1' })).statusCode).toBe(200);
    expect((await a.call('POST', '/api/auth/sign-out')).statusCode).toBe(204);
    expect((await a.call('GET', `/api/invitations/${'y'.repeat(43)}`)).statusCode).toBe(404);
    expect((await a.call('POST', `/api/invitations/${'y'.repeat(43)}/accept`, { payload: { name: 'N', password: 'long enough password' } })).statusCode).toBe(404);
  });

  it('answers a malformed engagement or user id with 400 after the session check', async () => {
    expect((await a.call('GET', '/api/engagements/not-a-uuid/team')).statusCode).toBe(401);
    const res = await a.call('GET', '/api/engagements/not-a-uuid/team', { cookie: cookies.get('manager') ?? null });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ issues: [{ path: 'params.engagementId' }] });
    expect((await a.call('DELETE', `/api/engagements/${a.type2}/members/42`, { cookie: cookies.get('manager') ?? null })).statusCode).toBe(400);
  });
});
