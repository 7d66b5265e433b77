// First: zod must be configured before any schema module runs.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { v7 } from 'uuid';
import { createApiClient } from '../platform/api-client';
import { createServiceWorkerUpdates } from '../platform/service-worker';
import { createStoragePersistence } from '../platform/storage-persistence';
import { openDeviceRegistry } from '../storage/device-registry';
import { App } from './app';
import { AppServicesProvider, type AppServices } from './app-services';
import { createBrowserSyncFactory } from './browser-sync';
import { createSessionController } from './session-controller';
import { StartupFailure } from './startup-failure';
import './styles.css';

const HOUR_MS = 60 * 60 * 1000;

/** Composition root: every long-lived instance is made here and handed down through context. */
const start = async (container: HTMLElement): Promise<void> => {
  const root = createRoot(container);
  const serviceWorker = createServiceWorkerUpdates({
    scriptUrl: '/sw.js',
    enabled: import.meta.env.PROD,
    reload: () => window.location.reload(),
    checkEveryMs: HOUR_MS,
  });
  // The app shell must install even if the local store fails, so a fixed version can reach this device.
  void serviceWorker.register();

  const persistence = createStoragePersistence(navigator.storage);
  void persistence.requestPersistence();

  const registry = await openDeviceRegistry();
  if (!registry.ok) {
    root.render(<StartupFailure title="Tickmark cannot save on this device" message={registry.message} />);
    return;
  }
  const api = createApiClient({ fetch: window.fetch.bind(window) });
  const session = createSessionController({ api, registry: registry.registry, now: () => new Date().toISOString(), newClientId: v7 });
  const services: AppServices = { serviceWorker, persistence, api, session, sync: createBrowserSyncFactory(session) };

  // Local first: the signed-in user's store opens from the registry, with no network.
  await session.start();
  root.render(
    <StrictMode>
      <AppServicesProvider services={services}>
        <App />
      </AppServicesProvider>
    </StrictMode>,
  );
  // Then, in the background, the server says whether the session still holds.
  void session.refresh();
  window.addEventListener('online', () => void session.refresh());
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void start(container);
