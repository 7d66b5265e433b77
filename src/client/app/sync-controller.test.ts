import { v7 } from 'uuid';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../sync/auth-protocol';
import { ensureClientMeta } from '../../sync/client-meta';
import { runMutation } from '../../sync/run-mutation';
import type { Storage } from '../../sync/storage';
import { createMemoryStorage } from '../storage/memory-storage';
import { engagementArgs, testContext } from '../storage/storage-test-records';
import { createFakeTimers } from './fake-timers';
import type { ServerSession } from './session-state';
import { createSyncController, type SyncControllerDeps } from './sync-controller';
import { accept, countingLock, emptyPull, fakeBroadcast, fakeSession, fakeTriggers, scriptedTransport } from './sync-test-doubles';

const NOW = '2026-05-04T10:15:00.000Z';
const USER = v7();

const me: MeResponse = { user: { id: USER, email: 'ana@demo.test', name: 'Ana', firmRole: 'admin' }, memberships: [] };

/** Lets the controller's chained promises (lock, engine, storage) run out. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('sync controller', () => {
  let storage: Storage;
  beforeEach(async () => {
    storage = createMemoryStorage();
    await ensureClientMeta(storage, v7);
  });

  const setup = (server: ServerSession = 'confirmed') => {
    const session = fakeSession(me, storage, server, NOW);
    const net = scriptedTransport();
    const lock = countingLock();
    const channel = fakeBroadcast();
    const triggers = fakeTriggers();
    const timers = createFakeTimers();
    const env = { online: true, changed: 0 };
    const deps: SyncControllerDeps = {
      userId: USER,
      storage,
      transport: net.transport,
      session: session.session,
      lock: lock.lock,
      openBroadcast: () => channel.broadcast,
      startTriggers: triggers.start,
      isOnline: () => env.online,
      now: () => NOW,
      random: () => 0.5,
      newClientId: v7,
      setTimer: timers.setTimer,
      onLocalDataChanged: () => void (env.changed += 1),
    };
    const controller = createSyncController(deps);
    return { controller, session, net, lock, channel, triggers, timers, env };
  };

  const createOne = () => runMutation(storage, 'createEngagement', engagementArgs(), testContext(USER));
  const outboxCount = () => storage.read((tx) => tx.outboxCount());

  it('syncs once started with a confirmed session: under the lock, then tells the screens and the other tabs', async () => {
    await createOne();
    const t = setup();
    t.net.script.pull = () => emptyPull(1);
    const stop = t.controller.start();
    await settle();

    expect(t.net.calls).toEqual({ push: 1, pull: 1 });
    expect(t.lock.counter.runs).toBe(1);
    expect(await outboxCount()).toBe(0);
    expect(t.controller.snapshot()).toMatchObject({ engine: { state: 'idle', lastSyncedAt: NOW }, lastSyncedAt: NOW, retryAt: null, rejected: [] });
    expect(t.channel.posted).toEqual([{ type: 'synced', at: NOW }]);
    expect(t.env.changed).toBeGreaterThan(0);
    // Something was pushed: the session (memberships) is refreshed.
    expect(t.session.calls.refresh).toBe(1);
    stop();
  });

  it('waits for the session check on app open, and syncs when the server confirms it', async () => {
    const t = setup('unchecked');
    t.controller.start();
    await settle();
    expect(t.net.calls.pull).toBe(0);
    t.session.setServer('confirmed');
    await settle();
    expect(t.net.calls.pull).toBe(1);
    expect(t.session.calls.refresh).toBe(0);
  });

  it('syncs for each trigger, and the Sync now button, while the session holds and the device is online', async () => {
    const t = setup('unchecked');
    t.controller.start();
    t.triggers.fire('visible');
    await settle();
    expect(t.net.calls.pull).toBe(1);
    expect(await t.controller.syncNow()).toMatchObject({ ok: true });
    expect(t.net.calls.pull).toBe(2);

    t.env.online = false;
    expect(await t.controller.syncNow()).toEqual({ ok: false, kind: 'offline', message: 'This device is offline' });
    t.triggers.fire('interval');
    await settle();
    expect(t.net.calls.pull).toBe(2);
  });

  it('passes local changes to the debouncing triggers', () => {
    const t = setup();
    t.controller.localChange();
    expect(t.triggers.counts.localChange).toBe(0);
    t.controller.start();
    t.controller.localChange();
    expect(t.triggers.counts.localChange).toBe(1);
  });

  it('on 401 marks the session expired, keeps the outbox, does not sync while expired, and pushes it after signing in again', async () => {
    await createOne();
    const t = setup();
    t.net.script.push = () => ({ ok: false, kind: 'unauthorized', message: 'Sign in again' });
    t.controller.start();
    await settle();

    expect(t.session.calls.markExpired).toBe(1);
    expect(t.controller.snapshot().engine).toEqual({ state: 'needs-sign-in', pending: 1 });
    expect(await outboxCount()).toBe(1);
    expect(await t.controller.syncNow()).toMatchObject({ ok: false, kind: 'session-ended' });
    t.triggers.fire('online');
    await settle();
    expect(t.net.calls.push).toBe(1);

    t.net.script.push = accept;
    t.net.script.pull = () => emptyPull(1);
    t.session.setServer('confirmed');
    await settle();
    expect(t.net.calls.push).toBe(2);
    expect(await outboxCount()).toBe(0);
    expect(t.controller.snapshot()).toMatchObject({ engine: { state: 'idle' }, lastSyncedAt: NOW });
  });

  it('gives the retry time of a failed sync, and the retry goes through the lock and the checks', async () => {
    const t = setup();
    t.net.script.pull = () => ({ ok: false, kind: 'server', message: 'Sync failed (HTTP 500)' });
    t.controller.start();
    await settle();
    const snap = t.controller.snapshot();
    expect(snap.engine).toMatchObject({ state: 'error', message: 'Sync failed (HTTP 500)' });
    const retryInMs = snap.engine.state === 'error' ? snap.engine.retryInMs : -1;
    expect(retryInMs).toBeGreaterThan(0);
    expect(snap.retryAt).toBe(new Date(Date.parse(NOW) + retryInMs).toISOString());

    t.net.script.pull = () => emptyPull(0);
    t.timers.advance(retryInMs);
    await settle();
    expect(t.lock.counter.runs).toBe(2);
    expect(t.net.calls.pull).toBe(2);
    expect(t.controller.snapshot()).toMatchObject({ engine: { state: 'idle' }, retryAt: null });
  });

  it('a retry that falls due while offline waits for the online trigger', async () => {
    const t = setup();
    t.net.script.pull = () => ({ ok: false, kind: 'network', message: 'Failed to fetch' });
    t.controller.start();
    await settle();
    expect(t.controller.snapshot().engine.state).toBe('offline');
    t.env.online = false;
    t.timers.advance(10 * 60_000);
    await settle();
    expect(t.net.calls.pull).toBe(1);
  });

  it('asks the server whose session this is when a sync is refused as another user’s', async () => {
    const t = setup();
    t.net.script.pull = () => ({ ok: false, kind: 'forbidden', message: 'This browser’s offline data belongs to another user' });
    t.controller.start();
    await settle();
    expect(t.session.calls.refresh).toBe(1);
    expect(t.controller.snapshot().engine).toMatchObject({ state: 'error' });
  });

  it('lists what the server refused', async () => {
    await createOne();
    const t = setup();
    t.net.script.push = (r) => ({
      ok: true,
      data: { lastMutationId: 1, results: r.mutations.map((m) => ({ id: m.id, status: 'rejected' as const, code: 'forbidden', message: 'Only a firm admin can create engagements' })) },
    });
    t.net.script.pull = () => emptyPull(1);
    t.controller.start();
    await settle();
    expect(t.controller.snapshot().rejected).toEqual([{ mutationId: 1, name: 'createEngagement', code: 'forbidden', message: 'Only a firm admin can create engagements' }]);
  });

  it('takes another tab’s sync as the latest sync and re-reads the local store', async () => {
    const t = setup('unchecked');
    t.controller.start();
    const before = t.env.changed;
    t.channel.deliver({ type: 'synced', at: '2026-05-04T11:00:00.000Z' });
    expect(t.controller.snapshot().lastSyncedAt).toBe('2026-05-04T11:00:00.000Z');
    expect(t.env.changed).toBe(before + 1);
    // An older announcement does not move it back.
    t.channel.deliver({ type: 'synced', at: '2026-05-04T09:00:00.000Z' });
    expect(t.controller.snapshot().lastSyncedAt).toBe('2026-05-04T11:00:00.000Z');
  });

  it('joins requests made while one waits for the lock into that one, and runs it after the running sync', async () => {
    const t = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    t.net.script.pull = async () => {
      await gate;
      return emptyPull(0);
    };
    t.controller.start();
    await settle();
    expect(t.net.calls.pull).toBe(1);
    const clicks = [t.controller.syncNow(), t.controller.syncNow(), t.controller.syncNow()];
    await settle();
    expect(t.lock.counter.runs).toBe(2);
    release();
    const outcomes = await Promise.all(clicks);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    // The start sync, then one more for the three clicks that waited behind it.
    expect(t.net.calls.pull).toBe(2);
  });

  it('stops cleanly: no more syncs, triggers and channel closed; a new start makes a fresh engine', async () => {
    const t = setup();
    const stop = t.controller.start();
    await settle();
    stop();
    stop();
    expect(t.triggers.counts.stop).toBe(1);
    expect(t.channel.closed()).toBe(1);
    expect(await t.controller.syncNow()).toMatchObject({ ok: false, kind: 'not-running' });
    t.session.setServer('expired');
    t.session.setServer('confirmed');
    await settle();
    expect(t.net.calls.pull).toBe(1);

    const again = t.controller.start();
    await settle();
    expect(t.net.calls.pull).toBe(2);
    again();
  });
});
