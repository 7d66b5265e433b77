import { StatusBadge } from '../../ui/status-badge';
import { KIND_LABELS, periodText, STATUS_LABELS, type EngagementListItem } from './engagement-list-model';

export const EngagementList = ({ items }: { readonly items: readonly EngagementListItem[] }) => (
  <ul className="engagement-list" aria-label="Engagements">
    {items.map(({ engagement: e, unsynced }) => (
      <li key={e.id} className="card engagement" data-testid="engagement-item" data-engagement-id={e.id}>
        <div className="engagement__head">
          <h3 className="engagement__name">{e.name}</h3>
          <StatusBadge tone="neutral">{STATUS_LABELS[e.status]}</StatusBadge>
        </div>
        <p className="engagement__client">{e.clientOrganization}</p>
        <dl className="engagement__facts">
          <div>
            <dt>Kind</dt>
            <dd>{KIND_LABELS[e.engagementKind]}</dd>
          </div>
          <div>
            <dt>{e.engagementKind === 'type1' ? 'Date' : 'Period'}</dt>
            <dd>{periodText(e)}</dd>
          </div>
          <div>
            <dt>Scope</dt>
            <dd>{e.categoriesInScope.join(', ')}</dd>
          </div>
        </dl>
        {unsynced && (
          <p className="engagement__sync">
            <StatusBadge tone="pending">Not yet synced</StatusBadge>
          </p>
        )}
      </li>
    ))}
  </ul>
);
