import { useMutation, useQueryClient } from '@tanstack/react-query';
import { v7 } from 'uuid';
import { runMutation, type RunMutationResult } from '../../../sync/run-mutation';
import { useLocalStore, useSync } from '../../app/app-services';
import { LOCAL_STORE_KEY } from '../../app/local-store-keys';
import type { EngagementInput } from './engagement-form-model';

export type CreateEngagementResult = RunMutationResult & { readonly id: string };

/**
 * Runs the createEngagement mutator against the local store (record + outbox entry in one
 * transaction). Resolves only after IndexedDB committed and the lists were re-read, so
 * "Saved on this device" is never shown early. A refusal resolves too: it is a value.
 * A stored change asks for a sync (debounced, so a burst of saves is one push).
 */
export const useCreateEngagement = () => {
  const { storage, userId } = useLocalStore();
  const sync = useSync();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: EngagementInput): Promise<CreateEngagementResult> => {
      const id = v7();
      const result = await runMutation(storage, 'createEngagement', { ...input, id, membershipId: v7() }, { userId, now: () => new Date().toISOString() });
      return { ...result, id };
    },
    onSuccess: (result) => {
      if (result.ok) sync.localChange();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: LOCAL_STORE_KEY }),
  });
};
