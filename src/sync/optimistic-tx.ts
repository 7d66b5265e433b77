import type { MutatorTx, WriteTx } from './storage';

/** The view a mutator gets on the client: every put first saves the record's pre-image. */
export const optimisticTx = (tx: WriteTx): MutatorTx => ({
  get: (kind, id) => tx.get(kind, id),
  list: (kind, engagementId) => tx.list(kind, engagementId),
  put: async (record) => {
    const previous = await tx.get(record.kind, record.id);
    await tx.saveBase({ kind: record.kind, id: record.id, previous: previous ?? null });
    await tx.put(record);
  },
});
