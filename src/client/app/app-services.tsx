import { createContext, useContext, type ReactNode } from 'react';
import type { Storage } from '../../sync/storage';
import type { ServiceWorkerUpdates } from '../platform/service-worker';
import type { StoragePersistence } from '../platform/storage-persistence';

/** Everything the composition root creates once and the screens use; no module-level instances. */
export type AppServices = {
  readonly storage: Storage;
  /** The acting user, passed to mutators. */
  readonly userId: string;
  readonly serviceWorker: ServiceWorkerUpdates;
  readonly persistence: StoragePersistence;
};

const AppServicesContext = createContext<AppServices | null>(null);

export const AppServicesProvider = ({ services, children }: { readonly services: AppServices; readonly children: ReactNode }) => (
  <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>
);

export const useAppServices = (): AppServices => {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesProvider> (see src/client/app/main.tsx)');
  return services;
};

export const useLocalStore = (): Pick<AppServices, 'storage' | 'userId'> => {
  const { storage, userId } = useAppServices();
  return { storage, userId };
};
