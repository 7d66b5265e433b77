export type SignOutChoice = 'keep' | 'wipe';

export type LossConfirmation = {
  readonly confirmed: boolean;
  /** The unsynced count the person saw when they ticked the box (undefined if it was unknown). */
  readonly shownPending: number | undefined;
};

export type SignOutDecision =
  | { readonly ok: true; readonly wipe: boolean }
  /** Removing would lose unsynced work and the person has not said they accept that. */
  | { readonly ok: false; readonly reason: 'confirm-loss'; readonly pending: number | undefined }
  /** More changes were saved (another tab) since the box was ticked: they must see the new count. */
  | { readonly ok: false; readonly reason: 'more-changes'; readonly pending: number };

/**
 * Keeping the data is always allowed. Removing it is allowed outright only with an empty
 * outbox; with unsynced changes, or an outbox that cannot be read, only after explicit
 * confirmation of the count that is actually there now.
 */
export const signOutDecision = (choice: SignOutChoice, pending: number | undefined, confirmation: LossConfirmation): SignOutDecision => {
  switch (choice) {
    case 'keep':
      return { ok: true, wipe: false };
    case 'wipe':
      if (pending === 0) return { ok: true, wipe: true };
      if (!confirmation.confirmed) return { ok: false, reason: 'confirm-loss', pending };
      if (pending !== undefined && confirmation.shownPending !== undefined && pending > confirmation.shownPending) {
        return { ok: false, reason: 'more-changes', pending };
      }
      return { ok: true, wipe: true };
  }
};

/** Whether the "I understand…" checkbox is shown for this choice and count. */
export const needsLossConfirmation = (choice: SignOutChoice, pending: number | undefined): boolean => choice === 'wipe' && pending !== 0;

const changes = (n: number): string => (n === 1 ? '1 unsynced change' : `${n} unsynced changes`);

export const lossConfirmationLabel = (pending: number | undefined): string =>
  pending === undefined ? 'I understand any unsynced changes on this device will be lost' : `I understand my ${changes(pending)} will be lost`;

export const refusalText = (decision: Extract<SignOutDecision, { ok: false }>): string => {
  switch (decision.reason) {
    case 'confirm-loss':
      return 'Your data was not removed: tick the box to confirm that unsynced changes will be lost, or keep the data on this device.';
    case 'more-changes':
      return `More changes were saved since you confirmed: there are now ${changes(decision.pending)}. Confirm again to remove them, or keep the data.`;
  }
};
