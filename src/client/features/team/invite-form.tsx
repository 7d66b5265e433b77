import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useAppServices } from '../../app/app-services';
import type { InvitationBody } from '../../platform/api-client';
import { issuesByField } from '../../platform/api-result';
import { Field } from '../../ui/form-field';
import { NoticeBox } from '../../ui/notice-box';
import { InvitationLink } from './invitation-link';
import { RoleFields } from './role-fields';
import { absoluteInviteLink, checkInviteForm, EMPTY_INVITE, teamFailureText, type InviteErrors, type InviteValues } from './team-model';
import { useTeamChange } from './team-queries';

type Props = { readonly engagementId: string; readonly online: boolean };

export const InviteForm = ({ engagementId, online }: Props) => {
  const ids = useId();
  const { api } = useAppServices();
  const [values, setValues] = useState<InviteValues>(EMPTY_INVITE);
  const [errors, setErrors] = useState<InviteErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ readonly email: string; readonly link: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const invite = useTeamChange(engagementId, (body: InvitationBody) => api.createInvitation(engagementId, body));

  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .notice--warning')?.focus();
  }, [attempt]);

  const set = <K extends keyof InviteValues>(key: K, value: InviteValues[K]): void => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (invite.isPending) return;
    setFailure(null);
    const check = checkInviteForm(values);
    if (!check.ok) {
      setErrors(check.errors);
      setAttempt((n) => n + 1);
      return;
    }
    const result = await invite.mutateAsync(check.body);
    if (result.ok) {
      setCreated({ email: result.data.invitation.email, link: absoluteInviteLink(window.location.origin, result.data.link) });
      setValues(EMPTY_INVITE);
      return;
    }
    const mapped = result.kind === 'invalid' ? issuesByField(result.issues, ['email', 'role', 'organization'] as const) : null;
    if (mapped) setErrors(mapped.fields);
    if (!mapped || mapped.other.length > 0 || Object.keys(mapped.fields).length === 0) setFailure(teamFailureText(result));
    setAttempt((n) => n + 1);
  };

  if (created) {
    return (
      <InvitationLink
        email={created.email}
        link={created.link}
        onDone={() => {
          setCreated(null);
          requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('input')?.focus());
        }}
      />
    );
  }

  return (
    <form ref={form} className="card form" aria-labelledby={`${ids}-title`} noValidate onSubmit={(e) => void submit(e)}>
      <h2 id={`${ids}-title`}>Invite someone</h2>
      {failure && (
        <NoticeBox tone="warning" role="alert" testId="invite-error">
          {failure}
        </NoticeBox>
      )}
      <Field id={`${ids}-email`} label="E-mail address" error={errors.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={values.email}
            onChange={(e) => set('email', e.target.value)}
          />
        )}
      </Field>
      <RoleFields
        idPrefix={ids}
        role={values.role}
        organization={values.organization}
        errors={errors}
        onRole={(role) => set('role', role)}
        onOrganization={(organization) => set('organization', organization)}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={invite.isPending || !online}>
          {invite.isPending ? 'Creating…' : 'Create invitation'}
        </button>
      </div>
    </form>
  );
};
