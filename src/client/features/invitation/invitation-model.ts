import { acceptInvitationRequestSchema, acceptInvitationWithAccountRequestSchema, MIN_PASSWORD_LENGTH } from '../../../sync/auth-protocol';
import type { AcceptInvitationBody } from '../../platform/api-client';
import type { ApiFailure } from '../../platform/api-result';

export type AcceptValues = { readonly name: string; readonly password: string };
export type AcceptField = keyof AcceptValues;
export type AcceptErrors = Partial<Record<AcceptField, string>>;

export type AcceptCheck = { readonly ok: true; readonly body: AcceptInvitationBody } | { readonly ok: false; readonly errors: AcceptErrors };

export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`;

/** The schemas the server parses with: a new account needs a name and a new password, an existing one its password. */
export const checkAcceptForm = (values: AcceptValues, existingAccount: boolean): AcceptCheck => {
  const parsed = existingAccount
    ? acceptInvitationWithAccountRequestSchema.safeParse({ password: values.password })
    : acceptInvitationRequestSchema.safeParse(values);
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: AcceptErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'name' || field === 'password') && errors[field] === undefined) errors[field] = issue.message;
  }
  if (!existingAccount && values.name.trim() === '') errors.name = 'Enter your name as colleagues will see it';
  if (values.password === '') errors.password = existingAccount ? 'Enter your password' : 'Choose a password';
  return { ok: false, errors };
};

export type InvitationProblem = { readonly title: string; readonly text: string };

/** Why an invitation link cannot be opened, in words for the person holding it. */
export const invitationProblem = (failure: ApiFailure): InvitationProblem => {
  switch (failure.kind) {
    case 'not_found':
    case 'invalid':
      return { title: 'This invitation link does not work', text: failure.message };
    case 'gone':
      return { title: 'This invitation can no longer be used', text: failure.message };
    case 'network':
      return { title: "You're offline", text: 'Opening an invitation needs a connection. Try again once this device is online.' };
    case 'rate_limited':
    case 'unauthorized':
    case 'forbidden':
    case 'conflict':
    case 'server':
      return { title: 'The invitation could not be opened', text: failure.message };
  }
};
