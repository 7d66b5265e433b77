import { useEffect, useId, useRef, useState } from 'react';
import { StatusBadge } from '../../ui/status-badge';
import { formatSyncTime } from './format-sync-time';
import { SyncPanel } from './sync-panel';
import { syncStatusText, type SyncStatus } from './sync-status-model';

/**
 * The header badge; pressing it opens the sync panel. The visible text follows every
 * change, the screen-reader announcement only settled states (not each periodic sync).
 */
export const SyncStatusBadge = ({ status }: { readonly status: SyncStatus }) => {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const { tone, text } = syncStatusText(status, formatSyncTime);
  const [announced, setAnnounced] = useState(text);
  if (status.state !== 'syncing' && announced !== text) setAnnounced(text);

  // Escape or a click elsewhere closes the panel; Escape returns the focus to the badge.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const onPointer = (e: PointerEvent): void => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

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
