import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncBroadcast, syncChannelName, type SyncBroadcast, type SyncBroadcastMessage } from './sync-broadcast';

const open: SyncBroadcast[] = [];
const make = (name: string): SyncBroadcast => {
  const b = createSyncBroadcast((n) => new BroadcastChannel(n), name);
  open.push(b);
  return b;
};
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  vi.restoreAllMocks();
});

const nextMessage = (b: SyncBroadcast): Promise<SyncBroadcastMessage> =>
  new Promise((resolve) => {
    const off = b.subscribe((m) => {
      off();
      resolve(m);
    });
  });

describe('sync broadcast', () => {
  it('tells the other tabs of the same user that a sync finished', async () => {
    const name = syncChannelName('user-1');
    expect(name).toBe('tickmark-user-1');
    const tabA = make(name);
    const tabB = make(name);
    const received = nextMessage(tabB);
    tabA.post({ type: 'synced', at: '2026-05-04T10:15:00.000Z' });
    expect(await received).toEqual({ type: 'synced', at: '2026-05-04T10:15:00.000Z' });
  });

  it('ignores, with a warning, a message it does not understand', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const name = syncChannelName('user-2');
    const listener = make(name);
    const raw = new BroadcastChannel(name);
    const seen: SyncBroadcastMessage[] = [];
    listener.subscribe((m) => seen.push(m));
    const good = nextMessage(listener);
    raw.postMessage({ type: 'synced', at: 'yesterday' });
    raw.postMessage({ type: 'synced', at: '2026-05-04T10:15:00.000Z' });
    await good;
    raw.close();
    expect(seen).toEqual([{ type: 'synced', at: '2026-05-04T10:15:00.000Z' }]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Ignored a message on tickmark-user-2 from another tab: at: /));
  });

  it('does nothing where the browser has no BroadcastChannel', () => {
    const b = createSyncBroadcast(undefined, 'x');
    expect(() => b.post({ type: 'synced', at: '2026-05-04T10:15:00.000Z' })).not.toThrow();
    b.subscribe(() => undefined)();
    b.close();
  });
});
