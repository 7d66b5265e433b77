import type { IDBPTransaction } from 'idb';
import type { AnyRecord, RecordKind, RecordOf } from '../../domain/records/record-kinds';
import { optimisticBaseSchema, type OptimisticBase } from '../../sync/optimistic-base';
import type { ClientMeta, OutboxEntry } from '../../sync/protocol';
import type { ReadTx, WriteTx } from '../../sync/storage';
import { CLIENT_META_KEY, RECORDS_BY_KIND_ENGAGEMENT, type TickmarkDb, type TickmarkStoreName } from './idb-schema';
import {
  parseStoredClientMeta,
  parseStoredOutboxEntry,
  parseStoredRecord,
  parseStoredRecordOfUnknownKey,
  type ReportInvalid,
} from './stored-value-parsing';

type AnyTx = IDBPTransaction<TickmarkDb, TickmarkStoreName[], IDBTransactionMode>;
type ReadWriteTx = IDBPTransaction<TickmarkDb, TickmarkStoreName[], 'readwrite'>;

const isDefined = <T>(v: T | undefined): v is T => v !== undefined;

// Array keys sort after strings, so [kind, []] bounds every [kind, <string id>].
const kindRange = (kind: RecordKind): IDBKeyRange => IDBKeyRange.bound([kind], [kind, []]);

export const idbReadTx = (tx: AnyTx, report: ReportInvalid): ReadTx => ({
  get: async <K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined> => {
    const value = await tx.objectStore('records').get([kind, id]);
    return value === undefined ? undefined : parseStoredRecord(kind, id, value, report);
  },
  list: async <K extends RecordKind>(kind: K, engagementId?: string): Promise<RecordOf<K>[]> => {
    const store = tx.objectStore('records');
    const values =
      engagementId === undefined
        ? await store.getAll(kindRange(kind))
        : await store.index(RECORDS_BY_KIND_ENGAGEMENT).getAll(IDBKeyRange.only([kind, engagementId]));
    return values.map((v) => parseStoredRecordOfUnknownKey(kind, v, report)).filter(isDefined);
  },
  outbox: async (): Promise<OutboxEntry[]> => {
    const values = await tx.objectStore('outbox').getAll();
    return values.map((v) => parseStoredOutboxEntry(v, report)).filter(isDefined);
  },
  // Counts what is stored, parseable or not: it answers "is anything waiting to sync".
  outboxCount: () => tx.objectStore('outbox').count(),
  getMeta: async (): Promise<ClientMeta | undefined> => parseStoredClientMeta(await tx.objectStore('meta').get(CLIENT_META_KEY), report),
});

export const idbWriteTx = (tx: ReadWriteTx, report: ReportInvalid): WriteTx => ({
  ...idbReadTx(tx, report),
  put: async (record: AnyRecord): Promise<void> => {
    await tx.objectStore('records').put(record);
  },
  remove: async (kind: RecordKind, id: string): Promise<void> => {
    await tx.objectStore('records').delete([kind, id]);
  },
  // `add`, not `put`: reusing a mutation id is a bug, and the ConstraintError aborts the write.
  appendOutbox: async (entry: OutboxEntry): Promise<void> => {
    await tx.objectStore('outbox').add(entry);
  },
  dropOutboxThrough: async (mutationId: number): Promise<void> => {
    await tx.objectStore('outbox').delete(IDBKeyRange.upperBound(mutationId));
  },
  setMeta: async (meta: ClientMeta): Promise<void> => {
    await tx.objectStore('meta').put(meta, CLIENT_META_KEY);
  },
  saveBase: async (base: OptimisticBase): Promise<void> => {
    const store = tx.objectStore('bases');
    if ((await store.getKey([base.kind, base.id])) === undefined) await store.put(base);
  },
  takeBases: async (): Promise<OptimisticBase[]> => {
    const store = tx.objectStore('bases');
    const values = await store.getAll();
    await store.clear();
    // A pre-image from an older app version that no longer parses is dropped: the next
    // pull's patch or a refetch brings the server's copy.
    return values.flatMap((v) => {
      const parsed = optimisticBaseSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    });
  },
});
