/** What the browser says about keeping this site's offline data. */
export type StorageReport =
  | { readonly supported: false }
  | {
      readonly supported: true;
      readonly persisted: boolean;
      /** Bytes; undefined when the browser does not estimate. */
      readonly usage: number | undefined;
      readonly quota: number | undefined;
    };

export type PersistRequest = { readonly supported: false } | { readonly supported: true; readonly persisted: boolean };

export type StoragePersistence = {
  /** Asks the browser not to evict our data under storage pressure; asks only if not granted yet. */
  readonly requestPersistence: () => Promise<PersistRequest>;
  readonly report: () => Promise<StorageReport>;
};

/** `manager` is `navigator.storage`, absent on insecure origins and old browsers. */
export const createStoragePersistence = (manager: StorageManager | undefined): StoragePersistence => {
  const canPersist = manager !== undefined && typeof manager.persisted === 'function' && typeof manager.persist === 'function';

  const requestPersistence = async (): Promise<PersistRequest> => {
    if (!canPersist) return { supported: false };
    try {
      if (await manager.persisted()) return { supported: true, persisted: true };
      return { supported: true, persisted: await manager.persist() };
    } catch {
      return { supported: true, persisted: false };
    }
  };

  const report = async (): Promise<StorageReport> => {
    if (!canPersist) return { supported: false };
    const persisted = await manager.persisted().catch(() => false);
    const estimate = typeof manager.estimate === 'function' ? await manager.estimate().catch(() => undefined) : undefined;
    return { supported: true, persisted, usage: estimate?.usage, quota: estimate?.quota };
  };

  return { requestPersistence, report };
};
