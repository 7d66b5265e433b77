import { describe, expect, it } from 'vitest';
import { blockedUpdateText, canApplyUpdate, updatePromptFor } from './update-decision';

describe('canApplyUpdate', () => {
  it('allows an update only with an empty outbox', () => {
    expect(canApplyUpdate(0)).toBe(true);
    expect(canApplyUpdate(1)).toBe(false);
    expect(canApplyUpdate(250)).toBe(false);
  });

  it('refuses while the outbox count is unknown', () => {
    expect(canApplyUpdate(undefined)).toBe(false);
  });
});

describe('updatePromptFor', () => {
  it('shows nothing unless a new version is waiting', () => {
    for (const state of ['unsupported', 'registering', 'current'] as const) {
      expect(updatePromptFor({ state }, 0)).toEqual({ kind: 'none' });
    }
    expect(updatePromptFor({ state: 'failed', message: 'x' }, 0)).toEqual({ kind: 'none' });
  });

  it('offers the reload when the waiting version can take over', () => {
    expect(updatePromptFor({ state: 'waiting' }, 0)).toEqual({ kind: 'ready' });
  });

  it('holds the update back while changes are unsynced', () => {
    expect(updatePromptFor({ state: 'waiting' }, 3)).toEqual({ kind: 'blocked', pending: 3 });
    expect(updatePromptFor({ state: 'waiting' }, undefined)).toEqual({ kind: 'blocked', pending: undefined });
  });

  it('says it is installing once the take-over was asked for', () => {
    expect(updatePromptFor({ state: 'activating' }, 0)).toEqual({ kind: 'installing' });
  });
});

describe('blockedUpdateText', () => {
  it('names how many changes must sync first', () => {
    expect(blockedUpdateText(1)).toBe('Update ready — will install once your 1 unsynced change is synced');
    expect(blockedUpdateText(4)).toBe('Update ready — will install once your 4 unsynced changes are synced');
    expect(blockedUpdateText(undefined)).toContain('Update ready');
  });
});
