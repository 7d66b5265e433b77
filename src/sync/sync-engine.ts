import { applyPull } from './apply-pull';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { PROTOCOL_VERSION } from './protocol';
import type { Storage } from './storage';
import type { RejectedMutation, SyncOutcome, SyncStatus } from './sync-status';
import type { Transport, TransportFailure } from './transport';

export type SyncEngineDeps = {
  readonly storage: Storage;
  readonly transport: Transport;
  readonly userId: string;
  readonly now: () => string;
  /** [0, 1), for backoff jitter: injected so tests are deterministic. */
  readonly random: () => number;
  /** A fresh client id, for starting again when the server no longer knows this device. */
  readonly newClientId: () => string;
  readonly setTimer: (fn: () => void, ms: number) => () => void;
  readonly pushBatchSize?: number;
  readonly backoff?: BackoffPolicy;
};

export type SyncEngine = {
  /** Runs one push + pull now (coalesced with one already running). */
  readonly sync: () => Promise<SyncOutcome>;
  readonly status: () => SyncStatus;
  readonly subscribe: (listener: (s: SyncStatus) => void) => () => void;
  /** Rejections the server reported this session, for the user to act on. */
  readonly rejected: () => readonly RejectedMutation[];
  readonly stop: () => void;
};

const toOutcome = (f: TransportFailure): SyncOutcome => ({ ok: false, kind: f.kind, message: f.message });

/**
 * Client sync: push the outbox in order, then pull until the server has no more. One
 * instance per signed-in user, made in the composition root; failures back off with jitter.
 */
export const createSyncEngine = (deps: SyncEngineDeps): SyncEngine => {
  const batchSize = deps.pushBatchSize ?? 100;
  const listeners = new Set<(s: SyncStatus) => void>();
  const rejections: RejectedMutation[] = [];
  let current: SyncStatus = { state: 'idle', pending: 0, lastSyncedAt: null };
  let running: Promise<SyncOutcome> | null = null;
  let again = false;
  let failures = 0;
  let cancelRetry: (() => void) | null = null;
  let stopped = false;
  let lastSyncedAt: string | null = null;

  const set = (s: SyncStatus): void => {
    current = s;
    for (const l of listeners) l(s);
  };

  const pendingCount = (): Promise<number> => deps.storage.read((tx) => tx.outboxCount());

  const push = async (): Promise<SyncOutcome> => {
    let pushed = 0;
    const total = await pendingCount();
    for (;;) {
      // Read each round: a restart as a new client changes the id and renumbers the outbox.
      const { clientId, batch } = await deps.storage.read(async (tx) => ({ clientId: (await tx.getMeta())?.clientId, batch: (await tx.outbox()).slice(0, batchSize) }));
      if (clientId === undefined) return { ok: false, kind: 'server', message: 'This device has no client id yet' };
      if (batch.length === 0) return { ok: true, pushed, pulled: 0, rejected: [] };
      set({ state: 'syncing', phase: 'push', done: pushed, total });
      const res = await deps.transport.push({
        protocolVersion: PROTOCOL_VERSION,
        clientId,
        mutations: batch.map(({ clientId: _c, ...m }) => m),
      });
      if (!res.ok) {
        if (res.kind === 'gap' && (await restartAsNewClient(res.expected))) continue;
        return toOutcome(res);
      }
      for (const r of res.data.results) {
        if (r.status !== 'rejected') continue;
        const entry = batch.find((m) => m.id === r.id);
        rejections.push({ mutationId: r.id, name: entry?.name ?? 'unknown', code: r.code ?? 'rejected', message: r.message ?? 'Refused by the server' });
      }
      const acked = res.data.lastMutationId;
      const last = batch[batch.length - 1]?.id ?? 0;
      if (acked < last) return { ok: false, kind: 'server', message: `The server acknowledged changes up to #${acked} of #${last}` };
      pushed += batch.length;
      // Dropped now so the next batch starts after them; the pull that follows brings
      // the server's own version of their effect.
      await deps.storage.write((tx) => tx.dropOutboxThrough(acked));
      if (batch.length < batchSize) return { ok: true, pushed, pulled: 0, rejected: [] };
    }
  };

  /**
   * The server expects an id below our first pending one: it no longer knows this client (its
   * client table was restored or wiped). Start again as a new client, keeping every pending
   * change, renumbered from 1, and pull everything afresh. One transaction: all or nothing.
   */
  const restartAsNewClient = (expected: number): Promise<boolean> =>
    deps.storage.write(async (tx) => {
      const pending = await tx.outbox();
      const first = pending[0]?.id;
      if (first === undefined || expected >= first) return false;
      const clientId = deps.newClientId();
      await tx.dropOutboxThrough(Number.MAX_SAFE_INTEGER);
      for (const [i, entry] of pending.entries()) await tx.appendOutbox({ ...entry, clientId, id: i + 1 });
      await tx.setMeta({ clientId, nextMutationId: pending.length + 1, cookie: null });
      return true;
    });

  const pull = async (): Promise<SyncOutcome> => {
    let pulled = 0;
    for (;;) {
      const meta = await deps.storage.read((tx) => tx.getMeta());
      if (!meta) return { ok: false, kind: 'server', message: 'This device has no client id yet' };
      const { clientId, cookie } = meta;
      set({ state: 'syncing', phase: 'pull', done: pulled, total: null });
      const res = await deps.transport.pull({ protocolVersion: PROTOCOL_VERSION, clientId, cookie });
      if (!res.ok) return toOutcome(res);
      await applyPull(deps.storage, res.data, deps.userId);
      pulled += res.data.patch.length;
      if (!res.data.more) return { ok: true, pushed: 0, pulled, rejected: [] };
    }
  };

  const scheduleRetry = (): number => {
    const delay = backoffDelay(failures, deps.random, deps.backoff ?? DEFAULT_BACKOFF);
    failures += 1;
    cancelRetry?.();
    // A sync that was in flight when the engine stopped must not arm a retry.
    if (stopped) return delay;
    cancelRetry = deps.setTimer(() => {
      cancelRetry = null;
      void sync();
    }, delay);
    return delay;
  };

  const once = async (): Promise<SyncOutcome> => {
    const before = rejections.length;
    const pushed = await push();
    if (!pushed.ok) return pushed;
    const pulled = await pull();
    if (!pulled.ok) return pulled;
    return { ok: true, pushed: pushed.pushed, pulled: pulled.pulled, rejected: rejections.slice(before) };
  };

  const settle = async (outcome: SyncOutcome): Promise<void> => {
    const pending = await pendingCount();
    if (outcome.ok) {
      failures = 0;
      lastSyncedAt = deps.now();
      set({ state: 'idle', pending, lastSyncedAt });
      return;
    }
    switch (outcome.kind) {
      case 'network':
        set({ state: 'offline', pending, lastSyncedAt });
        scheduleRetry();
        return;
      case 'unauthorized':
        // The outbox is kept until the same user signs in again.
        set({ state: 'needs-sign-in', pending });
        return;
      case 'outdated':
        set({ state: 'outdated', message: outcome.message });
        return;
      case 'forbidden':
      case 'gap':
      case 'server':
      case 'busy': {
        const retryInMs = scheduleRetry();
        set({ state: 'error', message: outcome.message, retryInMs, pending });
        return;
      }
    }
  };

  const sync = (): Promise<SyncOutcome> => {
    if (stopped) return Promise.resolve({ ok: false, kind: 'busy', message: 'Sync has stopped' });
    if (running) {
      again = true;
      return running;
    }
    const run = async (): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      do {
        again = false;
        try {
          outcome = await once();
        } catch (e) {
          outcome = { ok: false, kind: 'server', message: e instanceof Error ? e.message : String(e) };
        }
      } while (again && outcome.ok);
      await settle(outcome);
      return outcome;
    };
    running = run().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    sync,
    status: () => current,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    rejected: () => [...rejections],
    stop: () => {
      stopped = true;
      cancelRetry?.();
    },
  };
};
