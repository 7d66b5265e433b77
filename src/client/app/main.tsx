import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { v7 } from 'uuid';
import { ensureClientMeta } from '../../sync/client-meta';
import { openIdbStorage } from '../storage/idb-storage';
import { createServiceWorkerUpdates } from '../platform/service-worker';
import { createStoragePersistence } from '../platform/storage-persistence';
import { App } from './app';
import { AppServicesProvider, type AppServices } from './app-services';
import { LOCAL_IDENTITY } from './local-identity';
import { createQueryClient } from './query-client';
import { StartupFailure } from './startup-failure';
import './styles.css';

const HOUR_MS = 60 * 60 * 1000;

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Composition root: every long-lived instance is made here and handed down through context. */
const start = async (root: Root): Promise<void> => {
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

  const opened = await openIdbStorage(LOCAL_IDENTITY.dbName, {
    onVersionChange: () =>
      root.render(<StartupFailure title="Tickmark was updated in another tab" message="Your saved work is safe on this device. Reload this tab to continue." />),
    onTerminated: () =>
      root.render(<StartupFailure title="The browser closed Tickmark's offline storage" message="Reload to reopen it. Changes saved before this are kept." />),
  });
  if (!opened.ok) {
    root.render(<StartupFailure title="Tickmark cannot save on this device" message={opened.message} />);
    return;
  }
  try {
    await ensureClientMeta(opened.storage, v7);
  } catch (e) {
    root.render(<StartupFailure title="Tickmark cannot save on this device" message={`Preparing the offline store failed: ${describe(e)}`} />);
    return;
  }

  const services: AppServices = { storage: opened.storage, userId: LOCAL_IDENTITY.userId, serviceWorker, persistence };
  root.render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <AppServicesProvider services={services}>
          <App />
        </AppServicesProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void start(createRoot(container));
