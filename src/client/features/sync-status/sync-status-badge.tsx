import { StatusBadge } from '../../ui/status-badge';
import { syncStatusText, type SyncStatus } from './sync-status-model';

export const SyncStatusBadge = ({ status }: { readonly status: SyncStatus }) => {
  const { tone, text } = syncStatusText(status);
  return (
    <p className="sync-status" role="status" aria-live="polite" data-testid="sync-status" data-state={status.state}>
      <StatusBadge tone={tone}>{text}</StatusBadge>
    </p>
  );
};
