import type { Db, Queryable } from './db';

/**
 * The transaction for writing records. It locks the version counter first, so writers run
 * one at a time, and it is read committed, so once it holds the lock every read sees all
 * that earlier writers committed: a mutator's checks and its writes are on current data,
 * and versions become visible in the order they were handed out. (Under repeatable read
 * every writer that waited on the counter would fail with a serialization error.)
 */
export const writeTransaction = <T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> =>
  db.transaction(
    async (tx) => {
      await tx.query('SELECT value FROM version_counter WHERE id = 1 FOR UPDATE');
      return fn(tx);
    },
    { isolation: 'read committed' },
  );
