import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, DbKind, DbOpenResult } from '../../src/server/store/db';
import { IN_MEMORY, openPgliteDb } from '../../src/server/store/pglite-db';
import { openPostgresDb } from '../../src/server/store/postgres-db';

/** One isolated database: a fresh PGlite, or a fresh schema in the PostgreSQL of DATABASE_URL. */
export type TestDatabase = {
  /** The current connection; replaced by reopen(). */
  readonly db: Db;
  /** Closes the connection and opens the same data again, as a server restart does. */
  reopen(): Promise<Db>;
  /** A second, independent connection to the same data (PostgreSQL only: a second server). */
  readonly connectAnother: (() => Promise<Db>) | null;
  /** The URL a separate server process would use for the same data (PostgreSQL only). */
  readonly databaseUrl: string | null;
  /** Closes every connection and removes the data. */
  dispose(): Promise<void>;
};

export type OpenOptions = {
  /** PGlite on disk instead of in memory, so reopen() finds the data again. */
  readonly onDisk?: boolean;
};

export type TestDbTarget = { readonly name: DbKind; readonly open: (options?: OpenOptions) => Promise<TestDatabase> };

const must = async (opening: Promise<DbOpenResult>): Promise<Db> => {
  const r = await opening;
  if (!r.ok) throw new Error(r.message);
  return r.db;
};

const openPglite = async (options: OpenOptions = {}): Promise<TestDatabase> => {
  const dir = options.onDisk ? mkdtempSync(join(tmpdir(), 'tickmark-pglite-')) : null;
  let db = await must(openPgliteDb(dir ?? IN_MEMORY));
  return {
    get db() {
      return db;
    },
    reopen: async () => {
      if (!dir) throw new Error('An in-memory PGlite cannot be reopened: open it with { onDisk: true }');
      await db.close();
      db = await must(openPgliteDb(dir));
      return db;
    },
    connectAnother: null,
    databaseUrl: null,
    dispose: async () => {
      await db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
};

const withSearchPath = (url: string, schema: string): string => {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
};

const openPostgres = (url: string) => async (): Promise<TestDatabase> => {
  // A schema per open: test files (and tests within them) never see each other's tables.
  const schema = `tickmark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const others: Db[] = [];
  const connect = () => must(openPostgresDb(url, { schema }));
  let db = await connect();
  return {
    get db() {
      return db;
    },
    reopen: async () => {
      await db.close();
      db = await connect();
      return db;
    },
    connectAnother: async () => {
      const another = await connect();
      others.push(another);
      return another;
    },
    databaseUrl: withSearchPath(url, schema),
    dispose: async () => {
      await Promise.all([db, ...others].map((d) => d.close()));
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await cleanup.end();
    },
  };
};

const postgresUrl = process.env.DATABASE_URL?.trim() || null;

/**
 * The databases every integration suite runs against: PGlite always, PostgreSQL too when
 * DATABASE_URL is set (as CI does). Use with describe.each(TEST_DBS).
 */
export const TEST_DBS: readonly TestDbTarget[] = [
  { name: 'pglite', open: openPglite },
  ...(postgresUrl ? [{ name: 'postgres' as const, open: openPostgres(postgresUrl) }] : []),
];
