import { describe, expect, it } from 'vitest';
import type { SyncStatus as EngineStatus } from '../../../sync/sync-status';
import { lastSyncedText, mutationLabel, pendingText, rejectionLines, syncDetail, syncNowState } from './sync-panel-model';
import { syncStatusFrom, type SyncStatus, type SyncStatusInput } from './sync-status-model';

const status = (over: Partial<SyncStatusInput> = {}): SyncStatus =>
  syncStatusFrom({
    outbox: { status: 'success', count: 0 },
    online: true,
    sessionExpired: false,
    engine: { state: 'idle', pending: 0, lastSyncedAt: null },
    lastSyncedAt: null,
    retryAt: null,
    rejected: [],
    ...over,
  });

const clock = (iso: string): string => `<${iso.slice(11, 19)}>`;
const engine = (e: EngineStatus) => ({ engine: e });

describe('syncNowState', () => {
  it('offers Sync now when a sync could do something', () => {
    expect(syncNowState(status())).toEqual({ enabled: true });
    expect(syncNowState(status({ outbox: { status: 'success', count: 2 } }))).toEqual({ enabled: true });
    expect(syncNowState(status(engine({ state: 'error', message: 'x', retryInMs: 5000, pending: 0 })))).toEqual({ enabled: true });
    // The browser says online but the server did not answer: trying again is the point.
    expect(syncNowState(status(engine({ state: 'offline', pending: 0, lastSyncedAt: null })))).toEqual({ enabled: true });
  });

  it('says why not when it cannot', () => {
    expect(syncNowState(status({ online: false }))).toEqual({ enabled: false, reason: 'This device is offline.' });
    expect(syncNowState(status({ sessionExpired: true }))).toEqual({ enabled: false, reason: 'Sign in again to sync.' });
    expect(syncNowState(status(engine({ state: 'outdated', message: 'm' })))).toMatchObject({ enabled: false, reason: expect.stringContaining('Reload') });
    expect(syncNowState(status(engine({ state: 'syncing', phase: 'pull', done: 0, total: null })))).toEqual({ enabled: false, reason: 'A sync is running.' });
  });
});

describe('syncDetail', () => {
  it('explains the states that need it, and stays quiet otherwise', () => {
    expect(syncDetail(status(), clock)).toBeNull();
    expect(syncDetail(status({ outbox: { status: 'success', count: 1 } }), clock)).toBeNull();
    expect(syncDetail(status({ online: false }), clock)).toContain('This device is offline');
    expect(syncDetail(status(engine({ state: 'offline', pending: 0, lastSyncedAt: null })), clock)).toContain('The server could not be reached');
    expect(syncDetail(status({ sessionExpired: true }), clock)).toContain('sign in again');
    expect(syncDetail(status(engine({ state: 'outdated', message: 'Reload to update the app.' })), clock)).toBe('Reload to update the app.');
    expect(syncDetail(status(engine({ state: 'syncing', phase: 'push', done: 0, total: 3 })), clock)).toBe('Sending 3 changes…');
  });

  it('gives an error’s reason and when the next try is', () => {
    const failed = { state: 'error', message: 'Sync failed (HTTP 500)', retryInMs: 4000, pending: 0 } as const;
    expect(syncDetail(status({ ...engine(failed), retryAt: '2026-05-04T10:16:04.000Z' }), clock)).toBe(
      'The last sync failed: Sync failed (HTTP 500). Trying again at <10:16:04>.',
    );
    expect(syncDetail(status(engine(failed)), clock)).toBe('The last sync failed: Sync failed (HTTP 500). Tickmark tries again shortly.');
  });
});

describe('the figures', () => {
  it('counts pending changes in words', () => {
    expect(pendingText(status())).toBe('None');
    expect(pendingText(status({ outbox: { status: 'success', count: 1 } }))).toBe('1 change');
    expect(pendingText(status({ outbox: { status: 'success', count: 12 }, sessionExpired: true }))).toBe('12 changes');
    expect(pendingText(status({ outbox: { status: 'pending' } }))).toBe('Checking…');
    expect(pendingText(status({ outbox: { status: 'error', message: 'x' } }))).toBe('Unknown');
  });

  it('shows the last sync time, or that there was none yet', () => {
    expect(lastSyncedText('2026-05-04T10:15:30.000Z', clock)).toBe('<10:15:30>');
    expect(lastSyncedText(null, clock)).toBe('Not yet since this window opened');
  });
});

describe('refused changes', () => {
  it('names what was refused in the user’s words and quotes the server', () => {
    expect(
      rejectionLines([
        { mutationId: 4, name: 'createEngagement', code: 'forbidden', message: 'Only a firm admin can create engagements' },
        { mutationId: 9, name: 'futureThing', code: 'invalid', message: 'No' },
      ]),
    ).toEqual([
      { key: 4, label: 'New engagement', text: 'Refused by the server: Only a firm admin can create engagements' },
      { key: 9, label: 'futureThing', text: 'Refused by the server: No' },
    ]);
    expect(mutationLabel('recordResult')).toBe('Test result');
  });
});
