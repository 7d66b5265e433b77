import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { ReadTx, Storage, WriteTx } from '../../sync/storage';
import { ALL_STORES, IDB_SCHEMA_VERSION, upgradeIdbSchema, type TickmarkDb, type TickmarkStoreName } from './idb-schema';
import { idbReadTx, idbWriteTx } from './idb-transactions';
import { invalidValueKey, type InvalidStoredValue } from './stored-value-parsing';

export type IdbStorage = Storage & {
  readonly dbName: string;
  /** Stored values skipped because they no longer parse, one per key, since this store was opened. */
  invalidRecords(): InvalidStoredValue[];
};

export type IdbStorageOptions = {
  /** Called once per unparseable stored value each time a read meets it. */
  readonly onInvalid?: (report: InvalidStoredValue) => void;
  /** Another tab opened a newer schema: this connection is already closed, the page should reload. */
  readonly onVersionChange?: () => void;
  /** The browser closed the connection (storage cleared, disk error). */
  readonly onTerminated?: () => void;
  /** IndexedDB commit durability; the browser's default unless set (recent Chromium: relaxed, no fsync per commit). */
  readonly durability?: IDBTransactionDurability;
};

export type IdbOpenErrorCode = 'unavailable' | 'blocked' | 'newer_version' | 'failed';

export type IdbStorageResult =
  | { readonly ok: true; readonly storage: IdbStorage }
  | { readonly ok: false; readonly code: IdbOpenErrorCode; readonly message: string };

type Db = IDBPDatabase<TickmarkDb>;
type AnyTx = IDBPTransaction<TickmarkDb, TickmarkStoreName[], IDBTransactionMode>;

const failure = (code: IdbOpenErrorCode, message: string): IdbStorageResult => ({ ok: false, code, message });

const classifyOpenError = (e: unknown): IdbStorageResult => {
  const name = e instanceof Error || e instanceof DOMException ? e.name : 'Error';
  const detail = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  switch (name) {
    case 'VersionError':
      return failure(
        'newer_version',
        `The offline data on this device was saved by a newer version of Tickmark than this page (schema ${IDB_SCHEMA_VERSION}). Reload to get the newer version. (${detail})`,
      );
    case 'SecurityError':
    case 'InvalidStateError':
      return failure('unavailable', `This browser refuses IndexedDB here (private browsing or blocked storage?), so work cannot be kept offline. (${name}: ${detail})`);
    default:
      return failure('failed', `Could not open the offline database: ${name}: ${detail}`);
  }
};

const abortQuietly = (tx: AnyTx): void => {
  try {
    tx.abort();
  } catch {
    // Already aborted by a failed request, or already committed: nothing more to undo.
  }
};

/** Turns the browser's terse error for a broken Storage.write rule into one that names it. */
const explainEarlyCommit = (e: unknown, committedEarly: boolean): unknown =>
  committedEarly && e instanceof DOMException && (e.name === 'TransactionInactiveError' || e.name === 'InvalidStateError')
    ? new Error(
        'IndexedDB committed this write before its callback finished, so what came after was not saved: the callback awaited something other than the transaction',
        { cause: e },
      )
    : e;

/**
 * Opens (creating or upgrading) the device's offline database. Failures are values:
 * the caller decides whether to fall back to memory or tell the user what to close.
 */
export const openIdbStorage = async (dbName: string, options: IdbStorageOptions = {}): Promise<IdbStorageResult> => {
  if (typeof indexedDB === 'undefined') {
    return failure('unavailable', 'This browser offers no IndexedDB, so Tickmark cannot keep work offline here.');
  }
  let signalBlocked: () => void = () => undefined;
  const blocked = new Promise<'blocked'>((resolve) => {
    signalBlocked = () => resolve('blocked');
  });
  let opening: Promise<Db> | undefined;
  let outcome: Db | 'blocked';
  try {
    // Inside the try: some browsers throw from indexedDB.open itself (opaque origins).
    opening = openDB<TickmarkDb>(dbName, IDB_SCHEMA_VERSION, {
      upgrade: (db, oldVersion, newVersion, tx) => upgradeIdbSchema(db, oldVersion, newVersion ?? IDB_SCHEMA_VERSION, tx),
      blocked: () => signalBlocked(),
      blocking: (_current, _wanted, event) => {
        // Let the newer tab upgrade instead of leaving it stuck; this page must reload.
        if (event.target instanceof IDBDatabase) event.target.close();
        options.onVersionChange?.();
      },
      terminated: () => options.onTerminated?.(),
    });
    outcome = await Promise.race([opening, blocked]);
  } catch (e) {
    return classifyOpenError(e);
  }
  if (outcome === 'blocked') {
    // The open request stays queued; if the old tab lets go later, don't leak that connection.
    opening?.then((db) => db.close(), () => undefined);
    return failure('blocked', 'Another Tickmark tab is still using an older version of the offline data. Close or reload the other Tickmark tabs, then reload this one.');
  }
  return { ok: true, storage: idbStorageOver(dbName, outcome, options) };
};

const idbStorageOver = (dbName: string, db: Db, options: IdbStorageOptions): IdbStorage => {
  const invalid = new Map<string, InvalidStoredValue>();
  const report = (r: InvalidStoredValue): void => {
    invalid.set(invalidValueKey(r), r);
    options.onInvalid?.(r);
  };
  const txOptions = options.durability === undefined ? undefined : { durability: options.durability };

  const read = async <T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> => {
    const tx = db.transaction(ALL_STORES, 'readonly');
    tx.done.catch(() => undefined);
    return fn(idbReadTx(tx, report));
  };

  const write = async <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => {
    const tx = db.transaction(ALL_STORES, 'readwrite', txOptions);
    // Observed now so an abort before we await it is not an unhandled rejection.
    let committed = false;
    const done = tx.done.then(() => {
      committed = true;
    });
    done.catch(() => undefined);
    let result: T;
    try {
      result = await fn(idbWriteTx(tx, report));
    } catch (e) {
      const committedEarly = committed;
      abortQuietly(tx);
      await done.catch(() => undefined);
      throw explainEarlyCommit(e, committedEarly);
    }
    try {
      tx.commit();
    } catch {
      // Already committing on its own (idle) — `done` below still tells how it ended.
    }
    // Resolve only once IndexedDB reports the commit, or reject if a failed request aborted it.
    await done;
    return result;
  };

  return {
    dbName,
    read,
    write,
    close: () => db.close(),
    invalidRecords: () => [...invalid.values()],
  };
};
