import { Workbox } from 'workbox-window';

export type UpdateState =
  | { readonly state: 'unsupported' }
  | { readonly state: 'registering' }
  | { readonly state: 'current' }
  /** A new version is installed and waits for this page to let it take over. */
  | { readonly state: 'waiting' }
  /** The waiting version was told to take over; the page reloads once it controls it. */
  | { readonly state: 'activating' }
  | { readonly state: 'failed'; readonly message: string };

export type ServiceWorkerUpdates = {
  readonly current: () => UpdateState;
  readonly subscribe: (listener: () => void) => () => void;
  /** Registers the worker once; later calls are no-ops. */
  readonly register: () => Promise<void>;
  readonly checkForUpdate: () => Promise<void>;
  /**
   * Lets the waiting version take over and reloads the page when it does. The caller must
   * have checked that nothing unsynced is waiting in the outbox (see app-update).
   */
  readonly applyUpdate: () => void;
};

export type ServiceWorkerOptions = {
  readonly scriptUrl: string;
  /** False in the Vite dev server, which emits no service worker. */
  readonly enabled: boolean;
  readonly reload: () => void;
  /** How often an open tab asks the server for a new version. */
  readonly checkEveryMs: number;
};

const describe = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export const createServiceWorkerUpdates = (options: ServiceWorkerOptions): ServiceWorkerUpdates => {
  const supported = options.enabled && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  let state: UpdateState = supported ? { state: 'registering' } : { state: 'unsupported' };
  const listeners = new Set<() => void>();
  let workbox: Workbox | undefined;

  const set = (next: UpdateState): void => {
    state = next;
    for (const l of listeners) l();
  };

  const checkForUpdate = async (): Promise<void> => {
    try {
      await workbox?.update();
    } catch {
      // Offline or the server is down: the next check will try again.
    }
  };

  const register = async (): Promise<void> => {
    if (!supported || workbox) return;
    const wb = new Workbox(options.scriptUrl);
    workbox = wb;
    wb.addEventListener('waiting', () => {
      if (state.state !== 'activating') set({ state: 'waiting' });
    });
    wb.addEventListener('controlling', () => {
      // Only a take-over this page asked for reloads it; never surprise someone mid-edit.
      if (state.state === 'activating') options.reload();
    });
    try {
      await wb.register();
      if (state.state === 'registering') set({ state: 'current' });
    } catch (e) {
      set({ state: 'failed', message: `The offline app could not be installed: ${describe(e)}` });
      return;
    }
    window.addEventListener('online', () => void checkForUpdate());
    window.setInterval(() => void checkForUpdate(), options.checkEveryMs);
  };

  return {
    current: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    register,
    checkForUpdate,
    applyUpdate: () => {
      if (!workbox || state.state !== 'waiting') return;
      set({ state: 'activating' });
      workbox.messageSkipWaiting();
    },
  };
};
