import { v7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '../client/storage/memory-storage';
import { ensureClientMeta } from './client-meta';
import { createSyncEngine } from './sync-engine';
import type { Transport } from './transport';

// The last successful sync time survives a later failure: the status just before settling
// is always "syncing", so it cannot be read back from there.
describe('sync engine: last successful sync time', () => {
  it('is kept when a later sync finds the network gone', async () => {
    const storage = createMemoryStorage();
    await ensureClientMeta(storage, v7);
    let up = true;
    const transport: Transport = {
      push: async () => ({ ok: true, data: { lastMutationId: 0, results: [] } }),
      pull: async () => (up ? { ok: true, data: { cookie: 1, lastMutationId: 0, patch: [] } } : { ok: false, kind: 'network', message: 'Failed to fetch' }),
    };
    const engine = createSyncEngine({ storage, transport, userId: 'u', now: () => '2026-01-01T00:00:00.000Z', random: () => 0.5, newClientId: v7, setTimer: () => () => undefined });
    await engine.sync();
    expect(engine.status()).toMatchObject({ state: 'idle', lastSyncedAt: '2026-01-01T00:00:00.000Z' });
    up = false;
    await engine.sync();
    expect(engine.status()).toMatchObject({ state: 'offline', lastSyncedAt: '2026-01-01T00:00:00.000Z' });
  });
});
