import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { v7 } from 'uuid';
import { buildApp } from '../../src/server/app';
import { hashPassword } from '../../src/server/auth/password';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie';
import { migrate } from '../../src/server/store/migrate';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { seedDemoData } from '../../src/server/seed/demo-seed';
import { makeEngagement } from '../fixtures/record-factories';
import type { TestDatabase, TestDbTarget } from './test-dbs';

/** What app.inject's default Host (localhost:80) makes the server's own origin. */
export const ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery staple';

export type Who = 'manager' | 'auditor' | 'client' | 'otherClient' | 'elsewhereManager';

export const EMAILS: Record<Who, string> = {
  manager: 'manager@demo.test',
  auditor: 'auditor@demo.test',
  client: 'client@demo.test',
  otherClient: 'client@other.test',
  elsewhereManager: 'boss@elsewhere.test',
};

export type TestClock = { now: () => Date; advance: (ms: number) => void };

export const makeClock = (start: number = Date.now()): TestClock => {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
};

export type AuthApp = {
  readonly t: TestDatabase;
  readonly app: FastifyInstance;
  readonly clock: TestClock;
  readonly userIds: Record<Who, string>;
  /** Demo Type 2: manager, auditor and client are members. */
  readonly type2: string;
  /** The demo Type 1: the manager and otherClient are members. */
  readonly type1: string;
  /** An engagement none of the demo users belongs to (elsewhereManager manages it). */
  readonly elsewhere: string;
  /** Same-origin request with JSON body and optional session cookie. */
  readonly call: (method: InjectOptions['method'], url: string, options?: { cookie?: string | null; payload?: unknown; headers?: Record<string, string>; ip?: string }) => Promise<LightMyRequestResponse>;
  readonly signIn: (who: Who, ip?: string) => Promise<string>;
  readonly counts: () => Promise<{ users: number; sessions: number; invitations: number; records: number }>;
  readonly close: () => Promise<void>;
};

/** The `name=value` of the session cookie a response sets (for the Cookie header of the next request). */
export const sessionCookieOf = (res: LightMyRequestResponse): string => {
  const header = res.headers['set-cookie'];
  const line = (Array.isArray(header) ? header : [header]).find((h) => typeof h === 'string' && h.startsWith(`${SESSION_COOKIE}=`));
  if (!line) throw new Error(`no ${SESSION_COOKIE} cookie in ${res.statusCode} ${res.body}`);
  return line.split(';')[0] ?? '';
};

/** The demo firm plus a third engagement with its own manager, behind the whole app, on a moveable clock. */
export const openAuthApp = async (target: TestDbTarget, options: { staticDir?: string; trustProxy?: boolean } = {}): Promise<AuthApp> => {
  const t = await target.open();
  const m = await migrate(t.db);
  if (!m.ok) throw new Error(m.message);
  const seed = await seedDemoData(t.db, { nodeEnv: 'test', password: PASSWORD });
  if (!seed.seeded) throw new Error('demo seed did not run');
  const users = createUsersRepo(t.db);
  const idOf = async (email: string) => {
    const u = await users.findByEmail(email);
    if (!u) throw new Error(`no demo user ${email}`);
    return u.id;
  };
  const elsewhereManager = v7();
  const created = await users.create({ id: elsewhereManager, email: EMAILS.elsewhereManager, name: 'Elsewhere Boss', passwordHash: await hashPassword(PASSWORD) });
  if (!created.ok) throw new Error(created.message);
  const elsewhere = makeEngagement({ name: 'Elsewhere SOC 2' });
  const records = createRecordsRepo(t.db);
  for (const r of [
    elsewhere,
    { id: v7(), engagementId: elsewhere.id, version: 0, updatedAt: new Date().toISOString(), updatedBy: elsewhereManager, deleted: false, kind: 'membership', userId: elsewhereManager, role: 'manager', organization: null },
  ]) {
    const put = await records.put(r);
    if (!put.ok) throw new Error(put.message);
  }
  const userIds: Record<Who, string> = {
    manager: await idOf(EMAILS.manager),
    auditor: await idOf(EMAILS.auditor),
    client: await idOf(EMAILS.client),
    otherClient: await idOf(EMAILS.otherClient),
    elsewhereManager,
  };
  const clock = makeClock();
  const app = await buildApp({ db: t.db, config: { staticDir: options.staticDir ?? '/nonexistent-tickmark-dist', trustProxy: options.trustProxy ?? false }, log: false, now: clock.now });
  await app.ready();

  const call: AuthApp['call'] = (method, url, o = {}) =>
    app.inject({
      method,
      url,
      remoteAddress: o.ip ?? '127.0.0.1',
      headers: { origin: ORIGIN, ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers },
      ...(o.payload === undefined ? {} : { payload: o.payload as InjectOptions['payload'] }),
    });

  const signIn = async (who: Who, ip = '10.9.9.9') => {
    const res = await call('POST', '/api/auth/sign-in', { payload: { email: EMAILS[who], password: PASSWORD }, ip });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${who}: ${res.statusCode} ${res.body}`);
    return sessionCookieOf(res);
  };

  const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0;
  const counts = async () => ({ users: await count('users'), sessions: await count('sessions'), invitations: await count('invitations'), records: await count('records') });

  return {
    t,
    app,
    clock,
    userIds,
    type2: seed.type2EngagementId,
    type1: seed.type1EngagementId,
    elsewhere: elsewhere.id,
    call,
    signIn,
    counts,
    close: async () => {
      await app.close();
      await t.dispose();
    },
  };
};
