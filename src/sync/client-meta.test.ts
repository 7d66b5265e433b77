import { v7 } from 'uuid';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../client/storage/memory-storage';
import { ensureClientMeta } from './client-meta';

describe('ensureClientMeta', () => {
  it('gives a new device a client id, mutation numbering from 1 and no cookie', async () => {
    const storage = createMemoryStorage();
    const id = v7();
    expect(await ensureClientMeta(storage, () => id)).toEqual({ clientId: id, nextMutationId: 1, cookie: null });
    expect(await storage.read((tx) => tx.getMeta())).toEqual({ clientId: id, nextMutationId: 1, cookie: null });
  });

  it('returns the stored meta untouched once the device has one', async () => {
    const storage = createMemoryStorage();
    const existing = { clientId: v7(), nextMutationId: 42, cookie: 1234 };
    await storage.write((tx) => tx.setMeta(existing));
    const newClientId = vi.fn(() => v7());
    expect(await ensureClientMeta(storage, newClientId)).toEqual(existing);
    expect(newClientId).not.toHaveBeenCalled();
    expect(await storage.read((tx) => tx.getMeta())).toEqual(existing);
  });

  it('makes one id even when several callers race on first open', async () => {
    const storage = createMemoryStorage();
    const newClientId = vi.fn(() => v7());
    const metas = await Promise.all([1, 2, 3].map(() => ensureClientMeta(storage, newClientId)));
    expect(newClientId).toHaveBeenCalledTimes(1);
    expect(new Set(metas.map((m) => m.clientId)).size).toBe(1);
  });

  it('keeps nothing if the id generator fails', async () => {
    const storage = createMemoryStorage();
    await expect(
      ensureClientMeta(storage, () => {
        throw new Error('no crypto');
      }),
    ).rejects.toThrow('no crypto');
    expect(await storage.read((tx) => tx.getMeta())).toBeUndefined();
  });
});
