/**
 * The one database interface the server codes against. PGlite (embedded, the default)
 * and PostgreSQL (DATABASE_URL) both implement it, so repositories, migrations and
 * the test suite run unchanged on either.
 */
export type DbKind = 'pglite' | 'postgres';

export type Row = Record<string, unknown>;

export type QueryResult<T> = { readonly rows: T[]; readonly rowCount: number };

export interface Queryable {
  /** One statement, `$1`-style parameters. int8 comes back as number, timestamptz as an ISO string, date as 'YYYY-MM-DD'. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * repeatable read (the default) gives a transaction one snapshot, which a pull needs.
 * read committed is for the few places that must see rows committed while they waited
 * on a lock (migrations, the demo seed).
 */
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

export type TransactionOptions = { readonly isolation?: IsolationLevel; readonly readOnly?: boolean };

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside, use only `tx` (PGlite has one connection: `db.query` from inside would wait
   * for the transaction forever). On PostgreSQL a serialization failure or deadlock
   * retries `fn` from the start, so `fn` must have no effects outside `tx`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export type DbOpenResult = { readonly ok: true; readonly db: Db } | { readonly ok: false; readonly message: string };

/** SQLSTATE of a database error, from either driver. */
export const sqlState = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;

export const errorText = (e: unknown): string => (e instanceof Error ? e.message || e.name : String(e));
