import type { AnyRecord, RecordKind, RecordOf } from '../../domain/records/record-kinds';
import type { MutatorErrorCode } from '../../sync/mutators/mutator';
import type { MutatorTx } from '../../sync/storage';
import type { Queryable } from '../store/db';
import { createRecordsRepo } from '../store/records-repo';
import { findUnstorableText } from './unstorable-text';

/**
 * Thrown by the server tx when a mutator tries a write the server refuses. The push
 * catches it, rolls the mutation's writes back and answers it as a rejection.
 */
export class MutationRefusal extends Error {
  constructor(
    readonly code: MutatorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MutationRefusal';
  }
}

export type ServerMutatorTxOptions = {
  /** The write transaction (writeTransaction): every read and write of the mutation happens in it. */
  readonly q: Queryable;
  /** The engagement the mutation was authorised for: it reads and writes nothing else. */
  readonly engagementId: string;
  /** The session's user: every record written carries it as updatedBy. */
  readonly userId: string;
  /** Server time of the mutation: every record written carries it as updatedAt. */
  readonly now: string;
};

export type ServerMutatorTx = {
  readonly tx: MutatorTx;
  /** The version of the last record written, null while nothing was. */
  readonly lastVersion: () => number | null;
};

/**
 * The `MutatorTx` a mutator runs against on the server, inside the push's write
 * transaction. It is confined to the one engagement the mutation was authorised for:
 * reads of another engagement's records find nothing, and a write into another
 * engagement, or over a record (same kind and id) that lives in another one, is refused.
 * `put` validates with the record's zod schema and takes the next global version; the
 * version, updatedAt and updatedBy the mutator passed are ignored (never trust a client).
 */
export const createServerMutatorTx = ({ q, engagementId, userId, now }: ServerMutatorTxOptions): ServerMutatorTx => {
  const repo = createRecordsRepo(q);
  let lastVersion: number | null = null;

  const get = async <K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined> => {
    const found = await repo.get(kind, id);
    return found && found.engagementId === engagementId ? found : undefined;
  };

  const tx: MutatorTx = {
    get,
    list: async (kind, listEngagementId) => (listEngagementId === engagementId ? repo.list(kind, listEngagementId) : []),
    put: async (record: AnyRecord) => {
      if (record.engagementId !== engagementId) throw new MutationRefusal('forbidden', `This change may only touch engagement ${engagementId}`);
      const { rows } = await q.query<{ engagementId: string }>('SELECT engagement_id AS "engagementId" FROM records WHERE kind = $1 AND id = $2', [record.kind, record.id]);
      const existing = rows[0];
      if (existing && existing.engagementId !== engagementId) throw new MutationRefusal('invalid', `The id ${record.id} is already taken by another ${record.kind}`);
      const stamped = { ...record, version: 0, updatedAt: now, updatedBy: userId };
      const unstorable = findUnstorableText(stamped, record.kind);
      if (unstorable) throw new MutationRefusal('invalid', `${unstorable}: contains a character that cannot be stored (NUL or an unpaired surrogate)`);
      const put = await repo.put(stamped);
      if (!put.ok) throw new MutationRefusal('invalid', put.message);
      lastVersion = put.record.version;
    },
  };
  return { tx, lastVersion: () => lastVersion };
};
