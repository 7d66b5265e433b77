import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { useAppServices, useLocalStore } from '../../app/app-services';
import { LOCAL_STORE_KEY } from '../../app/local-store-keys';
import { signOutDecision, type LossConfirmation, type SignOutChoice, type SignOutDecision } from './sign-out-rules';

/**
 * Re-reads the outbox right before deciding: the count on screen may be stale (another tab,
 * a sync). A refusal resolves as a value and refreshes the count the dialog shows.
 */
export const useSignOut = (): ((choice: SignOutChoice, confirmation: LossConfirmation) => Promise<SignOutDecision>) => {
  const { session } = useAppServices();
  const { storage } = useLocalStore();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return useCallback(
    async (choice, confirmation) => {
      const pending = await storage.read((tx) => tx.outboxCount()).catch(() => undefined);
      const decision = signOutDecision(choice, pending, confirmation);
      if (!decision.ok) {
        await queryClient.invalidateQueries({ queryKey: LOCAL_STORE_KEY });
        return decision;
      }
      // The next person to sign in starts from the engagements, not from this user's page.
      navigate('/', { replace: true });
      await session.signOut({ wipe: decision.wipe });
      return decision;
    },
    [navigate, queryClient, session, storage],
  );
};
