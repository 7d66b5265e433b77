import type { Storage } from '../../sync/storage';
import { createSyncEngine, type SyncEngine } from '../../sync/sync-engine';
import type { RejectedMutation, SyncOutcome, SyncStatus as EngineStatus } from '../../sync/sync-status';
import type { Transport } from '../../sync/transport';
import type { LeaderLock } from '../platform/leader-lock';
import type { SyncTrigger, SyncTriggers } from '../platform/sync-triggers';
import type { SessionController } from './session-controller';
import type { ServerSession } from './session-state';
import type { SyncBroadcast } from './sync-broadcast';

/** What the sync status hook reads; replaced (never mutated) on every change. */
export type SyncSnapshot = {
  readonly engine: EngineStatus;
  /** The last successful sync of this user's store on this device, by this tab or (as announced) another. */
  readonly lastSyncedAt: string | null;
  /** When the engine tries again after an error. */
  readonly retryAt: string | null;
  /** Changes the server refused since this tab started syncing. */
  readonly rejected: readonly RejectedMutation[];
};

export type SyncRequestOutcome =
  | SyncOutcome
  | { readonly ok: false; readonly kind: 'not-running' | 'session-ended' | 'offline'; readonly message: string };

export type SyncControllerDeps = {
  readonly userId: string;
  readonly storage: Storage;
  readonly transport: Transport;
  readonly session: Pick<SessionController, 'current' | 'subscribe' | 'markExpired' | 'refresh'>;
  readonly lock: LeaderLock;
  /** Opened on start, closed on stop. */
  readonly openBroadcast: () => SyncBroadcast;
  /** Starts listening for reasons to sync (online, visible, timer, local changes). */
  readonly startTriggers: (fire: (trigger: SyncTrigger) => void) => SyncTriggers;
  readonly isOnline: () => boolean;
  readonly now: () => string;
  readonly random: () => number;
  /** A fresh client id, for starting again when the server no longer knows this device. */
  readonly newClientId: () => string;
  readonly setTimer: (fn: () => void, ms: number) => () => void;
  /** A sync settled, or another tab synced: what the local store holds may have changed. */
  readonly onLocalDataChanged: () => void;
  readonly pushBatchSize?: number;
};

export type SyncController = {
  readonly snapshot: () => SyncSnapshot;
  readonly subscribe: (listener: () => void) => () => void;
  /** Makes a fresh engine and starts the triggers; returns the function that stops them. */
  readonly start: () => () => void;
  /** The "Sync now" button. */
  readonly syncNow: () => Promise<SyncRequestOutcome>;
  /** A local mutation was stored: synced shortly, once a burst of changes is over. */
  readonly localChange: () => void;
};

const INITIAL: SyncSnapshot = { engine: { state: 'idle', pending: 0, lastSyncedAt: null }, lastSyncedAt: null, retryAt: null, rejected: [] };

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : Date.parse(b) > Date.parse(a) ? b : a);

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

type Running = {
  readonly engine: SyncEngine;
  readonly triggers: SyncTriggers;
  readonly broadcast: SyncBroadcast;
  readonly stop: () => void;
};

/**
 * One per signed-in user session (made by the signed-in app, stopped on sign-out or user
 * switch). Every sync, whatever asked for it, runs under the user's leader lock, only while
 * the server session holds and the browser is online. A 401 marks the session expired (the
 * outbox stays); signing in again as the same user starts a sync that pushes it.
 */
export const createSyncController = (deps: SyncControllerDeps): SyncController => {
  let snap: SyncSnapshot = INITIAL;
  const listeners = new Set<() => void>();
  const update = (patch: Partial<SyncSnapshot>): void => {
    snap = { ...snap, ...patch };
    for (const l of listeners) l();
  };

  let running: Running | null = null;
  /** A sync waiting for the lock: more requests meanwhile join it instead of queueing more. */
  let waiting: Promise<SyncRequestOutcome> | null = null;

  const serverState = (): ServerSession | null => {
    const s = deps.session.current();
    return s.status === 'signed-in' && s.session.me.user.id === deps.userId ? s.session.server : null;
  };

  const refusal = (): SyncRequestOutcome | null => {
    const server = serverState();
    if (server === null || server === 'expired') return { ok: false, kind: 'session-ended', message: 'Sign in again to sync' };
    if (!deps.isOnline()) return { ok: false, kind: 'offline', message: 'This device is offline' };
    return null;
  };

  const syncLocked = async (run: Running): Promise<SyncRequestOutcome> => {
    if (running !== run) return { ok: false, kind: 'not-running', message: 'Sync has stopped' };
    // The session may have ended while another tab held the lock.
    const refused = refusal();
    if (refused) return refused;
    const outcome = await run.engine.sync();
    if (running !== run) return outcome;
    // Memberships (and so permissions) come with the session: a pushed or pulled change may have altered them.
    if (outcome.ok && (outcome.pushed > 0 || outcome.pulled > 0)) void deps.session.refresh();
    // 403: this device's client id belongs to another user than the session cookie (another tab
    // signed someone else in). The session check finds that out and ends this session, which stops the retries.
    if (!outcome.ok && outcome.kind === 'forbidden') void deps.session.refresh();
    return outcome;
  };

  const request = (_trigger: SyncTrigger): Promise<SyncRequestOutcome> => {
    const run = running;
    if (!run) return Promise.resolve({ ok: false, kind: 'not-running', message: 'Sync has not started' });
    const refused = refusal();
    if (refused) return Promise.resolve(refused);
    // Whatever asked, the next periodic sync counts from this one.
    run.triggers.rearm();
    if (waiting) return waiting;
    let granted = false;
    const promise = deps.lock
      .run(() => {
        granted = true;
        waiting = null;
        return syncLocked(run);
      })
      .catch((e: unknown): SyncRequestOutcome => ({ ok: false, kind: 'server', message: `Sync failed: ${describe(e)}` }));
    // Without Web Locks the task starts at once and nothing waits.
    if (!granted) waiting = promise;
    return promise;
  };

  const onEngineStatus =
    (run: Running) =>
    (s: EngineStatus): void => {
      if (running !== run) return;
      if (s.state === 'syncing') {
        update({ engine: s });
        return;
      }
      const rejected = run.engine.rejected();
      switch (s.state) {
        case 'idle':
          update({ engine: s, retryAt: null, rejected, lastSyncedAt: later(snap.lastSyncedAt, s.lastSyncedAt) });
          if (s.lastSyncedAt) run.broadcast.post({ type: 'synced', at: s.lastSyncedAt });
          break;
        case 'error':
          update({ engine: s, retryAt: addMs(deps.now(), s.retryInMs), rejected });
          break;
        case 'needs-sign-in':
          update({ engine: s, retryAt: null, rejected });
          deps.session.markExpired();
          break;
        case 'offline':
        case 'outdated':
          update({ engine: s, retryAt: null, rejected });
          break;
      }
      // Even a failed sync may have pushed a batch (the outbox shrank) before it stopped.
      deps.onLocalDataChanged();
    };

  const start = (): (() => void) => {
    if (running) return running.stop;
    const engine = createSyncEngine({
      storage: deps.storage,
      transport: deps.transport,
      userId: deps.userId,
      now: deps.now,
      random: deps.random,
      newClientId: deps.newClientId,
      // The engine's retry after a failure is one more reason to sync: it goes through the lock
      // and the session and online checks like every other one, instead of the engine's own call.
      setTimer: (_retry, ms) => deps.setTimer(() => void request('retry'), ms),
      ...(deps.pushBatchSize ? { pushBatchSize: deps.pushBatchSize } : {}),
    });
    const broadcast = deps.openBroadcast();
    const triggers = deps.startTriggers((trigger) => void request(trigger));
    const unsubscribers: Array<() => void> = [];
    const run: Running = {
      engine,
      triggers,
      broadcast,
      stop: () => {
        if (running !== run) return;
        running = null;
        waiting = null;
        for (const u of unsubscribers) u();
        triggers.stop();
        engine.stop();
        broadcast.close();
      },
    };
    running = run;
    unsubscribers.push(engine.subscribe(onEngineStatus(run)));
    unsubscribers.push(
      broadcast.subscribe((message) => {
        if (running !== run) return;
        update({ lastSyncedAt: later(snap.lastSyncedAt, message.at) });
        deps.onLocalDataChanged();
      }),
    );
    // Sync when the server (again) vouches for this user: after sign-in, on app open once the
    // session check answers, and after signing in again following a 401.
    let lastServer = serverState();
    unsubscribers.push(
      deps.session.subscribe(() => {
        const server = serverState();
        const was = lastServer;
        lastServer = server;
        if (server === 'confirmed' && was !== 'confirmed') void request('start');
      }),
    );
    if (lastServer === 'confirmed') void request('start');
    return run.stop;
  };

  return {
    snapshot: () => snap,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    syncNow: () => request('manual'),
    localChange: () => running?.triggers.localChange(),
  };
};
