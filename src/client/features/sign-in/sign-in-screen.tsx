import { useId, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useAppServices } from '../../app/app-services';
import type { Notice } from '../../app/session-state';
import { Field } from '../../ui/form-field';
import { useFormState } from '../../ui/use-form-state';
import { NoticeBox } from '../../ui/notice-box';
import { checkSignInForm, signInFailureText, type SignInErrors, type SignInValues } from './sign-in-model';

type Props = {
  /** What happened just before (a sign-out, a damaged registry). */
  readonly notice: Notice | null;
  /** Set when the device's user is still signed in locally but the server session ended. */
  readonly endedSession?: { readonly name: string; readonly email: string } | undefined;
};

export const SignInScreen = ({ notice, endedSession }: Props) => {
  const ids = useId();
  const { session } = useAppServices();
  const [location, navigate] = useLocation();
  const { values, setValues, errors, setErrors, failure, setFailure, pending, setPending, form, set, refused } = useFormState<SignInValues, SignInErrors>({ email: endedSession?.email ?? '', password: '' });

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (pending) return;
    setFailure(null);
    const check = checkSignInForm(values);
    if (!check.ok) {
      setErrors(check.errors);
      refused();
      return;
    }
    setPending(true);
    const outcome = await session.signIn(check.body, {
      beforeSignedIn: () => {
        if (location === '/sign-in') navigate('/', { replace: true });
      },
    });
    if (outcome.ok) return;
    setPending(false);
    setFailure(signInFailureText(outcome));
    setValues((v) => ({ ...v, password: '' }));
    refused();
  };

  return (
    <section className="screen screen--narrow" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>Sign in to Tickmark</h1>
      <p className="screen__intro">Your fieldwork is kept on this device and syncs whenever it is online. Signing in needs a connection once.</p>
      {notice && (
        <NoticeBox tone={notice.tone} role="status" testId="sign-in-notice">
          {notice.text}
        </NoticeBox>
      )}
      {endedSession && (
        <NoticeBox tone="info" testId="session-ended-note">
          <p>
            Your session as <strong>{endedSession.name}</strong> ({endedSession.email}) has ended. Sign in again to sync: your saved changes are kept on
            this device.
          </p>
          <p>If someone else signs in here, {endedSession.name}’s data stays on this device, out of their sight.</p>
        </NoticeBox>
      )}
      <form ref={form} className="card form" aria-labelledby={`${ids}-title`} noValidate onSubmit={(e) => void submit(e)}>
        {failure && (
          <NoticeBox tone="warning" role="alert" testId="sign-in-error">
            {failure}
          </NoticeBox>
        )}
        <Field id={`${ids}-email`} label="E-mail address" error={errors.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              name="email"
              inputMode="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              // The screen exists to take these two fields: start in the first empty one.
              autoFocus={values.email === ''}
              value={values.email}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </Field>
        <Field id={`${ids}-password`} label="Password" error={errors.password}>
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete="current-password"
              autoFocus={values.email !== ''}
              value={values.password}
              onChange={(e) => set('password', e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </section>
  );
};
