import type { MeResponse } from '../../sync/auth-protocol';
import type { PullResponse, PushRequest, PushResponse } from '../../sync/protocol';
import type { Storage } from '../../sync/storage';
import type { Transport, TransportResult } from '../../sync/transport';
import type { LeaderLock } from '../platform/leader-lock';
import type { SyncTrigger, SyncTriggers } from '../platform/sync-triggers';
import type { IdbStorage } from '../storage/idb-storage';
import { actorFromMe } from './actor-from-me';
import type { ServerSession, SessionState } from './session-state';
import type { SyncBroadcast, SyncBroadcastMessage } from './sync-broadcast';

/** Test doubles for the sync controller's collaborators (see sync-controller.test.ts). */

/** The session controller as far as sync uses it. */
export const fakeSession = (me: MeResponse, storage: Storage, server: ServerSession, confirmedAt: string) => {
  const listeners = new Set<() => void>();
  let state: SessionState = {
    status: 'signed-in',
    session: { me, actor: actorFromMe(me), storage: storage as IdbStorage, confirmedAt, server, via: 'sign-in' },
  };
  const calls = { markExpired: 0, refresh: 0 };
  const setServer = (next: ServerSession): void => {
    if (state.status !== 'signed-in') throw new Error('not signed in');
    state = { status: 'signed-in', session: { ...state.session, server: next } };
    for (const l of listeners) l();
  };
  return {
    calls,
    setServer,
    session: {
      current: () => state,
      subscribe: (l: () => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      markExpired: () => {
        calls.markExpired += 1;
        setServer('expired');
      },
      refresh: async () => {
        calls.refresh += 1;
      },
    },
  };
};

type Answer<T> = () => TransportResult<T> | Promise<TransportResult<T>>;

export const accept = (r: PushRequest): TransportResult<PushResponse> => ({
  ok: true,
  data: { lastMutationId: r.mutations.at(-1)?.id ?? 0, results: r.mutations.map((m) => ({ id: m.id, status: 'applied' as const })) },
});

export const emptyPull = (lastMutationId: number): TransportResult<PullResponse> => ({ ok: true, data: { cookie: 1, lastMutationId, patch: [] } });

/** Answers from whatever is set at the time of the call; counts the calls. */
export const scriptedTransport = () => {
  const calls = { push: 0, pull: 0 };
  const script: { push: (r: PushRequest) => TransportResult<PushResponse>; pull: Answer<PullResponse> } = { push: accept, pull: () => emptyPull(0) };
  const transport: Transport = {
    push: async (r) => {
      calls.push += 1;
      return script.push(r);
    },
    pull: async () => {
      calls.pull += 1;
      return script.pull();
    },
  };
  return { transport, calls, script };
};

export const countingLock = () => {
  const counter = { runs: 0 };
  let tail: Promise<unknown> = Promise.resolve();
  const lock: LeaderLock = {
    exclusive: true,
    run: (task) => {
      counter.runs += 1;
      const run = tail.then(task);
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { lock, counter };
};

export const fakeBroadcast = () => {
  const posted: SyncBroadcastMessage[] = [];
  const listeners = new Set<(m: SyncBroadcastMessage) => void>();
  let closed = 0;
  const broadcast: SyncBroadcast = {
    post: (m) => posted.push(m),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => {
      closed += 1;
    },
  };
  return { broadcast, posted, deliver: (m: SyncBroadcastMessage) => listeners.forEach((l) => l(m)), closed: () => closed };
};

export const fakeTriggers = () => {
  let fire: (t: SyncTrigger) => void = () => undefined;
  const counts = { localChange: 0, rearm: 0, stop: 0 };
  const triggers: SyncTriggers = {
    localChange: () => void (counts.localChange += 1),
    rearm: () => void (counts.rearm += 1),
    stop: () => void (counts.stop += 1),
  };
  return {
    counts,
    start: (f: (t: SyncTrigger) => void) => {
      fire = f;
      return triggers;
    },
    fire: (t: SyncTrigger) => fire(t),
  };
};
