import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import { migrate } from '../../src/server/store/migrate';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { writeTransaction } from '../../src/server/store/write-transaction';
import { makeControl, makeEngagement } from '../fixtures/record-factories';
import { TEST_DBS, type TestDatabase } from './test-dbs';

describe.each(TEST_DBS)('records and users repositories on $name', (target) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await target.open();
    const m = await migrate(t.db);
    if (!m.ok) throw new Error(m.message);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const repo = () => createRecordsRepo(t.db);

  it('gives every write the next version of one global counter, across engagements', async () => {
    const start = await repo().currentVersion();
    const a = makeEngagement({ name: 'Engagement A' });
    const b = makeEngagement({ name: 'Engagement B' });
    const writes = [a, b, makeControl(a.id), makeControl(b.id, { ref: 'CM-02' }), makeControl(a.id, { ref: 'CM-03' })];
    const versions: number[] = [];
    for (const r of writes) {
      const put = await repo().put(r);
      expect(put.ok).toBe(true);
      if (put.ok) versions.push(put.record.version);
    }
    expect(versions).toEqual([1, 2, 3, 4, 5].map((n) => start + n));
    expect(await repo().currentVersion()).toBe(start + 5);

    const stored = await repo().get('engagement', a.id);
    expect(stored).toEqual({ ...a, version: start + 1 });
    const controlsOfA = await repo().list('control', a.id);
    expect(controlsOfA.map((c) => [c.ref, c.version])).toEqual([
      ['CM-01', start + 3],
      ['CM-03', start + 5],
    ]);
  });

  it('moves an edited record to a new, higher version and lists changes since a version', async () => {
    const e = makeEngagement();
    const first = await repo().put(e);
    const c = makeControl(e.id);
    await repo().put(c);
    if (!first.ok) throw new Error(first.message);
    const cookie = await repo().currentVersion();

    const edited = await repo().put({ ...e, status: 'fieldwork', updatedAt: '2026-03-02T09:00:00.000Z' });
    expect(edited.ok && edited.record.version).toBe(cookie + 1);
    const since = await repo().listByEngagement(e.id, cookie);
    expect(since).toEqual([{ ...e, status: 'fieldwork', updatedAt: '2026-03-02T09:00:00.000Z', version: cookie + 1 }]);
    expect((await repo().listByEngagement(e.id)).map((r) => r.kind)).toEqual(['control', 'engagement']);

    const tombstone = await repo().put({ ...c, deleted: true });
    expect(tombstone.ok).toBe(true);
    expect(await repo().get('control', c.id)).toMatchObject({ deleted: true, version: cookie + 2 });
  });

  it('refuses an invalid record with a readable reason and writes nothing, not even a version', async () => {
    const e = makeEngagement();
    const before = await repo().currentVersion();
    const bad = makeControl(e.id, { criteriaIds: ['XX9.9'] });
    const r = await repo().put(bad);
    expect(r).toEqual({ ok: false, code: 'invalid', message: expect.stringContaining("control.criteriaIds.0: 'XX9.9' is not one of the 61 trust services criteria ids") });
    expect(await repo().get('control', bad.id)).toBeUndefined();
    expect(await repo().currentVersion()).toBe(before);

    const notARecord = await repo().put({ kind: 'spaceship', id: v7() });
    expect(notARecord.ok).toBe(false);
  });

  it('keeps nothing of a transaction that fails half-way', async () => {
    const e = makeEngagement();
    const before = await repo().currentVersion();
    await expect(
      writeTransaction(t.db, async (tx) => {
        const txRepo = createRecordsRepo(tx);
        expect((await txRepo.put(e)).ok).toBe(true);
        const bad = await txRepo.put(makeEngagement({ periodStart: '2026-12-31', periodEnd: '2026-01-01' }));
        if (!bad.ok) throw new Error(bad.message);
      }),
    ).rejects.toThrow(/The period must not end before it starts/);
    expect(await repo().get('engagement', e.id)).toBeUndefined();
    expect(await repo().currentVersion()).toBe(before);
  });

  it('hands out distinct, gapless versions to concurrent writers', async () => {
    const e = makeEngagement();
    const before = await repo().currentVersion();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => writeTransaction(t.db, async (tx) => createRecordsRepo(tx).put(makeControl(e.id, { ref: `C-${i}` })))),
    );
    const versions = results.map((r) => (r.ok ? r.record.version : -1)).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => before + i + 1));
  });

  it('runs a transaction again when it loses a serialization race, and keeps both effects', async () => {
    const before = await repo().currentVersion();
    let attempts = 0;
    // On PostgreSQL both transactions take their snapshot before either updates, so one must
    // fail with a serialization error and be retried; PGlite runs them one after the other.
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothSnapshotted = new Promise<void>((r) => (release = r));
    const bump = () =>
      t.db.transaction(async (tx) => {
        attempts += 1;
        await tx.query('SELECT value FROM version_counter');
        if (t.connectAnother && attempts <= 2) {
          arrived += 1;
          if (arrived === 2) release();
          await bothSnapshotted;
        }
        await tx.query('UPDATE version_counter SET value = value + 1 WHERE id = 1');
      });
    await Promise.all([bump(), bump()]);
    expect(await repo().currentVersion()).toBe(before + 2);
    expect(attempts).toBe(t.connectAnother ? 3 : 2);
  });

  it('reads one snapshot inside a repeatable-read transaction', async () => {
    const e = makeEngagement();
    await repo().put(e);
    const seen = await t.db.transaction(
      async (tx) => {
        const first = (await createRecordsRepo(tx).listByEngagement(e.id)).length;
        // A write committed by someone else meanwhile (on PGlite it has to wait: one connection).
        const other = t.connectAnother ? createRecordsRepo(await t.connectAnother()).put(makeControl(e.id)) : null;
        if (other) expect((await other).ok).toBe(true);
        const second = (await createRecordsRepo(tx).listByEngagement(e.id)).length;
        return [first, second];
      },
      { readOnly: true },
    );
    expect(seen).toEqual([1, 1]);
  });

  it('creates users with lower-cased e-mails and finds them case-insensitively', async () => {
    const users = createUsersRepo(t.db);
    const id = v7();
    const created = await users.create({ id, email: '  Pat.Auditor@Firm.TEST ', name: 'Pat', passwordHash: '$scrypt$x' });
    expect(created).toMatchObject({ ok: true, user: { id, email: 'pat.auditor@firm.test', name: 'Pat', disabled: false, firmRole: null } });
    expect((await users.findByEmail('PAT.AUDITOR@firm.test'))?.id).toBe(id);
    expect((await users.findById(id))?.email).toBe('pat.auditor@firm.test');
    expect(await users.findById('not-a-uuid')).toBeUndefined();
    expect(await users.findByEmail('nobody@firm.test')).toBeUndefined();

    const dup = await users.create({ id: v7(), email: 'pat.auditor@firm.test', name: 'Pat 2', passwordHash: 'x' });
    expect(dup).toEqual({ ok: false, code: 'email_taken', message: 'A user with the e-mail pat.auditor@firm.test already exists' });
    const invalid = await users.create({ id: v7(), email: 'not an e-mail', name: 'X', passwordHash: 'x' });
    expect(invalid).toMatchObject({ ok: false, code: 'invalid', message: expect.stringContaining('user.email') });
    const created2 = await users.create({ id: v7(), email: 'admin@firm.test', name: 'Admin', passwordHash: 'x', firmRole: 'admin' });
    expect(created2.ok && created2.user.firmRole).toBe('admin');
    expect(created2.ok && created2.user.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
