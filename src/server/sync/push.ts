import type { PushRequest, PushResponse } from '../../sync/protocol';
import type { Db } from '../store/db';
import { createClientsRepo } from './clients-repo';
import { processMutation, type MutationResult } from './process-mutation';

export type PushOutcome =
  | { readonly kind: 'ok'; readonly response: PushResponse }
  | { readonly kind: 'gap'; readonly expected: number; readonly message: string }
  | { readonly kind: 'foreign' }
  | { readonly kind: 'signed_out' };

export type PushInput = { readonly db: Db; readonly userId: string; readonly request: PushRequest; readonly now: () => Date };

/**
 * Runs a push: each mutation in order, each in its own transaction (processMutation).
 * A gap stops the batch; what was applied before it stays applied.
 */
export const processPush = async ({ db, userId, request, now }: PushInput): Promise<PushOutcome> => {
  const client = await createClientsRepo(db).register(request.clientId, userId);
  if (client.userId !== userId) return { kind: 'foreign' };
  // Ids at or below what was done before this push began are resends: no transaction needed.
  const doneBefore = client.lastMutationId;
  let last = client.lastMutationId;
  const results: MutationResult[] = [];
  for (const mutation of request.mutations) {
    if (mutation.id <= doneBefore) {
      results.push({ id: mutation.id, status: 'duplicate' });
      continue;
    }
    const outcome = await processMutation({ db, userId, clientId: request.clientId, mutation, now });
    switch (outcome.kind) {
      case 'done':
        results.push(outcome.result);
        last = outcome.lastMutationId;
        break;
      case 'gap':
        return { kind: 'gap', expected: outcome.expected, message: `Mutation ${mutation.id} came before mutation ${outcome.expected}: send the changes from ${outcome.expected} on, in order` };
      case 'foreign':
      case 'signed_out':
        return outcome;
    }
  }
  return { kind: 'ok', response: { lastMutationId: last, results } };
};
