import { describe, expect, it } from 'vitest';
import type { RejectedMutation, SyncStatus as EngineStatus } from '../../../sync/sync-status';
import { pendingChanges, syncStatusFrom, syncStatusText, type SyncStatus, type SyncStatusInput } from './sync-status-model';

const IDLE: EngineStatus = { state: 'idle', pending: 0, lastSyncedAt: null };
const SYNCED_AT = '2026-05-04T10:15:00.000Z';
const RETRY_AT = '2026-05-04T10:16:00.000Z';

const input = (over: Partial<SyncStatusInput> = {}): SyncStatusInput => ({
  outbox: { status: 'success', count: 0 },
  online: true,
  sessionExpired: false,
  engine: IDLE,
  lastSyncedAt: null,
  retryAt: null,
  rejected: [],
  ...over,
});

const count = (n: number) => ({ status: 'success' as const, count: n });
const clock = (iso: string): string => `<${iso.slice(11, 16)}>`;
const text = (status: SyncStatus): string => syncStatusText(status, clock).text;
const refusal = (mutationId: number): RejectedMutation => ({ mutationId, name: 'createEngagement', code: 'forbidden', message: 'Only a firm admin can create engagements' });

describe('syncStatusFrom', () => {
  it('is checking until the outbox count is read, and unreadable when reading failed, whatever the engine says', () => {
    expect(syncStatusFrom(input({ outbox: { status: 'pending' }, engine: { state: 'syncing', phase: 'pull', done: 0, total: null } })).state).toBe('checking');
    expect(syncStatusFrom(input({ outbox: { status: 'error', message: 'boom' }, sessionExpired: true }))).toMatchObject({ state: 'unreadable', message: 'boom' });
  });

  it('tells apart never synced, synced, and changes waiting for the next sync', () => {
    expect(syncStatusFrom(input())).toMatchObject({ state: 'idle', pending: 0, lastSyncedAt: null });
    expect(syncStatusFrom(input({ lastSyncedAt: SYNCED_AT }))).toMatchObject({ state: 'synced', pending: 0, lastSyncedAt: SYNCED_AT });
    expect(syncStatusFrom(input({ outbox: count(2), lastSyncedAt: SYNCED_AT }))).toMatchObject({ state: 'waiting', pending: 2 });
  });

  it('takes the pending count from the local outbox, not from the engine’s last reading', () => {
    const status = syncStatusFrom(input({ outbox: count(3), engine: { state: 'offline', pending: 0, lastSyncedAt: null } }));
    expect(status).toMatchObject({ state: 'offline', cause: 'server', pending: 3 });
  });

  it('says the device is offline when the browser is, before anything the engine last reported', () => {
    for (const engine of [IDLE, { state: 'error', message: 'x', retryInMs: 1000, pending: 0 } as const, { state: 'syncing', phase: 'push', done: 0, total: 1 } as const]) {
      expect(syncStatusFrom(input({ online: false, engine, outbox: count(1) }))).toMatchObject({ state: 'offline', cause: 'device', pending: 1, online: false });
    }
  });

  it('needs a sign-in when the session ended, from a session check or from the sync itself, even offline', () => {
    expect(syncStatusFrom(input({ sessionExpired: true, online: false, outbox: count(4) }))).toMatchObject({ state: 'needs-sign-in', pending: 4 });
    expect(syncStatusFrom(input({ engine: { state: 'needs-sign-in', pending: 9 } }))).toMatchObject({ state: 'needs-sign-in', pending: 0 });
  });

  it('passes on progress, the outdated message and the error with its retry time', () => {
    expect(syncStatusFrom(input({ engine: { state: 'syncing', phase: 'push', done: 100, total: 250 }, outbox: count(150) }))).toMatchObject({
      state: 'syncing',
      phase: 'push',
      done: 100,
      total: 250,
      pending: 150,
    });
    expect(syncStatusFrom(input({ engine: { state: 'outdated', message: 'Reload to update' } }))).toMatchObject({ state: 'outdated', message: 'Reload to update' });
    expect(syncStatusFrom(input({ engine: { state: 'error', message: 'HTTP 500', retryInMs: 60_000, pending: 1 }, retryAt: RETRY_AT }))).toMatchObject({
      state: 'error',
      message: 'HTTP 500',
      retryAt: RETRY_AT,
    });
  });

  it('carries the online flag, the last sync and the refusals in every state', () => {
    const rejected = [refusal(3)];
    for (const over of [{ outbox: { status: 'pending' } as const }, { sessionExpired: true }, {}]) {
      expect(syncStatusFrom(input({ ...over, rejected, lastSyncedAt: SYNCED_AT }))).toMatchObject({ online: true, rejected, lastSyncedAt: SYNCED_AT });
    }
  });
});

describe('pendingChanges', () => {
  it('is unknown (not zero) while checking or unreadable, else the outbox count', () => {
    expect(pendingChanges(syncStatusFrom(input({ outbox: { status: 'pending' } })))).toBeUndefined();
    expect(pendingChanges(syncStatusFrom(input({ outbox: { status: 'error', message: 'x' } })))).toBeUndefined();
    expect(pendingChanges(syncStatusFrom(input({ lastSyncedAt: SYNCED_AT })))).toBe(0);
    expect(pendingChanges(syncStatusFrom(input({ outbox: count(2), sessionExpired: true })))).toBe(2);
    expect(pendingChanges(syncStatusFrom(input({ outbox: count(5), engine: { state: 'syncing', phase: 'pull', done: 0, total: null } })))).toBe(5);
  });
});

describe('syncStatusText', () => {
  it('says how many changes wait and whether the device is offline', () => {
    expect(text(syncStatusFrom(input({ outbox: count(1), online: false })))).toBe('1 unsynced change, saved on this device · Offline');
    expect(text(syncStatusFrom(input({ outbox: count(2) })))).toBe('2 unsynced changes, saved on this device');
    expect(text(syncStatusFrom(input({ online: false })))).toBe('Offline · nothing waiting to sync');
    expect(text(syncStatusFrom(input()))).toBe('Nothing waiting to sync');
    expect(text(syncStatusFrom(input({ lastSyncedAt: SYNCED_AT })))).toBe('All changes synced');
  });

  it('names an unreachable server apart from an offline device', () => {
    const engine: EngineStatus = { state: 'offline', pending: 0, lastSyncedAt: null };
    expect(text(syncStatusFrom(input({ engine, outbox: count(1) })))).toBe('1 unsynced change, saved on this device · Server not reachable');
    expect(text(syncStatusFrom(input({ engine })))).toBe('Server not reachable · nothing waiting to sync');
  });

  it('shows progress while syncing', () => {
    const syncing = (phase: 'push' | 'pull', done: number, total: number | null) => text(syncStatusFrom(input({ engine: { state: 'syncing', phase, done, total } })));
    expect(syncing('push', 0, 1)).toBe('Syncing: sending 1 change…');
    expect(syncing('push', 100, 250)).toBe('Syncing: sent 100 of 250 changes…');
    expect(syncing('pull', 0, null)).toBe('Syncing: receiving updates…');
    expect(syncing('pull', 1000, null)).toBe('Syncing: received 1000 updates…');
  });

  it('warns when the user must act or the sync failed, with the retry time', () => {
    expect(syncStatusText(syncStatusFrom(input({ sessionExpired: true, outbox: count(3) })), clock)).toEqual({
      tone: 'warning',
      text: '3 unsynced changes, saved on this device · Sign in to sync',
    });
    expect(text(syncStatusFrom(input({ engine: { state: 'outdated', message: 'm' } })))).toBe('Update Tickmark to sync · nothing waiting to sync');
    expect(text(syncStatusFrom(input({ engine: { state: 'error', message: 'm', retryInMs: 1, pending: 0 }, retryAt: RETRY_AT })))).toBe('Sync failed · retrying at <10:16>');
  });

  it('adds how many changes the server refused, as a warning', () => {
    expect(syncStatusText(syncStatusFrom(input({ lastSyncedAt: SYNCED_AT, rejected: [refusal(1)] })), clock)).toEqual({
      tone: 'warning',
      text: 'All changes synced · 1 change refused',
    });
    expect(text(syncStatusFrom(input({ rejected: [refusal(1), refusal(2)], online: false })))).toBe('Offline · nothing waiting to sync · 2 changes refused');
  });

  it('uses calm tones for calm states', () => {
    expect(syncStatusText(syncStatusFrom(input({ lastSyncedAt: SYNCED_AT })), clock).tone).toBe('ok');
    expect(syncStatusText(syncStatusFrom(input({ outbox: count(1) })), clock).tone).toBe('pending');
    expect(syncStatusText(syncStatusFrom(input({ outbox: { status: 'pending' } })), clock).tone).toBe('neutral');
  });
});
