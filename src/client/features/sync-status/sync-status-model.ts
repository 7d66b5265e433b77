/** What the header badge tells the user about their saved work. */
export type SyncStatus =
  | { readonly state: 'checking'; readonly online: boolean }
  | { readonly state: 'saved-locally'; readonly pending: number; readonly online: boolean }
  | { readonly state: 'all-synced'; readonly online: boolean }
  | { readonly state: 'unreadable'; readonly message: string; readonly online: boolean };

export type OutboxCountState =
  | { readonly status: 'pending' }
  | { readonly status: 'success'; readonly count: number }
  | { readonly status: 'error'; readonly message: string };

/** Until network sync exists, everything in the outbox is saved locally and waiting. */
export const syncStatusFrom = (outbox: OutboxCountState, online: boolean): SyncStatus => {
  switch (outbox.status) {
    case 'pending':
      return { state: 'checking', online };
    case 'error':
      return { state: 'unreadable', message: outbox.message, online };
    case 'success':
      return outbox.count > 0 ? { state: 'saved-locally', pending: outbox.count, online } : { state: 'all-synced', online };
  }
};

/** Unsynced changes, or undefined while that is not known (callers must then assume some). */
export const pendingChanges = (status: SyncStatus): number | undefined => {
  switch (status.state) {
    case 'saved-locally':
      return status.pending;
    case 'all-synced':
      return 0;
    case 'checking':
    case 'unreadable':
      return undefined;
  }
};

export const unsyncedPhrase = (n: number): string => (n === 1 ? '1 unsynced change' : `${n} unsynced changes`);

export type SyncStatusText = { readonly tone: 'neutral' | 'pending' | 'ok' | 'warning'; readonly text: string };

export const syncStatusText = (status: SyncStatus): SyncStatusText => {
  const offline = status.online ? '' : ' · Offline';
  switch (status.state) {
    case 'checking':
      return { tone: 'neutral', text: `Checking saved work…${offline}` };
    case 'saved-locally':
      return { tone: 'pending', text: `${unsyncedPhrase(status.pending)}, saved on this device${offline}` };
    case 'all-synced':
      return { tone: 'ok', text: status.online ? 'Nothing waiting to sync' : 'Offline · nothing waiting to sync' };
    case 'unreadable':
      return { tone: 'warning', text: `Cannot read saved work: ${status.message}` };
  }
};
