import { useRef, useState } from 'react';
import { usePermission, usePermissionCheck } from '../../app/use-permission';
import { EngagementForm, type SavedEngagement } from './engagement-form';
import { EngagementList } from './engagement-list';
import { useEngagements } from './engagement-queries';

export const EngagementsScreen = () => {
  const engagements = useEngagements();
  const [formOpen, setFormOpen] = useState(false);
  const [saved, setSaved] = useState<SavedEngagement | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const canCreate = usePermission('createEngagement', null).ok;
  const can = usePermissionCheck();

  const openForm = (): void => {
    setSaved(null);
    setFormOpen(true);
  };
  const closeForm = (): void => {
    setFormOpen(false);
    // Keyboard users continue from where they opened the form.
    requestAnimationFrame(() => newButton.current?.focus());
  };

  const items = engagements.data ?? [];
  return (
    <section className="screen" aria-labelledby="engagements-title">
      <div className="screen__head">
        <h1 id="engagements-title">Engagements</h1>
        {canCreate && !formOpen && (
          <button ref={newButton} type="button" className="button" onClick={openForm}>
            New engagement
          </button>
        )}
      </div>
      <p className="saved-note" role="status" aria-live="polite" data-testid="save-status">
        {saved && (
          <>
            <strong>Saved on this device.</strong> “{saved.name}” is kept here and syncs when this device is online.
          </>
        )}
      </p>
      {formOpen && (
        <EngagementForm
          priorEngagements={items.map((i) => ({ id: i.engagement.id, name: i.engagement.name }))}
          onCancel={closeForm}
          onSaved={(s) => {
            setSaved(s);
            closeForm();
          }}
        />
      )}
      {engagements.status === 'pending' && <p>Reading engagements on this device…</p>}
      {engagements.status === 'error' && <p role="alert">Could not read the engagements stored on this device: {engagements.error.message}</p>}
      {engagements.status === 'success' &&
        (items.length === 0 ? (
          !formOpen && (
            <div className="empty-state card">
              <h2>No engagements on this device yet</h2>
              <p>
                {canCreate
                  ? 'Create one to start planning fieldwork. It is saved on this device first and works without a network.'
                  : 'Engagements you are a member of appear here once they sync to this device.'}
              </p>
            </div>
          )
        ) : (
          <EngagementList items={items} canViewTeam={(id) => can('viewTeam', id)} />
        ))}
    </section>
  );
};
