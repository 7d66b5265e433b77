/**
 * One tab at a time: a task run here holds the named Web Lock, so the same task started in
 * another tab of this browser profile waits until the first one has finished. Every tab of
 * one user shares one IndexedDB outbox and one clientId, so two tabs pushing and applying
 * pulls at once would race each other.
 */
export type LeaderLock = {
  readonly run: <T>(task: () => Promise<T>) => Promise<T>;
  /** False where the browser offers no Web Locks: tasks then run without waiting for other tabs. */
  readonly exclusive: boolean;
};

/** The part of `navigator.locks` used here (undefined in browsers without Web Locks, or outside a secure context). */
export type LockRequester = Pick<LockManager, 'request'>;

export const syncLockName = (userId: string): string => `tickmark-sync-${userId}`;

export const createLeaderLock = (locks: LockRequester | undefined, name: string): LeaderLock => {
  if (!locks) return { exclusive: false, run: (task) => task() };
  // The lock is held until the task's promise settles; awaiting the request yields the task's result.
  return { exclusive: true, run: async (task) => await locks.request(name, () => task()) };
};
