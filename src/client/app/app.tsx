import { UpdatePrompt } from '../features/app-update/update-prompt';
import { EngagementsScreen } from '../features/engagements/engagements-screen';
import { StorageDialogButton } from '../features/storage/storage-dialog';
import { SyncStatusBadge } from '../features/sync-status/sync-status-badge';
import { pendingChanges } from '../features/sync-status/sync-status-model';
import { useSyncStatus } from '../features/sync-status/use-sync-status';

export const App = () => {
  const syncStatus = useSyncStatus();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <p className="app-name">
            <img src="/tickmark.svg" alt="" width="28" height="28" />
            <span>Tickmark</span>
          </p>
          <SyncStatusBadge status={syncStatus} />
          <StorageDialogButton />
        </div>
      </header>
      <UpdatePrompt pendingCount={pendingChanges(syncStatus)} />
      <main id="main" className="app-main" tabIndex={-1}>
        <EngagementsScreen />
      </main>
    </div>
  );
};
