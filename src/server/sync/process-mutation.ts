import { membershipIn, type Actor } from '../../domain/permissions/actor';
import { canPerform } from '../../domain/permissions/action-rules';
import { fail, type Mutator, type MutatorResult } from '../../sync/mutators/mutator';
import { MUTATORS } from '../../sync/mutators/registry';
import type { Mutation, PushResponse } from '../../sync/protocol';
import { loadActor } from '../auth/authenticate';
import { noSuchEngagement } from '../auth/engagement-access';
import type { Db, Queryable } from '../store/db';
import { createRecordsRepo } from '../store/records-repo';
import { writeTransaction } from '../store/write-transaction';
import { createClientsRepo } from './clients-repo';
import { createServerMutatorTx, MutationRefusal } from './server-mutator-tx';
import { createSyncLogRepo } from './sync-log-repo';

export type MutationResult = PushResponse['results'][number];

export type MutationOutcome =
  | { readonly kind: 'done'; readonly result: MutationResult; readonly lastMutationId: number }
  /** The mutation is not the next one: the client must send `expected` first. */
  | { readonly kind: 'gap'; readonly expected: number }
  /** The clientId belongs to another user. */
  | { readonly kind: 'foreign' }
  /** The session's user no longer exists or was disabled meanwhile. */
  | { readonly kind: 'signed_out' };

export type ProcessMutationInput = {
  readonly db: Db;
  readonly userId: string;
  readonly clientId: string;
  readonly mutation: Mutation;
  readonly now: () => Date;
};

type Decision =
  | { readonly ok: true; readonly version: number; readonly engagementId: string; readonly target: { readonly kind: string; readonly id: string } }
  | { readonly ok: false; readonly code: string; readonly message: string };

const argsText = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((i) => `${i.path.map(String).join('.') || 'args'}: ${i.message}`).join('; ');

/**
 * Authorises and runs one mutation in the open transaction. Its writes happen inside a
 * savepoint, so a refusal (from the mutator or from the server tx) leaves nothing of
 * them; an unexpected error propagates and the whole transaction rolls back.
 */
const decide = async (q: Queryable, actor: Actor, mutation: Mutation, serverTime: string): Promise<Decision> => {
  const mutator = MUTATORS[mutation.name] as Mutator<unknown>;
  const parsed = mutator.args.safeParse(mutation.args);
  if (!parsed.success) return { ok: false, code: 'invalid', message: argsText(parsed.error.issues) };
  const args = parsed.data;
  const engagementId = mutator.engagementOf(args);
  if (engagementId !== null) {
    // Not a member and no such engagement read the same, so the answer reveals nothing.
    const engagement = await createRecordsRepo(q).get('engagement', engagementId);
    if (!engagement || engagement.deleted || !membershipIn(actor, engagementId)) return { ok: false, code: 'not_found', message: noSuchEngagement(engagementId) };
    const permitted = canPerform(actor, mutation.name, engagementId);
    if (!permitted.ok) return { ok: false, code: permitted.code, message: permitted.message };
    if (engagement.status === 'archived') return { ok: false, code: 'locked', message: 'This engagement is archived: it can no longer be changed' };
  } else {
    const permitted = canPerform(actor, mutation.name, null);
    if (!permitted.ok) return { ok: false, code: permitted.code, message: permitted.message };
  }
  // Only createEngagement has no engagement yet: it writes into the one it creates.
  const target = mutator.target(args);
  const scope = engagementId ?? target.id;
  const server = createServerMutatorTx({ q, engagementId: scope, userId: actor.userId, now: serverTime });
  await q.query('SAVEPOINT mutation');
  let result: MutatorResult;
  try {
    result = await mutator.apply(server.tx, args, { userId: actor.userId, now: () => serverTime });
  } catch (e) {
    if (!(e instanceof MutationRefusal)) throw e;
    result = fail(e.code, e.message);
  }
  if (!result.ok) {
    await q.query('ROLLBACK TO SAVEPOINT mutation');
    return { ok: false, code: result.code, message: result.message };
  }
  await q.query('RELEASE SAVEPOINT mutation');
  return { ok: true, version: server.lastVersion() ?? (await createRecordsRepo(q).currentVersion()), engagementId: scope, target };
};

/**
 * One pushed mutation in ONE write transaction: the client's row is locked, so the same
 * mutation sent twice at once is applied once (the second finds it done). A mutation
 * that is refused still advances the client's last mutation id in the same transaction
 * and is recorded, so it never blocks the ones behind it; an applied one writes its
 * audit event.
 */
export const processMutation = ({ db, userId, clientId, mutation, now }: ProcessMutationInput): Promise<MutationOutcome> =>
  writeTransaction(db, async (q): Promise<MutationOutcome> => {
    const clients = createClientsRepo(q);
    const client = await clients.lock(clientId);
    if (!client || client.userId !== userId) return { kind: 'foreign' };
    const last = client.lastMutationId;
    if (mutation.id <= last) return { kind: 'done', result: { id: mutation.id, status: 'duplicate' }, lastMutationId: last };
    if (mutation.id > last + 1) return { kind: 'gap', expected: last + 1 };

    // Loaded in the transaction: a membership added by the mutation before counts, one removed meanwhile does not.
    const actor = await loadActor(q, userId);
    if (!actor) return { kind: 'signed_out' };
    const serverTime = now().toISOString();
    const decision = await decide(q, actor, mutation, serverTime);
    await clients.advance(clientId, mutation.id, serverTime);
    const log = createSyncLogRepo(q);
    if (!decision.ok) {
      await log.recordRejection({ clientId, mutationId: mutation.id, userId, name: mutation.name, args: mutation.args, code: decision.code, message: decision.message, clientTime: mutation.clientTime, rejectedAt: serverTime });
      return { kind: 'done', result: { id: mutation.id, status: 'rejected', code: decision.code, message: decision.message }, lastMutationId: mutation.id };
    }
    await log.recordAuditEvent({
      engagementId: decision.engagementId,
      actorId: userId,
      action: mutation.name,
      targetKind: decision.target.kind,
      targetId: decision.target.id,
      clientId,
      clientTime: mutation.clientTime,
      serverTime,
      version: decision.version,
      detail: { mutationId: mutation.id, baseVersion: mutation.baseVersion },
    });
    return { kind: 'done', result: { id: mutation.id, status: 'applied' }, lastMutationId: mutation.id };
  });
