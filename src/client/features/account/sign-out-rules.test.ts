import { describe, expect, it } from 'vitest';
import { lossConfirmationLabel, needsLossConfirmation, refusalText, signOutDecision } from './sign-out-rules';

const unconfirmed = { confirmed: false, shownPending: undefined };

describe('signOutDecision', () => {
  it('always lets people keep their data', () => {
    expect(signOutDecision('keep', 5, unconfirmed)).toEqual({ ok: true, wipe: false });
    expect(signOutDecision('keep', undefined, unconfirmed)).toEqual({ ok: true, wipe: false });
  });

  it('removes data with nothing unsynced without asking', () => {
    expect(signOutDecision('wipe', 0, unconfirmed)).toEqual({ ok: true, wipe: true });
  });

  it('refuses to remove unsynced changes without the confirmation', () => {
    expect(signOutDecision('wipe', 3, unconfirmed)).toEqual({ ok: false, reason: 'confirm-loss', pending: 3 });
    expect(signOutDecision('wipe', undefined, unconfirmed)).toEqual({ ok: false, reason: 'confirm-loss', pending: undefined });
  });

  it('removes them once the count that is there was confirmed', () => {
    expect(signOutDecision('wipe', 3, { confirmed: true, shownPending: 3 })).toEqual({ ok: true, wipe: true });
    // Fewer than confirmed (some synced meanwhile) loses less than agreed to.
    expect(signOutDecision('wipe', 1, { confirmed: true, shownPending: 3 })).toEqual({ ok: true, wipe: true });
    expect(signOutDecision('wipe', 2, { confirmed: true, shownPending: undefined })).toEqual({ ok: true, wipe: true });
  });

  it('asks again when more changes were saved after the box was ticked', () => {
    expect(signOutDecision('wipe', 4, { confirmed: true, shownPending: 3 })).toEqual({ ok: false, reason: 'more-changes', pending: 4 });
  });
});

describe('the confirmation', () => {
  it('is needed only to remove data that may hold unsynced changes', () => {
    expect(needsLossConfirmation('keep', 3)).toBe(false);
    expect(needsLossConfirmation('wipe', 0)).toBe(false);
    expect(needsLossConfirmation('wipe', 2)).toBe(true);
    expect(needsLossConfirmation('wipe', undefined)).toBe(true);
  });

  it('names the count', () => {
    expect(lossConfirmationLabel(1)).toBe('I understand my 1 unsynced change will be lost');
    expect(lossConfirmationLabel(7)).toBe('I understand my 7 unsynced changes will be lost');
    expect(lossConfirmationLabel(undefined)).toContain('any unsynced changes');
  });

  it('explains each refusal', () => {
    expect(refusalText({ ok: false, reason: 'confirm-loss', pending: 2 })).toContain('tick the box');
    expect(refusalText({ ok: false, reason: 'more-changes', pending: 5 })).toContain('there are now 5 unsynced changes');
  });
});
