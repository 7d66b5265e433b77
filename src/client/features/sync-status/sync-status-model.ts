import type { RejectedMutation, SyncStatus as EngineStatus } from '../../../sync/sync-status';

export type OutboxCountState =
  | { readonly status: 'pending' }
  | { readonly status: 'success'; readonly count: number }
  | { readonly status: 'error'; readonly message: string };

/** Everything the status is made of; the hook gathers it, `syncStatusFrom` decides. */
export type SyncStatusInput = {
  readonly outbox: OutboxCountState;
  /** navigator.onLine: false means surely offline, true only that a network is there. */
  readonly online: boolean;
  /** The server no longer accepts this device's session (a 401, or another user in the cookie). */
  readonly sessionExpired: boolean;
  readonly engine: EngineStatus;
  readonly lastSyncedAt: string | null;
  readonly retryAt: string | null;
  readonly rejected: readonly RejectedMutation[];
};

type Shared = {
  readonly online: boolean;
  /** Last successful sync on this device since this window opened, or null. */
  readonly lastSyncedAt: string | null;
  readonly rejected: readonly RejectedMutation[];
};

/** What the header badge and the sync panel tell the user about their saved work. */
export type SyncState =
  /** The outbox count is still being read. */
  | { readonly state: 'checking' }
  | { readonly state: 'unreadable'; readonly message: string }
  | { readonly state: 'needs-sign-in'; readonly pending: number }
  /** The server speaks a newer protocol: this app must update before it can sync. */
  | { readonly state: 'outdated'; readonly message: string; readonly pending: number }
  /** 'device': the browser is offline; 'server': the browser is online but the server did not answer. */
  | { readonly state: 'offline'; readonly cause: 'device' | 'server'; readonly pending: number }
  | { readonly state: 'syncing'; readonly phase: 'push' | 'pull'; readonly done: number; readonly total: number | null; readonly pending: number }
  | { readonly state: 'error'; readonly message: string; readonly retryAt: string | null; readonly pending: number }
  /** Changes saved on this device that the next sync sends. */
  | { readonly state: 'waiting'; readonly pending: number }
  /** Nothing waiting, and a sync succeeded since this window opened. */
  | { readonly state: 'synced'; readonly pending: 0 }
  /** Nothing waiting, no sync yet in this window. */
  | { readonly state: 'idle'; readonly pending: 0 };

export type SyncStatus = SyncState & Shared;

const stateFrom = (input: SyncStatusInput, pending: number): SyncState => {
  const { engine } = input;
  if (input.sessionExpired || engine.state === 'needs-sign-in') return { state: 'needs-sign-in', pending };
  if (engine.state === 'outdated') return { state: 'outdated', message: engine.message, pending };
  if (!input.online) return { state: 'offline', cause: 'device', pending };
  switch (engine.state) {
    case 'offline':
      return { state: 'offline', cause: 'server', pending };
    case 'syncing':
      return { state: 'syncing', phase: engine.phase, done: engine.done, total: engine.total, pending };
    case 'error':
      return { state: 'error', message: engine.message, retryAt: input.retryAt, pending };
    case 'idle':
      if (pending > 0) return { state: 'waiting', pending };
      return input.lastSyncedAt === null ? { state: 'idle', pending: 0 } : { state: 'synced', pending: 0 };
  }
};

/**
 * One status from the outbox count, the browser's connectivity, the session and the
 * engine. The count comes from the local store (it changes the moment something is saved);
 * the engine's own count is only read when a sync ends.
 */
export const syncStatusFrom = (input: SyncStatusInput): SyncStatus => {
  const shared: Shared = { online: input.online, lastSyncedAt: input.lastSyncedAt, rejected: input.rejected };
  switch (input.outbox.status) {
    case 'pending':
      return { state: 'checking', ...shared };
    case 'error':
      return { state: 'unreadable', message: input.outbox.message, ...shared };
    case 'success':
      return { ...stateFrom(input, input.outbox.count), ...shared };
  }
};

/** Unsynced changes, or undefined while that is not known (callers must then assume some). */
export const pendingChanges = (status: SyncStatus): number | undefined => {
  switch (status.state) {
    case 'checking':
    case 'unreadable':
      return undefined;
    default:
      return status.pending;
  }
};

export const unsyncedPhrase = (n: number): string => (n === 1 ? '1 unsynced change' : `${n} unsynced changes`);

/** Turns an ISO time into what the user reads ("14:05"); injected so the texts are testable. */
export type FormatTime = (iso: string) => string;

export type SyncStatusText = { readonly tone: 'neutral' | 'pending' | 'ok' | 'warning'; readonly text: string };

/** "N unsynced changes, saved on this device · <suffix>", or "<suffix> · nothing waiting to sync". */
const withPending = (pending: number, suffix: string): string =>
  pending > 0 ? `${unsyncedPhrase(pending)}, saved on this device · ${suffix}` : `${suffix} · nothing waiting to sync`;

const changes = (n: number): string => (n === 1 ? '1 change' : `${n} changes`);

/** Push counts changes against the outbox size at the start; pull counts records received so far. */
export const progressPhrase = (status: Extract<SyncState, { state: 'syncing' }>): string => {
  if (status.phase === 'pull') return status.done === 0 ? 'receiving updates' : `received ${status.done} updates`;
  if (status.total === null) return 'sending changes';
  return status.done === 0 ? `sending ${changes(status.total)}` : `sent ${status.done} of ${changes(status.total)}`;
};

const baseText = (status: SyncStatus, formatTime: FormatTime): SyncStatusText => {
  switch (status.state) {
    case 'checking':
      return { tone: 'neutral', text: `Checking saved work…${status.online ? '' : ' · Offline'}` };
    case 'unreadable':
      return { tone: 'warning', text: `Cannot read saved work: ${status.message}` };
    case 'needs-sign-in':
      return { tone: 'warning', text: withPending(status.pending, 'Sign in to sync') };
    case 'outdated':
      return { tone: 'warning', text: withPending(status.pending, 'Update Tickmark to sync') };
    case 'offline':
      return { tone: status.pending > 0 ? 'pending' : 'neutral', text: withPending(status.pending, status.cause === 'device' ? 'Offline' : 'Server not reachable') };
    case 'syncing':
      return { tone: 'neutral', text: `Syncing: ${progressPhrase(status)}…` };
    case 'error':
      return { tone: 'warning', text: status.retryAt === null ? 'Sync failed · will retry' : `Sync failed · retrying at ${formatTime(status.retryAt)}` };
    case 'waiting':
      return { tone: 'pending', text: `${unsyncedPhrase(status.pending)}, saved on this device` };
    case 'synced':
      return { tone: 'ok', text: 'All changes synced' };
    case 'idle':
      return { tone: 'ok', text: 'Nothing waiting to sync' };
  }
};

/** The badge: the state in a few words, plus how many changes the server refused. */
export const syncStatusText = (status: SyncStatus, formatTime: FormatTime): SyncStatusText => {
  const base = baseText(status, formatTime);
  const refused = status.rejected.length;
  if (refused === 0 || status.state === 'checking' || status.state === 'unreadable') return base;
  return { tone: 'warning', text: `${base.text} · ${changes(refused)} refused` };
};
