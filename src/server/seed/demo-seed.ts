import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
import { hashPassword } from '../auth/password';
import type { Db } from '../store/db';
import { createRecordsRepo } from '../store/records-repo';
import { createUsersRepo } from '../store/users-repo';
import { buildDemoRecords } from './demo-records';

export const DEMO_USERS = [
  { key: 'manager', email: 'manager@demo.test', name: 'Morgan Reyes', description: 'engagement manager (both engagements)', firmRole: 'admin' },
  { key: 'auditor', email: 'auditor@demo.test', name: 'Avery Chen', description: 'auditor (Demo Type 2)', firmRole: null },
  { key: 'client', email: 'client@demo.test', name: 'Casey Novak', description: 'client contact, Northwind Cloud Ltd', firmRole: null },
  { key: 'otherClient', email: 'client@other.test', name: 'Jordan Blake', description: 'client contact, Other Co', firmRole: null },
] as const;

export type DemoSeedOutcome =
  | { readonly seeded: false; readonly reason: 'production' | 'not_empty' }
  | {
      readonly seeded: true;
      readonly password: string;
      /** 'env': TICKMARK_DEMO_PASSWORD, so it is not printed; 'generated': shown once, now. */
      readonly passwordSource: 'env' | 'generated';
      readonly users: ReadonlyArray<{ readonly email: string; readonly description: string }>;
      readonly type2EngagementId: string;
      readonly type1EngagementId: string;
      readonly recordCount: number;
    };

export type DemoSeedOptions = {
  readonly nodeEnv: string;
  readonly password: string | undefined;
  readonly now?: () => string;
  readonly newId?: () => string;
};

// Advisory lock key for the seed: two servers starting on one empty database seed it once.
const SEED_LOCK = `SELECT pg_advisory_xact_lock(hashtext('tickmark:seed:' || current_schema()))`;

/** ~16 characters from a CSPRNG; there is never a fixed default password. */
export const generateDemoPassword = (): string => randomBytes(12).toString('base64url');

/**
 * Seeds the demo firm (four users, two engagements with controls, populations and
 * samples) into a fresh database, all in one transaction. Never in production, never
 * into a database that already has users.
 */
export const seedDemoData = async (db: Db, options: DemoSeedOptions): Promise<DemoSeedOutcome> => {
  if (options.nodeEnv === 'production') return { seeded: false, reason: 'production' };
  if ((await createUsersRepo(db).count()) > 0) return { seeded: false, reason: 'not_empty' };

  const password = options.password ?? generateDemoPassword();
  const newId = options.newId ?? (() => v7());
  const now = (options.now ?? (() => new Date().toISOString()))();
  // Hashed before the transaction so the lock is not held through the slow part.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(password)));
  const ids = { manager: newId(), auditor: newId(), client: newId(), otherClient: newId() };
  const demo = buildDemoRecords({ users: ids, now, newId });

  const seeded = await db.transaction(
    async (tx) => {
      await tx.query(SEED_LOCK);
      const users = createUsersRepo(tx);
      if ((await users.count()) > 0) return false;
      for (const [i, u] of DEMO_USERS.entries()) {
        const created = await users.create({ id: ids[u.key], email: u.email, name: u.name, passwordHash: hashes[i] ?? '', firmRole: u.firmRole });
        if (!created.ok) throw new Error(`demo user ${u.email}: ${created.message}`);
      }
      const repo = createRecordsRepo(tx);
      for (const record of demo.records) {
        const put = await repo.put(record);
        if (!put.ok) throw new Error(`demo record ${record.kind} ${record.id}: ${put.message}`);
      }
      return true;
    },
    { isolation: 'read committed' },
  );
  if (!seeded) return { seeded: false, reason: 'not_empty' };
  return {
    seeded: true,
    password,
    passwordSource: options.password === undefined ? 'generated' : 'env',
    users: DEMO_USERS.map((u) => ({ email: u.email, description: u.description })),
    type2EngagementId: demo.type2EngagementId,
    type1EngagementId: demo.type1EngagementId,
    recordCount: demo.records.length,
  };
};
