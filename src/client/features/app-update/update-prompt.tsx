import { useApplyUpdate, useServiceWorkerState } from './use-app-update';
import { blockedUpdateText, updatePromptFor } from './update-decision';

/** `pendingCount` is the outbox count from the sync status (undefined while unknown). */
export const UpdatePrompt = ({ pendingCount }: { readonly pendingCount: number | undefined }) => {
  const update = useServiceWorkerState();
  const apply = useApplyUpdate();
  const prompt = updatePromptFor(update, pendingCount);
  switch (prompt.kind) {
    case 'none':
      return null;
    case 'installing':
      return (
        <div className="update-prompt" role="status" data-testid="update-prompt">
          Installing the update…
        </div>
      );
    case 'blocked':
      return (
        <div className="update-prompt" role="status" data-testid="update-prompt">
          {blockedUpdateText(prompt.pending)}
        </div>
      );
    case 'ready':
      return (
        <div className="update-prompt" role="status" data-testid="update-prompt">
          <span>A new version of Tickmark is ready.</span>
          <button type="button" className="button button--small" onClick={() => void apply()}>
            Reload to update
          </button>
        </div>
      );
  }
};
