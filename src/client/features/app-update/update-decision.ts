import type { UpdateState } from '../../platform/service-worker';

/**
 * A new version may take over only when nothing unsynced waits in the outbox: a new app
 * version may read the outbox differently, and a reload mid-sync must never cost work.
 * An unknown count (still reading, or unreadable) counts as "not safe".
 */
export const canApplyUpdate = (pendingCount: number | undefined): boolean => pendingCount === 0;

export type UpdatePrompt =
  | { readonly kind: 'none' }
  | { readonly kind: 'blocked'; readonly pending: number | undefined }
  | { readonly kind: 'ready' }
  | { readonly kind: 'installing' };

export const updatePromptFor = (update: UpdateState, pendingCount: number | undefined): UpdatePrompt => {
  switch (update.state) {
    case 'unsupported':
    case 'registering':
    case 'current':
    case 'failed':
      return { kind: 'none' };
    case 'activating':
      return { kind: 'installing' };
    case 'waiting':
      return canApplyUpdate(pendingCount) ? { kind: 'ready' } : { kind: 'blocked', pending: pendingCount };
  }
};

export const blockedUpdateText = (pending: number | undefined): string => {
  if (pending === undefined) return 'Update ready — will install once your saved changes are checked';
  return pending === 1
    ? 'Update ready — will install once your 1 unsynced change is synced'
    : `Update ready — will install once your ${pending} unsynced changes are synced`;
};
