import { Link } from 'wouter';
import { StatusBadge } from '../../ui/status-badge';
import { KIND_LABELS, periodText, STATUS_LABELS, type EngagementListItem } from './engagement-list-model';

type Props = {
  readonly items: readonly EngagementListItem[];
  /** Whether the signed-in user may open an engagement's team (from the permission rules). */
  readonly canViewTeam: (engagementId: string) => boolean;
};

export const EngagementList = ({ items, canViewTeam }: Props) => (
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
        {canViewTeam(e.id) && (
          <p className="engagement__links">
            <Link href={`/engagements/${e.id}/team`} aria-label={`Team of ${e.name}`}>
              Team
            </Link>
          </p>
        )}
      </li>
    ))}
  </ul>
);
