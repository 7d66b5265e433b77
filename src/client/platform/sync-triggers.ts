/** Why a sync was asked for. */
export type SyncTrigger = 'start' | 'online' | 'visible' | 'interval' | 'local-change' | 'manual' | 'retry';

/** The browser events the triggers listen to, behind a seam so the timing is tested without a browser. */
export type TriggerEnvironment = {
  readonly onOnline: (listener: () => void) => () => void;
  readonly onVisibilityChange: (listener: () => void) => () => void;
  readonly isVisible: () => boolean;
  readonly setTimer: (fn: () => void, ms: number) => () => void;
};

export type SyncTriggersOptions = {
  readonly fire: (trigger: SyncTrigger) => void;
  readonly env: TriggerEnvironment;
  /** Periodic sync while the page is visible. */
  readonly intervalMs?: number;
  /** Quiet time after the last local change before it is synced: a burst of taps is one push. */
  readonly debounceMs?: number;
};

export type SyncTriggers = {
  /** A local mutation was stored: sync once changes stop coming for `debounceMs`. */
  readonly localChange: () => void;
  /** A sync is starting for another reason: the next periodic one counts from now. */
  readonly rearm: () => void;
  readonly stop: () => void;
};

export const SYNC_INTERVAL_MS = 60_000;
export const LOCAL_CHANGE_DEBOUNCE_MS = 300;

/**
 * Fires on coming online, on the page becoming visible, every `intervalMs` while visible
 * (not in a background tab), and `debounceMs` after the last of a burst of local changes.
 * Listening starts at creation and ends with `stop`.
 */
export const createSyncTriggers = ({ fire, env, intervalMs = SYNC_INTERVAL_MS, debounceMs = LOCAL_CHANGE_DEBOUNCE_MS }: SyncTriggersOptions): SyncTriggers => {
  let stopped = false;
  let cancelInterval: (() => void) | null = null;
  let cancelDebounce: (() => void) | null = null;

  const disarm = (): void => {
    cancelInterval?.();
    cancelInterval = null;
  };

  const rearm = (): void => {
    disarm();
    if (stopped || !env.isVisible()) return;
    cancelInterval = env.setTimer(() => {
      cancelInterval = null;
      fireNow('interval');
    }, intervalMs);
  };

  const fireNow = (trigger: SyncTrigger): void => {
    if (stopped) return;
    rearm();
    fire(trigger);
  };

  const unsubscribeOnline = env.onOnline(() => fireNow('online'));
  const unsubscribeVisibility = env.onVisibilityChange(() => {
    if (env.isVisible()) fireNow('visible');
    else disarm();
  });
  rearm();

  return {
    localChange: () => {
      if (stopped) return;
      cancelDebounce?.();
      cancelDebounce = env.setTimer(() => {
        cancelDebounce = null;
        fireNow('local-change');
      }, debounceMs);
    },
    rearm,
    stop: () => {
      if (stopped) return;
      stopped = true;
      unsubscribeOnline();
      unsubscribeVisibility();
      disarm();
      cancelDebounce?.();
      cancelDebounce = null;
    },
  };
};

/** The real browser: `online` on window, `visibilitychange` on document, window timers. */
export const browserTriggerEnvironment = (win: Window, doc: Document): TriggerEnvironment => ({
  onOnline: (listener) => {
    win.addEventListener('online', listener);
    return () => win.removeEventListener('online', listener);
  },
  onVisibilityChange: (listener) => {
    doc.addEventListener('visibilitychange', listener);
    return () => doc.removeEventListener('visibilitychange', listener);
  },
  isVisible: () => doc.visibilityState === 'visible',
  setTimer: (fn, ms) => {
    const id = win.setTimeout(fn, ms);
    return () => win.clearTimeout(id);
  },
});
