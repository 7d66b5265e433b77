import { useState, useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { useSignedIn } from '../../app/app-services';
import { usePermission } from '../../app/use-permission';
import { readOnlineStatus, subscribeToOnlineStatus } from '../../platform/online-status';
import { NoticeBox } from '../../ui/notice-box';
import { InviteForm } from './invite-form';
import { MemberRow } from './member-row';
import { PendingInvitations } from './pending-invitations';
import { OFFLINE_TEAM_TEXT, teamFailureText } from './team-model';
import { useEngagementName, useTeam } from './team-queries';

/** `/engagements/:engagementId/team`: who is on the engagement, and (for managers) changing that. Online only. */
export const TeamScreen = ({ engagementId }: { readonly engagementId: string }) => {
  const { userId } = useSignedIn();
  const online = useSyncExternalStore(subscribeToOnlineStatus, readOnlineStatus, () => true);
  const view = usePermission('viewTeam', engagementId);
  const canInvite = usePermission('inviteMember', engagementId).ok;
  const canChangeRole = usePermission('changeMemberRole', engagementId).ok;
  const canRemove = usePermission('removeMember', engagementId).ok;
  const team = useTeam(engagementId, view.ok);
  const name = useEngagementName(engagementId);
  const [announcement, setAnnouncement] = useState('');

  // Until the engagement syncs to this device only its id is known; its end tells engagements apart.
  const title = `Team — ${name.data ?? `Engagement …${engagementId.slice(-6)}`}`;
  const result = team.data;
  return (
    <section className="screen" aria-labelledby="team-title">
      <p className="back-link">
        <Link href="/">← Engagements</Link>
      </p>
      <div className="screen__head">
        <h1 id="team-title">{title}</h1>
      </div>
      {!online && (
        <NoticeBox tone="warning" role="status" testId="team-offline">
          <strong>{OFFLINE_TEAM_TEXT}.</strong> This device is offline: the team below may be out of date, and changes wait until you are back online.
        </NoticeBox>
      )}
      <p className="saved-note" role="status" aria-live="polite" data-testid="team-status">
        {announcement}
      </p>
      {!view.ok && (
        <NoticeBox tone="warning" role="alert">
          You can't see this team: {view.message}.
        </NoticeBox>
      )}
      {view.ok && team.status === 'pending' && <p>Reading the team from the server…</p>}
      {view.ok && team.status === 'error' && (
        <NoticeBox tone="warning" role="alert">
          The team could not be read: {team.error.message}
        </NoticeBox>
      )}
      {result && !result.ok && (result.kind !== 'network' || online) && (
        <NoticeBox tone="warning" role="alert" testId="team-error">
          {teamFailureText(result)}
        </NoticeBox>
      )}
      {result?.ok && (
        <>
          {!canChangeRole && !canRemove && <p className="muted">Only the engagement's managers can change the team.</p>}
          <section className="team-section" aria-labelledby="team-members-title">
            <h2 id="team-members-title">Members</h2>
            <ul className="member-list" aria-labelledby="team-members-title">
              {result.data.members.map((m) => (
                <MemberRow
                  key={m.membershipId}
                  engagementId={engagementId}
                  member={m}
                  isYou={m.userId === userId}
                  canChangeRole={canChangeRole}
                  canRemove={canRemove}
                  online={online}
                  announce={setAnnouncement}
                />
              ))}
            </ul>
          </section>
          <PendingInvitations
            engagementId={engagementId}
            invitations={result.data.invitations}
            canRevoke={canInvite}
            online={online}
            announce={setAnnouncement}
          />
        </>
      )}
      {view.ok && canInvite && <InviteForm engagementId={engagementId} online={online} />}
    </section>
  );
};
