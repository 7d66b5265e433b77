import type { AnyRecord, RecordKind, RecordOf } from '../../domain/records/record-kinds';
import type { OptimisticBase } from '../../sync/optimistic-base';
import type { ClientMeta, OutboxEntry } from '../../sync/protocol';
import type { ReadTx, Storage, WriteTx } from '../../sync/storage';

type Undo = () => void;

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const ignore = (): void => undefined;

/**
 * The Storage contract without a browser: for tests, and for a session where IndexedDB
 * is refused. Like IndexedDB, reads may overlap each other but never a write, and a
 * write sees nothing of later callers until it has committed or rolled back.
 */
export const createMemoryStorage = (): Storage => {
  const records = new Map<RecordKind, Map<string, AnyRecord>>();
  const outboxById = new Map<number, OutboxEntry>();
  const bases = new Map<string, OptimisticBase>();
  let meta: ClientMeta | undefined;
  let closed = false;

  // Scheduling: a read waits for earlier writes; a write waits for earlier reads and writes.
  let writesSettled: Promise<void> = Promise.resolve();
  const readsInFlight = new Set<Promise<void>>();

  const kindMap = (kind: RecordKind): Map<string, AnyRecord> => {
    let m = records.get(kind);
    if (!m) {
      m = new Map();
      records.set(kind, m);
    }
    return m;
  };

  const readTx = (assertActive: () => void): ReadTx => ({
    get: async <K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined> => {
      assertActive();
      const r = records.get(kind)?.get(id);
      return r === undefined ? undefined : (structuredClone(r) as RecordOf<K>);
    },
    list: async <K extends RecordKind>(kind: K, engagementId?: string): Promise<RecordOf<K>[]> => {
      assertActive();
      const all = [...(records.get(kind)?.values() ?? [])];
      const matching = engagementId === undefined ? all : all.filter((r) => r.engagementId === engagementId);
      return structuredClone(matching.sort(byId)) as RecordOf<K>[];
    },
    outbox: async (): Promise<OutboxEntry[]> => {
      assertActive();
      return structuredClone([...outboxById.values()].sort((a, b) => a.id - b.id));
    },
    outboxCount: async (): Promise<number> => {
      assertActive();
      return outboxById.size;
    },
    getMeta: async (): Promise<ClientMeta | undefined> => {
      assertActive();
      return meta === undefined ? undefined : structuredClone(meta);
    },
  });

  // Writes apply in place and keep an undo log: no reader can observe the state meanwhile.
  const writeTx = (assertActive: () => void, undo: Undo[]): WriteTx => {
    const setRecord = (kind: RecordKind, id: string, value: AnyRecord | undefined): void => {
      const m = kindMap(kind);
      const before = m.get(id);
      if (value === undefined) m.delete(id);
      else m.set(id, value);
      undo.push(() => (before === undefined ? m.delete(id) : m.set(id, before)));
    };
    return {
      ...readTx(assertActive),
      put: async (record: AnyRecord): Promise<void> => {
        assertActive();
        setRecord(record.kind, record.id, structuredClone(record));
      },
      remove: async (kind: RecordKind, id: string): Promise<void> => {
        assertActive();
        setRecord(kind, id, undefined);
      },
      appendOutbox: async (entry: OutboxEntry): Promise<void> => {
        assertActive();
        if (outboxById.has(entry.id)) throw new Error(`Outbox already holds mutation ${entry.id}`);
        outboxById.set(entry.id, structuredClone(entry));
        undo.push(() => outboxById.delete(entry.id));
      },
      dropOutboxThrough: async (mutationId: number): Promise<void> => {
        assertActive();
        for (const [id, entry] of outboxById) {
          if (id > mutationId) continue;
          outboxById.delete(id);
          undo.push(() => outboxById.set(id, entry));
        }
      },
      saveBase: async (base: OptimisticBase): Promise<void> => {
        assertActive();
        const key = `${base.kind}/${base.id}`;
        if (bases.has(key)) return;
        bases.set(key, structuredClone(base));
        undo.push(() => bases.delete(key));
      },
      takeBases: async (): Promise<OptimisticBase[]> => {
        assertActive();
        const taken = [...bases.entries()];
        bases.clear();
        undo.push(() => taken.forEach(([k, v]) => bases.set(k, v)));
        return structuredClone(taken.map(([, v]) => v));
      },
      setMeta: async (next: ClientMeta): Promise<void> => {
        assertActive();
        const before = meta;
        meta = structuredClone(next);
        undo.push(() => {
          meta = before;
        });
      },
    };
  };

  const activity = () => {
    let active = true;
    return {
      assertActive: (): void => {
        if (closed) throw new Error('The storage has been closed');
        if (!active) throw new Error('This transaction has finished: use the tx only inside its callback');
      },
      finish: (): void => {
        active = false;
      },
    };
  };

  const read = <T>(fn: (tx: ReadTx) => Promise<T>): Promise<T> => {
    const run = writesSettled.then(async () => {
      const a = activity();
      a.assertActive();
      try {
        return await fn(readTx(a.assertActive));
      } finally {
        a.finish();
      }
    });
    const settled = run.then(ignore, ignore);
    readsInFlight.add(settled);
    void settled.then(() => readsInFlight.delete(settled));
    return run;
  };

  const write = <T>(fn: (tx: WriteTx) => Promise<T>): Promise<T> => {
    const run = Promise.all([writesSettled, ...readsInFlight]).then(async () => {
      const a = activity();
      a.assertActive();
      const undo: Undo[] = [];
      try {
        return await fn(writeTx(a.assertActive, undo));
      } catch (e) {
        for (const u of undo.reverse()) u();
        throw e;
      } finally {
        a.finish();
      }
    });
    writesSettled = run.then(ignore, ignore);
    return run;
  };

  return {
    read,
    write,
    close: () => {
      closed = true;
    },
  };
};
