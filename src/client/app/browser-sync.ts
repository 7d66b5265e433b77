import { v7 } from 'uuid';
import type { Storage } from '../../sync/storage';
import { createLeaderLock, syncLockName } from '../platform/leader-lock';
import { browserTriggerEnvironment, createSyncTriggers } from '../platform/sync-triggers';
import { createHttpSyncTransport } from '../platform/sync-transport';
import type { SessionController } from './session-controller';
import { createSyncBroadcast, syncChannelName } from './sync-broadcast';
import { createSyncController, type SyncController } from './sync-controller';

export type SyncSessionArgs = {
  readonly userId: string;
  readonly storage: Storage;
  /** Re-read what the screens show from the local store (the signed-in app's query cache). */
  readonly onLocalDataChanged: () => void;
};

/** Made once by the composition root; the signed-in app calls it for each user session it shows. */
export type SyncFactory = (args: SyncSessionArgs) => SyncController;

/** [0, 1) from the CSPRNG, for the backoff jitter. */
const cryptoRandom = (): number => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;

/** Wires the sync controller to the real browser: fetch, Web Locks, BroadcastChannel, window events and timers. */
export const createBrowserSyncFactory = (session: SessionController): SyncFactory => {
  const transport = createHttpSyncTransport({ fetch: window.fetch.bind(window) });
  // navigator.locks exists only in secure contexts (https, localhost) of browsers that have it.
  const locks = 'locks' in navigator ? navigator.locks : undefined;
  const openChannel = typeof BroadcastChannel === 'undefined' ? undefined : (name: string) => new BroadcastChannel(name);
  return ({ userId, storage, onLocalDataChanged }) =>
    createSyncController({
      userId,
      storage,
      transport,
      session,
      lock: createLeaderLock(locks, syncLockName(userId)),
      openBroadcast: () => createSyncBroadcast(openChannel, syncChannelName(userId)),
      startTriggers: (fire) => createSyncTriggers({ fire, env: browserTriggerEnvironment(window, document) }),
      isOnline: () => navigator.onLine,
      now: () => new Date().toISOString(),
      random: cryptoRandom,
      newClientId: v7,
      setTimer: (fn, ms) => {
        const id = window.setTimeout(fn, ms);
        return () => window.clearTimeout(id);
      },
      onLocalDataChanged,
    });
};
