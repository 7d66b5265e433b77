import { useSyncExternalStore } from 'react';
import { useSignedIn } from '../../app/app-services';
import { readOnlineStatus, subscribeToOnlineStatus } from '../../platform/online-status';
import { useOutboxCount } from './outbox-queries';
import { syncStatusFrom, type OutboxCountState, type SyncStatus } from './sync-status-model';

/** The one source of "is my work safe and synced" for every screen. */
export const useSyncStatus = (): SyncStatus => {
  const { sync, server } = useSignedIn();
  const online = useSyncExternalStore(subscribeToOnlineStatus, readOnlineStatus, () => true);
  const snapshot = useSyncExternalStore(sync.subscribe, sync.snapshot, sync.snapshot);
  const count = useOutboxCount();
  const outbox: OutboxCountState =
    count.status === 'success'
      ? { status: 'success', count: count.data }
      : count.status === 'error'
        ? { status: 'error', message: count.error.message }
        : { status: 'pending' };
  return syncStatusFrom({ outbox, online, sessionExpired: server === 'expired', ...snapshot });
};
