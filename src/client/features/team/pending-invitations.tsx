import { useState } from 'react';
import type { z } from 'zod';
import type { invitationSchema } from '../../../sync/auth-protocol';
import { useAppServices } from '../../app/app-services';
import { NoticeBox } from '../../ui/notice-box';
import { ROLE_LABELS } from '../../ui/role-labels';
import { StatusBadge } from '../../ui/status-badge';
import { teamFailureText } from './team-model';
import { useTeamChange } from './team-queries';

type Invitation = z.infer<typeof invitationSchema>;

type Props = {
  readonly engagementId: string;
  readonly invitations: readonly Invitation[];
  readonly canRevoke: boolean;
  readonly online: boolean;
  readonly announce: (message: string) => void;
};

const formatDate = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

const InvitationRow = ({ engagementId, invitation, canRevoke, online, announce }: Omit<Props, 'invitations'> & { readonly invitation: Invitation }) => {
  const { api } = useAppServices();
  const [failure, setFailure] = useState<string | null>(null);
  const revoke = useTeamChange(engagementId, () => api.revokeInvitation(engagementId, invitation.id));
  const run = async (): Promise<void> => {
    setFailure(null);
    const result = await revoke.mutateAsync(undefined);
    if (result.ok) announce(`The invitation for ${invitation.email} was withdrawn.`);
    else setFailure(teamFailureText(result));
  };
  return (
    <li className="card member" data-testid="team-invitation" data-email={invitation.email}>
      <div className="member__head">
        <div className="member__who">
          <strong>{invitation.email}</strong>
          <span className="muted">Invited · valid until {formatDate(invitation.expiresAt)}</span>
        </div>
        <p className="member__role">
          <StatusBadge tone="pending">{ROLE_LABELS[invitation.role]}</StatusBadge>
          {invitation.organization && <span className="muted"> {invitation.organization}</span>}
        </p>
      </div>
      {canRevoke && (
        <div className="member__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Withdraw the invitation for ${invitation.email}`}
            disabled={revoke.isPending || !online}
            onClick={() => void run()}
          >
            {revoke.isPending ? 'Withdrawing…' : 'Withdraw'}
          </button>
        </div>
      )}
      {failure && (
        <NoticeBox tone="warning" role="alert">
          {failure}
        </NoticeBox>
      )}
    </li>
  );
};

export const PendingInvitations = ({ invitations, ...rest }: Props) => (
  <section className="team-section" aria-labelledby="team-invitations-title">
    <h2 id="team-invitations-title">Pending invitations</h2>
    {invitations.length === 0 ? (
      <p className="muted">No invitations waiting to be accepted.</p>
    ) : (
      <ul className="member-list" aria-labelledby="team-invitations-title">
        {invitations.map((i) => (
          <InvitationRow key={i.id} invitation={i} {...rest} />
        ))}
      </ul>
    )}
  </section>
);
