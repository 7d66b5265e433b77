import { signInRequestSchema, type SignInRequest } from '../../../sync/auth-protocol';
import type { SignInOutcome } from '../../app/session-state';

export type SignInValues = { readonly email: string; readonly password: string };
export type SignInField = keyof SignInValues;
export type SignInErrors = Partial<Record<SignInField, string>>;

export type SignInCheck = { readonly ok: true; readonly body: SignInRequest } | { readonly ok: false; readonly errors: SignInErrors };

/** The same schema the server parses with, so the form never sends what the server would refuse. */
export const checkSignInForm = (values: SignInValues): SignInCheck => {
  const parsed = signInRequestSchema.safeParse(values);
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: SignInErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && errors[field] === undefined) errors[field] = issue.message;
  }
  if (values.email.trim() === '') errors.email = 'Enter your e-mail address';
  return { ok: false, errors };
};

/** "Too many attempts — try again in 15 minutes", rounded up so people never retry too early. */
export const rateLimitText = (retryAfterSeconds: number | undefined): string => {
  if (retryAfterSeconds === undefined) return 'Too many attempts — try again later';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts — try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}`;
};

export const OFFLINE_SIGN_IN_TEXT = "You're offline: signing in needs a connection";

/** What to tell someone whose sign-in (or invitation acceptance) did not go through. */
export const signInFailureText = (failure: Extract<SignInOutcome, { ok: false }>): string => {
  switch (failure.kind) {
    case 'unauthorized':
      return 'That e-mail address and password do not match an account. Check both and try again.';
    case 'rate_limited':
      return rateLimitText(failure.retryAfterSeconds);
    case 'network':
      return OFFLINE_SIGN_IN_TEXT;
    case 'invalid': {
      const issues = failure.issues?.map((i) => i.message).join('. ');
      return issues ? `${failure.message}: ${issues}` : failure.message;
    }
    case 'storage':
      return `The server accepted the sign-in, but this device could not open your offline data: ${failure.message}`;
    case 'forbidden':
    case 'not_found':
    case 'gone':
    case 'conflict':
      return failure.message;
    case 'server':
      return `Tickmark's server had a problem: ${failure.message}. Try again in a moment.`;
  }
};
