import { afterEach, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { Db } from '../../src/server/store/db';
import { loadMigrations, migrate } from '../../src/server/store/migrate';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { TEST_DBS, type TestDatabase } from './test-dbs';

const EXPECTED_TABLES = [
  'audit_events',
  'client_scopes',
  'clients',
  'invitations',
  'mutation_rejections',
  'records',
  'schema_migrations',
  'sessions',
  'sign_in_attempts',
  'users',
  'version_counter',
];

const tables = async (db: Db): Promise<string[]> => {
  const { rows } = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
};

const appliedIds = async (db: Db): Promise<string[]> => (await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).rows.map((r) => r.id);

describe.each(TEST_DBS)('migrations on $name', (target) => {
  const opened: TestDatabase[] = [];
  const open = async (options?: { onDisk?: boolean }) => {
    const t = await target.open(options);
    opened.push(t);
    return t;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((t) => t.dispose()));
  });

  it('ships numbered migrations in order, starting with 001-initial', () => {
    const ids = loadMigrations().map((m) => m.id);
    expect(ids[0]).toBe('001-initial');
    expect([...ids].sort()).toEqual(ids);
  });

  it('applies every migration once, records it, and is a no-op when run again', async () => {
    const { db } = await open();
    const all = loadMigrations().map((m) => m.id);
    expect(await migrate(db)).toEqual({ ok: true, applied: all, alreadyApplied: [] });
    expect(await tables(db)).toEqual(EXPECTED_TABLES);
    expect(await migrate(db)).toEqual({ ok: true, applied: [], alreadyApplied: all });
    expect(await appliedIds(db)).toEqual(all);
  });

  it('keeps data and applies nothing again after a restart', async () => {
    const t = await open({ onDisk: true });
    expect((await migrate(t.db)).ok).toBe(true);
    const created = await createUsersRepo(t.db).create({ id: v7(), email: 'Kept@Example.test', name: 'Kept', passwordHash: 'x' });
    expect(created.ok).toBe(true);

    const again = await t.reopen();
    const r = await migrate(again);
    expect(r).toEqual({ ok: true, applied: [], alreadyApplied: loadMigrations().map((m) => m.id) });
    expect((await createUsersRepo(again).findByEmail('kept@example.test'))?.name).toBe('Kept');
  });

  it('applies each migration exactly once when two servers migrate at the same time', async () => {
    const t = await open();
    // On PostgreSQL a second pool is a second server; PGlite serves one process, so both calls share it.
    const second = t.connectAnother ? await t.connectAnother() : t.db;
    const results = await Promise.all([migrate(t.db), migrate(second), migrate(second)]);
    const all = loadMigrations().map((m) => m.id);
    for (const r of results) expect(r.ok).toBe(true);
    const appliedCount = results.flatMap((r) => (r.ok ? r.applied : [])).length;
    expect(appliedCount).toBe(all.length);
    expect(await appliedIds(t.db)).toEqual(all);
    expect((await t.db.query<{ value: number }>('SELECT value FROM version_counter')).rows).toEqual([{ value: 0 }]);
  });

  it('rolls back a failing migration completely and names it', async () => {
    const { db } = await open();
    const broken = [...loadMigrations(), { id: '999-broken', sql: 'CREATE TABLE half_done (x int);\nSELECT no_such_function();', checksum: 'c' }];
    const r = await migrate(db, broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Database migration 999-broken failed: .*no_such_function/);
    expect(await tables(db)).not.toContain('half_done');
    expect(await appliedIds(db)).not.toContain('999-broken');
  });

  it('refuses a migration edited after it was applied, and a database from a newer server', async () => {
    const { db } = await open();
    const shipped = loadMigrations();
    expect((await migrate(db, shipped)).ok).toBe(true);

    const edited = shipped.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'edited' } : m));
    const r1 = await migrate(db, edited);
    expect(r1).toEqual({ ok: false, message: expect.stringContaining('Migration 001-initial was changed after it was applied') });

    const r2 = await migrate(db, []);
    expect(r2).toEqual({ ok: false, message: expect.stringContaining('migrations this server does not know (001-initial, ') });
  });

  it('makes audit_events append-only', async () => {
    const { db } = await open();
    expect((await migrate(db)).ok).toBe(true);
    const id = v7();
    await db.query("INSERT INTO audit_events (id, engagement_id, actor_id, action, target_kind, target_id, version) VALUES ($1, $2, 'u1', 'recordResult', 'result', $3, 1)", [id, v7(), v7()]);
    await expect(db.query("UPDATE audit_events SET action = 'tampered' WHERE id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE id = $1', [id])).rejects.toThrow(/append-only/);
    expect((await db.query('SELECT action FROM audit_events')).rows).toEqual([{ action: 'recordResult' }]);
  });
});
