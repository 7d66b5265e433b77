import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';

/**
 * Values are typed `unknown` on purpose: whatever IndexedDB hands back may have been
 * written by an older app version, so it is parsed with zod before anyone sees it.
 */
export interface TickmarkDb extends DBSchema {
  records: {
    key: [string, string];
    value: unknown;
    indexes: { byKindEngagement: [string, string] };
  };
  outbox: { key: number; value: unknown };
  meta: { key: string; value: unknown };
  bases: { key: [string, string]; value: unknown };
}

export type TickmarkStoreName = StoreNames<TickmarkDb>;

/** Every write spans all the stores, so IndexedDB serialises writes for us. */
export const ALL_STORES: TickmarkStoreName[] = ['records', 'outbox', 'meta', 'bases'];

export const RECORDS_BY_KIND_ENGAGEMENT = 'byKindEngagement';

/** The single key the ClientMeta lives under in the `meta` store. */
export const CLIENT_META_KEY = 'client';

type UpgradeTx = IDBPTransaction<TickmarkDb, TickmarkStoreName[], 'versionchange'>;

type Migration = {
  /** The schema version this step produces. */
  readonly version: number;
  readonly apply: (db: IDBPDatabase<TickmarkDb>, tx: UpgradeTx) => void;
};

/**
 * Schema history, oldest first. Never edit a step that has shipped: append a new one,
 * since a browser may hold data at any earlier version. The index arrived after the
 * stores, which keeps the step-by-step upgrade path exercised by tests from the start.
 */
export const IDB_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    apply: (db) => {
      db.createObjectStore('records', { keyPath: ['kind', 'id'] });
      db.createObjectStore('outbox', { keyPath: 'id' });
      db.createObjectStore('meta');
    },
  },
  {
    version: 2,
    apply: (_db, tx) => {
      tx.objectStore('records').createIndex(RECORDS_BY_KIND_ENGAGEMENT, ['kind', 'engagementId']);
    },
  },
  {
    version: 3,
    apply: (db) => {
      db.createObjectStore('bases', { keyPath: ['kind', 'id'] });
    },
  },
];

export const IDB_SCHEMA_VERSION = IDB_MIGRATIONS.length;

/** Runs every step newer than what the browser has, inside the versionchange transaction. */
export const upgradeIdbSchema = (db: IDBPDatabase<TickmarkDb>, oldVersion: number, newVersion: number, tx: UpgradeTx): void => {
  for (const step of IDB_MIGRATIONS) {
    if (step.version > oldVersion && step.version <= newVersion) step.apply(db, tx);
  }
};
