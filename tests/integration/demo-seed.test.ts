import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyRecordSchema, type AnyRecord, type RecordOf } from '../../src/domain/records/record-kinds';
import { EXCEPTION_AREAS } from '../../src/domain/reference/exception-areas';
import { populationSha256 } from '../../src/domain/sampling/canonical-population';
import { selectSample } from '../../src/domain/sampling/select-sample';
import { verifyPassword } from '../../src/server/auth/password';
import { migrate } from '../../src/server/store/migrate';
import type { Db } from '../../src/server/store/db';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { seedDemoData, type DemoSeedOutcome } from '../../src/server/seed/demo-seed';
import { TEST_DBS, type TestDatabase } from './test-dbs';

const PASSWORD = 'demo-password-for-tests';

const openMigrated = async (open: () => Promise<TestDatabase>): Promise<TestDatabase> => {
  const t = await open();
  const m = await migrate(t.db);
  if (!m.ok) throw new Error(m.message);
  return t;
};

const count = async (db: Db, table: 'users' | 'records'): Promise<number> => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? -1;

const ofKind = <K extends AnyRecord['kind']>(records: readonly AnyRecord[], kind: K) => records.filter((r): r is RecordOf<K> => r.kind === kind);

describe.each(TEST_DBS)('demo seed on $name', (target) => {
  let t: TestDatabase;
  let outcome: DemoSeedOutcome;
  let type2: AnyRecord[];
  let type1: AnyRecord[];

  beforeAll(async () => {
    t = await openMigrated(() => target.open());
    outcome = await seedDemoData(t.db, { nodeEnv: 'development', password: PASSWORD });
    if (!outcome.seeded) throw new Error(`not seeded: ${outcome.reason}`);
    const repo = createRecordsRepo(t.db);
    type2 = await repo.listByEngagement(outcome.type2EngagementId);
    type1 = await repo.listByEngagement(outcome.type1EngagementId);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('creates the four demo users with the configured password', async () => {
    expect(outcome).toMatchObject({ seeded: true, passwordSource: 'env', password: PASSWORD });
    const users = createUsersRepo(t.db);
    expect(await users.count()).toBe(4);
    for (const email of ['manager@demo.test', 'auditor@demo.test', 'client@demo.test', 'client@other.test']) {
      const u = await users.findByEmail(email);
      expect(u, email).toBeDefined();
      expect(await verifyPassword(PASSWORD, u?.passwordHash ?? '')).toBe(true);
      expect(await verifyPassword('wrong-password', u?.passwordHash ?? '')).toBe(false);
    }
  });

  it('writes every record valid and versioned, in one increasing sequence', async () => {
    const all = [...type2, ...type1];
    expect(all.length).toBe(outcome.seeded ? outcome.recordCount : -1);
    for (const r of all) expect(anyRecordSchema.safeParse(r).success, `${r.kind} ${r.id}`).toBe(true);
    const versions = all.map((r) => r.version).sort((a, b) => a - b);
    expect(versions[0]).toBe(1);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.at(-1)).toBe(await createRecordsRepo(t.db).currentVersion());
  });

  it('seeds the Type 2 and the Type 1 engagement with the right people in each', async () => {
    const users = createUsersRepo(t.db);
    const id = async (email: string) => (await users.findByEmail(email))?.id;
    const [e2] = ofKind(type2, 'engagement');
    const [e1] = ofKind(type1, 'engagement');
    expect(e2).toMatchObject({ name: 'Demo Type 2', engagementKind: 'type2', clientOrganization: 'Northwind Cloud Ltd', periodStart: '2026-01-01', periodEnd: '2026-12-31', categoriesInScope: ['CC', 'A', 'C'] });
    expect(e1).toMatchObject({ name: 'Other Co SOC 2 Type 1', engagementKind: 'type1', clientOrganization: 'Other Co' });
    expect(e1?.periodStart).toBe(e1?.periodEnd);

    const members = (records: AnyRecord[]) => ofKind(records, 'membership').map((m) => [m.userId, m.role, m.organization]);
    expect(members(type2)).toEqual(
      expect.arrayContaining([
        [await id('manager@demo.test'), 'manager', null],
        [await id('auditor@demo.test'), 'auditor', null],
        [await id('client@demo.test'), 'client', 'Northwind Cloud Ltd'],
      ]),
    );
    expect(members(type2)).toHaveLength(3);
    expect(members(type1)).toEqual([
      [await id('manager@demo.test'), 'manager', null],
      [await id('client@other.test'), 'client', 'Other Co'],
    ]);
    expect(ofKind(type1, 'control').length).toBeGreaterThanOrEqual(2);
  });

  it('covers all seven common exception areas in the Type 2, each with its primary criteria', () => {
    const controls = ofKind(type2, 'control');
    expect(controls.map((c) => c.area).sort()).toEqual(EXCEPTION_AREAS.map((a) => a.key).sort());
    for (const c of controls) expect(c.criteriaIds).toEqual(EXCEPTION_AREAS.find((a) => a.key === c.area)?.primaryCriteria);
  });

  it('draws samples that anyone can reproduce from the population and the recorded seed', () => {
    const procedures = ofKind(type2, 'procedure');
    expect(procedures).toHaveLength(7);
    const e2 = ofKind(type2, 'engagement')[0];
    for (const p of procedures) {
      expect(p.methods.length).toBeGreaterThan(0);
      const population = ofKind(type2, 'population').find((x) => x.id === p.populationId);
      const items = ofKind(type2, 'populationItem').filter((i) => i.populationId === p.populationId);
      const samples = ofKind(type2, 'sample').filter((s) => s.procedureId === p.id).sort((a, b) => a.selectionIndex - b.selectionIndex);
      expect(population?.sha256).toBe(populationSha256(items));
      expect(samples.length).toBe(p.sampleSize);
      const seed = samples[0]?.selectionSeed ?? '';
      const redraw = selectSample({ items, seed, size: samples.length, periodStart: e2?.periodStart ?? '', periodEnd: e2?.periodEnd ?? '' });
      if (!redraw.ok) throw new Error(redraw.message);
      const keyOf = new Map(items.map((i) => [i.id, i.key]));
      expect(samples.map((s) => keyOf.get(s.populationItemId))).toEqual(redraw.selected.map((s) => s.key));
      expect(samples.map((s) => s.selectionIndex)).toEqual(redraw.selected.map((s) => s.index));
    }
    const itemCount = (ref: string) => {
      const control = ofKind(type2, 'control').find((c) => c.ref === ref);
      const p = procedures.find((x) => x.controlId === control?.id);
      return ofKind(type2, 'population').find((x) => x.id === p?.populationId)?.itemCount;
    };
    expect(itemCount('CM-01')).toBe(48);
    expect(itemCount('AC-03')).toBe(4);
  });

  it('does not seed again once the database has users', async () => {
    const before = await count(t.db, 'records');
    expect(await seedDemoData(t.db, { nodeEnv: 'development', password: undefined })).toEqual({ seeded: false, reason: 'not_empty' });
    expect(await count(t.db, 'records')).toBe(before);
    expect(await count(t.db, 'users')).toBe(4);
  });
});

describe.each(TEST_DBS)('demo seed refusals and password on $name', (target) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openMigrated(() => target.open());
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('seeds nothing in production, even into an empty database', async () => {
    expect(await seedDemoData(t.db, { nodeEnv: 'production', password: PASSWORD })).toEqual({ seeded: false, reason: 'production' });
    expect(await count(t.db, 'users')).toBe(0);
    expect(await count(t.db, 'records')).toBe(0);
  });

  it('generates a random password when none is configured, and it signs in', async () => {
    const outcome = await seedDemoData(t.db, { nodeEnv: 'test', password: undefined });
    if (!outcome.seeded) throw new Error(outcome.reason);
    expect(outcome.passwordSource).toBe('generated');
    expect(outcome.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const manager = await createUsersRepo(t.db).findByEmail('manager@demo.test');
    expect(await verifyPassword(outcome.password, manager?.passwordHash ?? '')).toBe(true);
  });
});
