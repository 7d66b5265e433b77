import { mutatorNameSchema, type MutatorName } from '../../../sync/mutator-names';
import type { RejectedMutation } from '../../../sync/sync-status';
import { progressPhrase, type FormatTime, type SyncStatus } from './sync-status-model';

export type SyncNowState = { readonly enabled: true } | { readonly enabled: false; readonly reason: string };

/** "Sync now" is offered whenever a sync could do something; otherwise the panel says why not. */
export const syncNowState = (status: SyncStatus): SyncNowState => {
  switch (status.state) {
    case 'needs-sign-in':
      return { enabled: false, reason: 'Sign in again to sync.' };
    case 'outdated':
      return { enabled: false, reason: 'Reload Tickmark to update it, then sync.' };
    case 'offline':
      return status.cause === 'device' ? { enabled: false, reason: 'This device is offline.' } : { enabled: true };
    case 'syncing':
      return { enabled: false, reason: 'A sync is running.' };
    case 'checking':
    case 'unreadable':
    case 'error':
    case 'waiting':
    case 'synced':
    case 'idle':
      return { enabled: true };
  }
};

/** A sentence under the figures, for the states that need explaining; null when the badge says it all. */
export const syncDetail = (status: SyncStatus, formatTime: FormatTime): string | null => {
  switch (status.state) {
    case 'needs-sign-in':
      return 'Your session has ended. Your changes stay on this device and sync once you sign in again.';
    case 'outdated':
      return status.message;
    case 'offline':
      return status.cause === 'device'
        ? 'This device is offline. Changes are saved here and sync when it is back online.'
        : 'The server could not be reached. Changes are saved here; Tickmark tries again shortly.';
    case 'syncing': {
      const phrase = progressPhrase(status);
      return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}…`;
    }
    case 'error':
      return `The last sync failed: ${status.message}. ${status.retryAt === null ? 'Tickmark tries again shortly.' : `Trying again at ${formatTime(status.retryAt)}.`}`;
    case 'unreadable':
      return `The changes saved on this device cannot be read: ${status.message}`;
    case 'checking':
    case 'waiting':
    case 'synced':
    case 'idle':
      return null;
  }
};

export const pendingText = (status: SyncStatus): string => {
  switch (status.state) {
    case 'checking':
      return 'Checking…';
    case 'unreadable':
      return 'Unknown';
    default:
      return status.pending === 0 ? 'None' : status.pending === 1 ? '1 change' : `${status.pending} changes`;
  }
};

export const lastSyncedText = (lastSyncedAt: string | null, formatTime: FormatTime): string =>
  lastSyncedAt === null ? 'Not yet since this window opened' : formatTime(lastSyncedAt);

const MUTATION_LABELS: Readonly<Record<MutatorName, string>> = {
  createEngagement: 'New engagement',
  recordResult: 'Test result',
};

/** What the user did, in their words; an unknown name (a newer server) is shown as it is. */
export const mutationLabel = (name: string): string => {
  const known = mutatorNameSchema.safeParse(name);
  return known.success ? MUTATION_LABELS[known.data] : name;
};

export type RejectionLine = { readonly key: number; readonly label: string; readonly text: string };

export const rejectionLines = (rejected: readonly RejectedMutation[]): RejectionLine[] =>
  rejected.map((r) => ({ key: r.mutationId, label: mutationLabel(r.name), text: `Refused by the server: ${r.message}` }));
