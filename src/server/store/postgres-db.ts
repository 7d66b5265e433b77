import pg from 'pg';
import { type Db, type DbOpenResult, type Queryable, type QueryResult, type Row, type TransactionOptions, errorText, sqlState } from './db';
import { TYPE_PARSERS } from './type-parsers';

const { Pool, types } = pg;

/** serialization_failure and deadlock_detected: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

type PgTarget = Pick<pg.Pool, 'query'> | pg.PoolClient;

const queryable = (target: PgTarget): Queryable => ({
  query: async <T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    const r = await target.query<T>(sql, params ? [...params] : undefined);
    return { rows: r.rows, rowCount: r.rowCount ?? r.rows.length };
  },
  exec: async (sql: string) => {
    await target.query(sql);
  },
});

const beginStatement = (options: TransactionOptions | undefined): string =>
  `BEGIN ISOLATION LEVEL ${(options?.isolation ?? 'repeatable read').toUpperCase()}${options?.readOnly ? ' READ ONLY' : ''}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Shows where we tried to connect without ever printing a password. */
export const describeDatabaseUrl = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
};

export type PostgresOptions = {
  /** Puts every table in this schema (tests give each file its own). */
  readonly schema?: string;
  readonly maxConnections?: number;
};

/** PostgreSQL through a pg Pool: for teams running several stateless servers on one database. */
export const openPostgresDb = async (databaseUrl: string, options: PostgresOptions = {}): Promise<DbOpenResult> => {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: string) => TYPE_PARSERS[oid] ?? types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    return { ok: false, message: `Cannot connect to PostgreSQL at ${describeDatabaseUrl(databaseUrl)}: ${errorText(e)} — check DATABASE_URL.` };
  }

  const transaction = async <T>(fn: (tx: Queryable) => Promise<T>, txOptions?: TransactionOptions): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(beginStatement(txOptions));
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has(sqlState(e) ?? '')) {
          await sleep(5 * 2 ** attempt);
          continue;
        }
        throw e;
      } finally {
        client.release(broken);
      }
    }
  };

  let closed = false;
  const db: Db = {
    kind: 'postgres',
    ...queryable(pool),
    transaction,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
  return { ok: true, db };
};
