import { useId, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { useAppServices } from '../../app/app-services';
import { SERVER_KEY } from '../../app/local-store-keys';
import type { InvitationInfo } from '../../platform/api-client';
import { issuesByField } from '../../platform/api-result';
import { Field } from '../../ui/form-field';
import { useFormState } from '../../ui/use-form-state';
import { NoticeBox } from '../../ui/notice-box';
import { ROLE_LABELS } from '../../ui/role-labels';
import { checkAcceptForm, invitationProblem, PASSWORD_HINT, type AcceptErrors, type AcceptValues } from './invitation-model';

type Props = {
  readonly token: string;
  /** Who is signed in on this device now, if anyone: accepting signs in as the invitee instead. */
  readonly signedInAs?: { readonly name: string; readonly email: string } | undefined;
};

const formatDate = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

const AcceptForm = ({ token, info, signedInAs }: Props & { readonly info: InvitationInfo }) => {
  const ids = useId();
  const { session } = useAppServices();
  const [, navigate] = useLocation();
  const { values, errors, setErrors, failure, setFailure, pending, setPending, form, set, refused } = useFormState<AcceptValues, AcceptErrors>({ name: '', password: '' });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    const check = checkAcceptForm(values, info.existingAccount);
    if (!check.ok) {
      setErrors(check.errors);
      refused();
      return;
    }
    setPending(true);
    const outcome = await session.acceptInvitation(token, check.body, { beforeSignedIn: () => navigate('/', { replace: true }) });
    if (outcome.ok) return;
    setPending(false);
    if (outcome.kind === 'invalid') {
      const mapped = issuesByField(outcome.issues, ['name', 'password'] as const);
      setErrors(mapped.fields);
      if (mapped.other.length > 0 || Object.keys(mapped.fields).length === 0) setFailure(outcome.message);
    } else if (outcome.kind === 'network') {
      setFailure("You're offline: accepting an invitation needs a connection");
    } else {
      setFailure(outcome.message);
    }
    refused();
  };

  return (
    <form ref={form} className="card form" aria-labelledby={`${ids}-title`} noValidate onSubmit={(e) => void submit(e)}>
      <h2 id={`${ids}-title`}>{info.existingAccount ? 'Join with your account' : 'Create your account'}</h2>
      {signedInAs && (
        <NoticeBox tone="info">
          You're signed in here as {signedInAs.name} ({signedInAs.email}). Accepting signs you in as {info.email}; {signedInAs.name}’s data stays on this
          device, out of sight.
        </NoticeBox>
      )}
      {failure && (
        <NoticeBox tone="warning" role="alert" testId="invitation-error">
          {failure}
        </NoticeBox>
      )}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={info.email} readOnly hidden />
      {!info.existingAccount && (
        <Field id={`${ids}-name`} label="Your name" hint="As the rest of the team will see it." error={errors.name}>
          {(control) => (
            <input {...control} type="text" autoComplete="name" autoFocus value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={200} />
          )}
        </Field>
      )}
      <Field
        id={`${ids}-password`}
        label={info.existingAccount ? 'Your password' : 'Choose a password'}
        hint={info.existingAccount ? `${info.email} already has a Tickmark account: enter its password.` : PASSWORD_HINT}
        error={errors.password}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete={info.existingAccount ? 'current-password' : 'new-password'}
            autoFocus={info.existingAccount}
            value={values.password}
            onChange={(e) => set('password', e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Joining…' : 'Accept and sign in'}
        </button>
      </div>
    </form>
  );
};

/** `/invite/:token`: who invited you to what, and the account to join with. Online only. */
export const InvitationScreen = ({ token, signedInAs }: Props) => {
  const ids = useId();
  const { api } = useAppServices();
  // The answer is a result value (never thrown), read once: a used invitation must not be re-read as "gone" mid-accept.
  const info = useQuery({
    queryKey: [...SERVER_KEY, 'invitation', token],
    queryFn: () => api.invitationInfo(token),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });

  return (
    <section className="screen screen--narrow" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>Invitation to Tickmark</h1>
      {info.status === 'pending' && <p>Opening the invitation…</p>}
      {info.status === 'error' && (
        <NoticeBox tone="warning" role="alert">
          The invitation could not be opened: {info.error.message}
        </NoticeBox>
      )}
      {info.status === 'success' && !info.data.ok && (
        <NoticeBox tone="warning" role="alert" testId="invitation-problem">
          <h2>{invitationProblem(info.data).title}</h2>
          <p>{invitationProblem(info.data).text}</p>
          <p>
            <Link href="/sign-in">Go to sign-in</Link>
          </p>
        </NoticeBox>
      )}
      {info.status === 'success' && info.data.ok && (
        <>
          <div className="card">
            <p>You're invited to join an engagement.</p>
            <dl className="facts facts--stacked" data-testid="invitation-facts">
              <div>
                <dt>Engagement</dt>
                <dd>{info.data.data.engagementName}</dd>
              </div>
              <div>
                <dt>Role</dt>
                <dd>{ROLE_LABELS[info.data.data.role]}</dd>
              </div>
              <div>
                <dt>E-mail</dt>
                <dd>{info.data.data.email}</dd>
              </div>
              <div>
                <dt>Valid until</dt>
                <dd>{formatDate(info.data.data.expiresAt)}</dd>
              </div>
            </dl>
          </div>
          <AcceptForm token={token} info={info.data.data} signedInAs={signedInAs} />
        </>
      )}
    </section>
  );
};
