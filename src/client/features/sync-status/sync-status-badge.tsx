import { useId, useState } from 'react';
import { StatusBadge } from '../../ui/status-badge';
import { useDisclosure } from '../../ui/use-disclosure';
import { formatSyncTime } from './format-sync-time';
import { SyncPanel } from './sync-panel';
import { syncStatusText, type SyncStatus } from './sync-status-model';

/**
 * The header badge; pressing it opens the sync panel. The visible text follows every
 * change, the screen-reader announcement only settled states (not each periodic sync).
 */
export const SyncStatusBadge = ({ status }: { readonly status: SyncStatus }) => {
  const ids = useId();
  const { open, setOpen, root, toggle } = useDisclosure();
  const { tone, text } = syncStatusText(status, formatSyncTime);
  const [announced, setAnnounced] = useState(text);
  if (status.state !== 'syncing' && announced !== text) setAnnounced(text);


  return (
    <div ref={root} className="sync-status">
      <button
        ref={toggle}
        type="button"
        className="sync-status__toggle"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        data-testid="sync-status"
        data-state={status.state}
        onClick={() => setOpen((o) => !o)}
      >
        <StatusBadge tone={tone}>{text}</StatusBadge>
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </span>
      <div id={`${ids}-panel`} className="sync-panel" role="region" aria-labelledby={`${ids}-title`} hidden={!open} data-testid="sync-panel">
        <SyncPanel status={status} titleId={`${ids}-title`} />
      </div>
    </div>
  );
};
