import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAppServices } from '../../app/app-services';
import type { MemberRoleBody, TeamMember } from '../../platform/api-client';
import { NoticeBox } from '../../ui/notice-box';
import { ROLE_LABELS } from '../../ui/role-labels';
import { StatusBadge } from '../../ui/status-badge';
import { RoleFields } from './role-fields';
import { checkRoleChange, teamFailureText, type RoleErrors, type RoleValues } from './team-model';
import { useTeamChange } from './team-queries';

type Props = {
  readonly engagementId: string;
  readonly member: TeamMember;
  readonly isYou: boolean;
  readonly canChangeRole: boolean;
  readonly canRemove: boolean;
  /** False offline: changes need the server. */
  readonly online: boolean;
  readonly announce: (message: string) => void;
};

type Mode = 'view' | 'change' | 'remove';

export const MemberRow = ({ engagementId, member, isYou, canChangeRole, canRemove, online, announce }: Props) => {
  const ids = useId();
  const { api } = useAppServices();
  const [mode, setMode] = useState<Mode>('view');
  const [values, setValues] = useState<RoleValues>({ role: member.role, organization: member.organization ?? '' });
  const [errors, setErrors] = useState<RoleErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const change = useTeamChange(engagementId, (body: MemberRoleBody) => api.changeMember(engagementId, member.userId, body));
  const remove = useTeamChange(engagementId, () => api.removeMember(engagementId, member.userId));
  const who = isYou ? `${member.name} (you)` : member.name;

  // Back from editing or confirming, keyboard users continue from the button that opened it.
  const returnFocus = useRef<'change' | 'remove' | null>(null);
  useEffect(() => {
    if (mode !== 'view' || returnFocus.current === null) return;
    (returnFocus.current === 'change' ? changeButton : removeButton).current?.focus();
    returnFocus.current = null;
  }, [mode]);

  const backToView = (focus: 'change' | 'remove'): void => {
    returnFocus.current = focus;
    setMode('view');
    setErrors({});
  };

  const saveRole = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    const check = checkRoleChange(values);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    const result = await change.mutateAsync(check.body);
    if (result.ok) {
      announce(`${member.name} is now ${ROLE_LABELS[result.data.role]}${result.data.organization ? ` for ${result.data.organization}` : ''}.`);
      backToView('change');
      return;
    }
    setFailure(teamFailureText(result));
  };

  const confirmRemove = async (): Promise<void> => {
    setFailure(null);
    const result = await remove.mutateAsync(undefined);
    if (result.ok) {
      announce(`${member.name} was removed from the engagement.`);
      return;
    }
    setFailure(teamFailureText(result));
  };

  return (
    <li className="card member" data-testid="team-member" data-email={member.email}>
      <div className="member__head">
        <div className="member__who">
          <strong>{who}</strong>
          <span className="muted member__email">{member.email}</span>
        </div>
        <p className="member__role">
          <StatusBadge tone="neutral">{ROLE_LABELS[member.role]}</StatusBadge>
          {member.organization && <span className="muted"> {member.organization}</span>}
        </p>
      </div>
      {mode === 'view' && (canChangeRole || canRemove) && (
        <div className="member__actions">
          {canChangeRole && (
            <button
              ref={changeButton}
              type="button"
              className="button button--secondary button--small"
              aria-label={`Change role of ${member.name}`}
              disabled={!online}
              onClick={() => {
                setFailure(null);
                setValues({ role: member.role, organization: member.organization ?? '' });
                setMode('change');
              }}
            >
              Change role
            </button>
          )}
          {canRemove && (
            <button
              ref={removeButton}
              type="button"
              className="button button--secondary button--small"
              aria-label={`Remove ${member.name}`}
              disabled={!online}
              onClick={() => {
                setFailure(null);
                setMode('remove');
              }}
            >
              Remove
            </button>
          )}
        </div>
      )}
      {mode === 'change' && (
        <form className="member__form" aria-label={`Change role of ${member.name}`} noValidate onSubmit={(e) => void saveRole(e)}>
          <RoleFields
            idPrefix={ids}
            role={values.role}
            organization={values.organization}
            errors={errors}
            onRole={(role) => setValues((v) => ({ ...v, role }))}
            onOrganization={(organization) => setValues((v) => ({ ...v, organization }))}
          />
          <div className="form-actions">
            <button type="submit" className="button button--small" disabled={change.isPending || !online}>
              {change.isPending ? 'Saving…' : 'Save role'}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => backToView('change')}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {mode === 'remove' && (
        <div className="member__confirm" role="group" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>
            Remove <strong>{member.name}</strong> ({member.email}) from this engagement? They lose access to it when their device next syncs.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--danger button--small"
              // Focus lands on the confirming button: Enter confirms, Tab reaches Cancel.
              autoFocus
              disabled={remove.isPending || !online}
              onClick={() => void confirmRemove()}
            >
              {remove.isPending ? 'Removing…' : `Remove ${member.name}`}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => backToView('remove')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {failure && (
        <NoticeBox tone="warning" role="alert" testId="member-error">
          {failure}
        </NoticeBox>
      )}
    </li>
  );
};
