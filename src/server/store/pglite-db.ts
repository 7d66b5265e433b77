import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Db, type DbOpenResult, type Queryable, type QueryResult, type Row, errorText } from './db';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { TYPE_PARSERS } from './type-parsers';

export const IN_MEMORY = 'memory://';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

const queryable = (target: PgliteLike): Queryable => ({
  query: async <T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> => {
    const r = await target.query<T>(sql, params ? [...params] : undefined);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  },
  exec: async (sql: string) => {
    await target.exec(sql);
  },
});

const cannotOpen = (shownAs: string, reason: string): DbOpenResult => ({
  ok: false,
  message: `Cannot open the database in ${shownAs}: ${reason} — move it aside or set TICKMARK_DATA_DIR to another directory.`,
});

/** PGlite's own words ("Aborted(). Build with -sASSERTIONS…") mean nothing to the person starting the server. */
const describePgliteFailure = (reason: string): string => {
  if (/Aborted\(/.test(reason)) return 'it does not hold a readable database (PGlite aborted while reading it)';
  if (/failed to initialize/i.test(reason)) return 'it does not hold a readable database (PGlite could not start on it)';
  if (/ErrnoError/.test(reason)) return 'it could not be read (file system error)';
  return reason;
};

/** Makes sure the data directory is a directory we can use before PGlite touches it. */
const prepareDir = (dir: string, shownAs: string): { ok: true } | { ok: false; result: DbOpenResult } => {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) return { ok: false, result: cannotOpen(shownAs, 'it is a file, not a directory') };
    mkdirSync(dir, { recursive: true });
    return { ok: true };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way of one of its parent directories' : errorText(e);
    return { ok: false, result: cannotOpen(shownAs, reason) };
  }
};

/**
 * Embedded PostgreSQL (WebAssembly) in `dataDir`, or in memory for tests (`memory://`).
 * Failures to open are answered as a readable message, never a stack trace: a corrupt
 * directory makes PGlite abort with nothing a person could act on.
 */
export const openPgliteDb = async (dataDir: string): Promise<DbOpenResult> => {
  const inMemory = dataDir === IN_MEMORY;
  let lock: DataDirLock | null = null;
  if (!inMemory) {
    const prepared = prepareDir(resolve(dataDir), dataDir);
    if (!prepared.ok) return prepared.result;
    const locked = lockDataDir(resolve(dataDir), dataDir);
    if (!locked.ok) return { ok: false, message: locked.message };
    lock = locked.lock;
  }
  let pg: PGlite;
  try {
    pg = await PGlite.create(inMemory ? IN_MEMORY : resolve(dataDir), { parsers: TYPE_PARSERS });
    await pg.query('SELECT 1');
  } catch (e) {
    lock?.release();
    return cannotOpen(dataDir, describePgliteFailure(errorText(e)));
  }
  let closed = false;
  const db: Db = {
    kind: 'pglite',
    ...queryable(pg),
    transaction: (fn, options) =>
      pg.transaction(async (tx) => {
        // PGlite has one connection, so the level changes nothing today; it keeps the SQL identical to PostgreSQL's.
        await tx.exec(`SET TRANSACTION ISOLATION LEVEL ${(options?.isolation ?? 'repeatable read').toUpperCase()}${options?.readOnly ? ', READ ONLY' : ''}`);
        return fn(queryable(tx));
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
  return { ok: true, db };
};
