import { changeRoleRequestSchema, createInvitationRequestSchema } from '../../../sync/auth-protocol';
import type { Role } from '../../../domain/records/membership';
import type { InvitationBody, MemberRoleBody } from '../../platform/api-client';
import { issuesByField, type ApiFailure } from '../../platform/api-result';

export type InviteValues = { readonly email: string; readonly role: Role; readonly organization: string };
export type InviteField = keyof InviteValues;
export type InviteErrors = Partial<Record<InviteField, string>>;

export const EMPTY_INVITE: InviteValues = { email: '', role: 'auditor', organization: '' };

export type RoleValues = { readonly role: Role; readonly organization: string };
export type RoleErrors = Partial<Record<keyof RoleValues, string>>;

type Check<B, E> = { readonly ok: true; readonly body: B } | { readonly ok: false; readonly errors: E };

const CLIENT_NEEDS_ORG = 'Enter the organisation this client contact answers for';

/** The organisation matters only for client contacts; for the audit team it is not sent. */
const organizationFor = (role: Role, organization: string): string | null => (role === 'client' && organization.trim() !== '' ? organization.trim() : null);

const errorsFrom = <F extends string>(issues: readonly { path: PropertyKey[]; message: string }[], fields: readonly F[]): Partial<Record<F, string>> =>
  issuesByField(
    issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    fields,
  ).fields;

/** Checked with the server's own schema; the wording of a missing organisation is ours. */
export const checkInviteForm = (values: InviteValues): Check<InvitationBody, InviteErrors> => {
  const parsed = createInvitationRequestSchema.safeParse({ email: values.email, role: values.role, organization: organizationFor(values.role, values.organization) });
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors = errorsFrom(parsed.error.issues, ['email', 'role', 'organization'] as const);
  if (values.email.trim() === '') errors.email = 'Enter the e-mail address to invite';
  if (errors.organization) errors.organization = CLIENT_NEEDS_ORG;
  return { ok: false, errors };
};

export const checkRoleChange = (values: RoleValues): Check<MemberRoleBody, RoleErrors> => {
  const parsed = changeRoleRequestSchema.safeParse({ role: values.role, organization: organizationFor(values.role, values.organization) });
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors = errorsFrom(parsed.error.issues, ['role', 'organization'] as const);
  if (errors.organization) errors.organization = CLIENT_NEEDS_ORG;
  return { ok: false, errors };
};

export const OFFLINE_TEAM_TEXT = 'Team changes need a connection';

/** A refused team request, said plainly; the server's own words where it has them (the last-manager rule). */
export const teamFailureText = (failure: ApiFailure): string => {
  switch (failure.kind) {
    case 'network':
      return `${OFFLINE_TEAM_TEXT}: nothing was changed. Try again once this device is online.`;
    case 'unauthorized':
      return 'Your session has ended: sign in again to change the team.';
    case 'rate_limited':
    case 'forbidden':
    case 'not_found':
    case 'gone':
    case 'conflict':
    case 'invalid':
      return failure.message;
    case 'server':
      return `Tickmark's server had a problem: ${failure.message}`;
  }
};

/** The server answers with a path; the person copying it needs the whole address. */
export const absoluteInviteLink = (origin: string, link: string): string => new URL(link, origin).href;
