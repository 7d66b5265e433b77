import { describe, expect, it } from 'vitest';
import { createLeaderLock, syncLockName, type LockRequester } from './leader-lock';

/** Web Locks as the spec describes them for one name: exclusive, granted in request order, held until the callback settles. */
const fakeLocks = () => {
  const names: string[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  const locks: LockRequester = {
    request: ((name: string, callback: (lock: Lock | null) => unknown) => {
      names.push(name);
      const run = tail.then(() => callback({ name, mode: 'exclusive' } as Lock));
      tail = run.catch(() => undefined);
      return run;
    }) as LockRequester['request'],
  };
  return { locks, names };
};

const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('leader lock', () => {
  it('runs one task at a time under the user’s lock name and passes results through', async () => {
    const { locks, names } = fakeLocks();
    const lock = createLeaderLock(locks, syncLockName('u-1'));
    expect(lock.exclusive).toBe(true);
    const gate = deferred();
    const log: string[] = [];
    const first = lock.run(async () => {
      log.push('first start');
      await gate.promise;
      log.push('first end');
      return 1;
    });
    const second = lock.run(async () => {
      log.push('second');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first start']);
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first start', 'first end', 'second']);
    expect(names).toEqual(['tickmark-sync-u-1', 'tickmark-sync-u-1']);
  });

  it('passes a failure through and lets the next task run', async () => {
    const lock = createLeaderLock(fakeLocks().locks, 'x');
    await expect(lock.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(async () => 'next')).toBe('next');
  });

  it('runs tasks straight away where the browser has no Web Locks', async () => {
    const lock = createLeaderLock(undefined, 'x');
    expect(lock.exclusive).toBe(false);
    let started = false;
    const running = lock.run(async () => {
      started = true;
      return 'done';
    });
    expect(started).toBe(true);
    expect(await running).toBe('done');
  });
});
