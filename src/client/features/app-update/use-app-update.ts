import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAppServices, useLocalStore } from '../../app/app-services';
import { LOCAL_STORE_KEY } from '../../app/local-store-keys';
import type { UpdateState } from '../../platform/service-worker';
import { canApplyUpdate } from './update-decision';

export type ApplyUpdateResult = { readonly ok: true } | { readonly ok: false; readonly pending: number };

export const useServiceWorkerState = (): UpdateState => {
  const { serviceWorker } = useAppServices();
  return useSyncExternalStore(serviceWorker.subscribe, serviceWorker.current, serviceWorker.current);
};

/**
 * Re-reads the outbox right before letting the new version in: another tab may have
 * saved something since the prompt was drawn.
 */
export const useApplyUpdate = (): (() => Promise<ApplyUpdateResult>) => {
  const { serviceWorker } = useAppServices();
  const { storage } = useLocalStore();
  const queryClient = useQueryClient();
  const apply = useCallback(async (): Promise<ApplyUpdateResult> => {
    const pending = await storage.read((tx) => tx.outboxCount());
    if (canApplyUpdate(pending)) {
      serviceWorker.applyUpdate();
      return { ok: true };
    }
    // Our count was stale: refreshing it turns the prompt into the "will install once synced" notice.
    await queryClient.invalidateQueries({ queryKey: LOCAL_STORE_KEY });
    return { ok: false, pending };
  }, [queryClient, serviceWorker, storage]);
  return apply;
};
