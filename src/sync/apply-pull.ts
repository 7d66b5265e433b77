import { RECORD_SCHEMAS, type RecordKind } from '../domain/records/record-kinds';
import type { Mutator } from './mutators/mutator';
import { MUTATORS } from './mutators/registry';
import { optimisticTx } from './optimistic-tx';
import type { OutboxEntry, PullResponse } from './protocol';
import type { Storage, WriteTx } from './storage';

const KINDS = Object.keys(RECORD_SCHEMAS) as RecordKind[];

export type ApplyPullOutcome = { readonly applied: number; readonly acknowledged: number; readonly pending: number; readonly rebaseFailures: readonly number[] };

const dropEngagement = async (tx: WriteTx, engagementId: string): Promise<void> => {
  for (const kind of KINDS) {
    for (const r of await tx.list(kind, engagementId)) await tx.remove(kind, r.id);
  }
};

/**
 * Re-runs a pending mutation on top of the server's state. One that no longer applies
 * (its record was deleted meanwhile) stays in the outbox: the server decides and says why.
 */
const rebase = async (tx: WriteTx, entry: OutboxEntry, userId: string): Promise<boolean> => {
  const mutator = MUTATORS[entry.name] as Mutator<unknown>;
  const args = mutator.args.safeParse(entry.args);
  if (!args.success) return false;
  const result = await mutator.apply(optimisticTx(tx), args.data, { userId, now: () => entry.clientTime });
  return result.ok;
};

/**
 * Applies one pull answer in ONE local transaction: optimistic changes undone, scope
 * resets, the patch, dropping acknowledged mutations, re-applying pending ones, the new cookie. A crash before the
 * commit leaves the previous state whole, and the same pull is simply made again.
 */
export const applyPull = (storage: Storage, response: PullResponse, userId: string): Promise<ApplyPullOutcome> =>
  storage.write(async (tx) => {
    const meta = await tx.getMeta();
    if (!meta) throw new Error('applyPull: this device has no client id yet');
    for (const base of await tx.takeBases()) {
      if (base.previous) await tx.put(base.previous);
      else await tx.remove(base.kind, base.id);
    }
    for (const engagementId of response.reset ?? []) await dropEngagement(tx, engagementId);
    for (const op of response.patch) {
      if (op.op === 'put') await tx.put(op.value);
      else await tx.remove(op.kind, op.id);
    }
    const before = await tx.outboxCount();
    await tx.dropOutboxThrough(response.lastMutationId);
    const pending = await tx.outbox();
    const rebaseFailures: number[] = [];
    for (const entry of pending) {
      if (!(await rebase(tx, entry, userId))) rebaseFailures.push(entry.id);
    }
    await tx.setMeta({ ...meta, cookie: response.cookie });
    return { applied: response.patch.length, acknowledged: before - pending.length, pending: pending.length, rebaseFailures };
  });
