/** What the user is told about sync: one union, rendered by one hook. */
export type RejectedMutation = { readonly mutationId: number; readonly name: string; readonly code: string; readonly message: string };

export type SyncStatus =
  | { readonly state: 'idle'; readonly pending: number; readonly lastSyncedAt: string | null }
  | { readonly state: 'syncing'; readonly phase: 'push' | 'pull'; readonly done: number; readonly total: number | null }
  | { readonly state: 'offline'; readonly pending: number; readonly lastSyncedAt: string | null }
  | { readonly state: 'needs-sign-in'; readonly pending: number }
  | { readonly state: 'outdated'; readonly message: string }
  | { readonly state: 'error'; readonly message: string; readonly retryInMs: number; readonly pending: number };

export type SyncOutcome =
  | { readonly ok: true; readonly pushed: number; readonly pulled: number; readonly rejected: readonly RejectedMutation[] }
  | { readonly ok: false; readonly kind: 'network' | 'unauthorized' | 'forbidden' | 'outdated' | 'gap' | 'server' | 'busy'; readonly message: string };
