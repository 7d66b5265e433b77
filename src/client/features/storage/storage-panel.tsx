import { formatBytes, formatShare } from '../../ui/format-bytes';
import { UsageBar } from '../../ui/usage-bar';
import type { StorageReport } from '../../platform/storage-persistence';
import { useRequestPersistence, useStorageReport } from './storage-queries';

const UsageFigures = ({ usage, quota }: { readonly usage: number | undefined; readonly quota: number | undefined }) => {
  if (usage === undefined || quota === undefined) return <p>This browser does not say how much space Tickmark uses.</p>;
  return (
    <>
      <p data-testid="storage-usage">
        Using <strong>{formatBytes(usage)}</strong> of <strong>{formatBytes(quota)}</strong> available to Tickmark ({formatShare(usage, quota)}).
      </p>
      <UsageBar label="Storage used on this device" value={usage} max={quota} />
    </>
  );
};

const ReportBody = ({ report }: { readonly report: StorageReport }) => {
  const request = useRequestPersistence();
  if (!report.supported) {
    return <p>This browser cannot report or protect offline storage. Sync often so nothing exists only on this device.</p>;
  }
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Persistent storage</dt>
          <dd data-testid="storage-persisted">{report.persisted ? 'Yes' : 'No'}</dd>
        </div>
      </dl>
      {report.persisted ? (
        <p className="muted">The browser will not clear Tickmark’s offline data to free space.</p>
      ) : (
        <>
          <p className="muted">
            The browser may clear offline data when the device runs short of space, which would lose changes that have not synced. Browsers usually grant
            persistence to installed or often-used apps: install Tickmark, then ask again.
          </p>
          <button type="button" className="button button--secondary" onClick={() => request.mutate()} disabled={request.isPending}>
            Ask the browser again
          </button>
        </>
      )}
      <UsageFigures usage={report.usage} quota={report.quota} />
    </>
  );
};

export const StoragePanel = () => {
  const report = useStorageReport();
  switch (report.status) {
    case 'pending':
      return <p>Reading storage details…</p>;
    case 'error':
      return <p role="alert">Could not read storage details: {report.error.message}</p>;
    case 'success':
      return <ReportBody report={report.data} />;
  }
};
