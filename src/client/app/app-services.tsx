import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Actor } from '../../domain/permissions/actor';
import type { MeResponse } from '../../sync/auth-protocol';
import type { Storage } from '../../sync/storage';
import type { ApiClient } from '../platform/api-client';
import type { ServiceWorkerUpdates } from '../platform/service-worker';
import type { StoragePersistence } from '../platform/storage-persistence';
import type { SyncFactory } from './browser-sync';
import type { SessionController } from './session-controller';
import type { ServerSession, SessionState } from './session-state';
import type { SyncController } from './sync-controller';

/** Everything the composition root creates once for the device; no module-level instances. */
export type AppServices = {
  readonly serviceWorker: ServiceWorkerUpdates;
  readonly persistence: StoragePersistence;
  readonly api: ApiClient;
  readonly session: SessionController;
  /** Makes the sync controller of one signed-in user session. */
  readonly sync: SyncFactory;
};

/** What exists only while someone is signed in on this device. */
export type SignedInServices = {
  /** The signed-in user's own local store. */
  readonly storage: Storage;
  /** The acting user, passed to mutators. */
  readonly userId: string;
  readonly me: MeResponse;
  readonly actor: Actor;
  readonly server: ServerSession;
  /** This user session's sync: status for the badge, "Sync now", and the nudge after a local change. */
  readonly sync: SyncController;
};

const AppServicesContext = createContext<AppServices | null>(null);
const SignedInContext = createContext<SignedInServices | null>(null);

export const AppServicesProvider = ({ services, children }: { readonly services: AppServices; readonly children: ReactNode }) => (
  <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>
);

export const SignedInProvider = ({ value, children }: { readonly value: SignedInServices; readonly children: ReactNode }) => (
  <SignedInContext.Provider value={value}>{children}</SignedInContext.Provider>
);

export const useAppServices = (): AppServices => {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesProvider> (see src/client/app/main.tsx)');
  return services;
};

export const useSignedIn = (): SignedInServices => {
  const signedIn = useContext(SignedInContext);
  if (!signedIn) throw new Error('useSignedIn must be used inside <SignedInProvider>: only screens shown to a signed-in user may use it (see src/client/app/app.tsx)');
  return signedIn;
};

export const useLocalStore = (): Pick<SignedInServices, 'storage' | 'userId'> => {
  const { storage, userId } = useSignedIn();
  return { storage, userId };
};

/** For mutation hooks: call `localChange()` once a change is stored, so it syncs shortly. */
export const useSync = (): SyncController => useSignedIn().sync;

export const useSessionState = (): SessionState => {
  const { session } = useAppServices();
  return useSyncExternalStore(session.subscribe, session.current, session.current);
};
