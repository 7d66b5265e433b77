import { describe, expect, it } from 'vitest';
import { pendingChanges, syncStatusFrom, syncStatusText } from './sync-status-model';

describe('syncStatusFrom', () => {
  it('reports outbox entries as saved locally, with the online flag', () => {
    expect(syncStatusFrom({ status: 'success', count: 3 }, false)).toEqual({ state: 'saved-locally', pending: 3, online: false });
  });

  it('reports an empty outbox as all synced', () => {
    expect(syncStatusFrom({ status: 'success', count: 0 }, true)).toEqual({ state: 'all-synced', online: true });
  });

  it('is checking until the count is read, and unreadable when reading failed', () => {
    expect(syncStatusFrom({ status: 'pending' }, true).state).toBe('checking');
    expect(syncStatusFrom({ status: 'error', message: 'boom' }, true)).toEqual({ state: 'unreadable', message: 'boom', online: true });
  });
});

describe('pendingChanges', () => {
  it('is unknown (not zero) while checking or unreadable', () => {
    expect(pendingChanges({ state: 'checking', online: true })).toBeUndefined();
    expect(pendingChanges({ state: 'unreadable', message: 'x', online: true })).toBeUndefined();
    expect(pendingChanges({ state: 'all-synced', online: true })).toBe(0);
    expect(pendingChanges({ state: 'saved-locally', pending: 2, online: true })).toBe(2);
  });
});

describe('syncStatusText', () => {
  it('says how many changes wait and whether the device is offline', () => {
    expect(syncStatusText({ state: 'saved-locally', pending: 1, online: false }).text).toBe('1 unsynced change, saved on this device · Offline');
    expect(syncStatusText({ state: 'saved-locally', pending: 2, online: true }).text).toBe('2 unsynced changes, saved on this device');
    expect(syncStatusText({ state: 'all-synced', online: false }).text).toBe('Offline · nothing waiting to sync');
    expect(syncStatusText({ state: 'all-synced', online: true }).text).toBe('Nothing waiting to sync');
  });
});
