import type { ClientMeta } from './protocol';
import type { Storage } from './storage';

/** The device's client id is made once, on first open, and kept with the data it numbers. */
export const ensureClientMeta = (storage: Storage, newClientId: () => string): Promise<ClientMeta> =>
  storage.write(async (tx) => {
    const existing = await tx.getMeta();
    if (existing) return existing;
    const meta: ClientMeta = { clientId: newClientId(), nextMutationId: 1, cookie: null };
    await tx.setMeta(meta);
    return meta;
  });
