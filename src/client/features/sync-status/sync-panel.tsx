import { useId } from 'react';
import { useSync } from '../../app/app-services';
import { formatSyncTime } from './format-sync-time';
import { lastSyncedText, pendingText, rejectionLines, syncDetail, syncNowState } from './sync-panel-model';
import type { SyncStatus } from './sync-status-model';

/** Pending changes, the last successful sync, what the server refused, and "Sync now". */
export const SyncPanel = ({ status, titleId }: { readonly status: SyncStatus; readonly titleId: string }) => {
  const ids = useId();
  const sync = useSync();
  const syncNow = syncNowState(status);
  const detail = syncDetail(status, formatSyncTime);
  const rejections = rejectionLines(status.rejected);
  return (
    <>
      <h2 id={titleId} className="sync-panel__title">
        Sync
      </h2>
      <dl className="facts facts--stacked">
        <div>
          <dt>Waiting to sync</dt>
          <dd data-testid="sync-pending">{pendingText(status)}</dd>
        </div>
        <div>
          <dt>Last synced</dt>
          <dd data-testid="sync-last">
            {status.lastSyncedAt === null ? (
              lastSyncedText(null, formatSyncTime)
            ) : (
              <time dateTime={status.lastSyncedAt}>{lastSyncedText(status.lastSyncedAt, formatSyncTime)}</time>
            )}
          </dd>
        </div>
      </dl>
      {detail && (
        <p className="sync-panel__detail" data-testid="sync-detail">
          {detail}
        </p>
      )}
      {rejections.length > 0 && (
        <section aria-labelledby={`${ids}-refused`}>
          <h3 id={`${ids}-refused`} className="sync-panel__subtitle">
            Changes the server refused
          </h3>
          <p className="muted">They were undone on this device.</p>
          <ul className="sync-panel__rejections" data-testid="sync-rejected">
            {rejections.map((r) => (
              <li key={r.key}>
                <strong>{r.label}</strong> {r.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="sync-panel__actions">
        {/* aria-disabled rather than disabled: the button keeps the focus while a sync it started runs. */}
        <button
          type="button"
          className="button button--small"
          aria-disabled={!syncNow.enabled}
          aria-describedby={syncNow.enabled ? undefined : `${ids}-why`}
          onClick={() => {
            if (syncNow.enabled) void sync.syncNow();
          }}
        >
          Sync now
        </button>
        {!syncNow.enabled && (
          <span id={`${ids}-why`} className="muted">
            {syncNow.reason}
          </span>
        )}
      </div>
    </>
  );
};
