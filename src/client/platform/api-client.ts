import { z } from 'zod';
import {
  createInvitationResponseSchema,
  invitationInfoResponseSchema,
  meResponseSchema,
  teamMemberSchema,
  teamResponseSchema,
  type MeResponse,
  type TeamResponse,
} from '../../sync/auth-protocol';
import type { Role } from '../../domain/records/membership';
import { networkFailure, resultFromResponse, type ApiResult } from './api-result';

export type InvitationInfo = z.infer<typeof invitationInfoResponseSchema>;
export type CreatedInvitation = z.infer<typeof createInvitationResponseSchema>;

export type SignInBody = { readonly email: string; readonly password: string };
export type TeamMember = z.infer<typeof teamMemberSchema>;
/** A new account gives a name and a new password; an existing account (`existingAccount`) its current password. */
export type AcceptInvitationBody = { readonly name: string; readonly password: string } | { readonly password: string };
export type MemberRoleBody = { readonly role: Role; readonly organization: string | null };
export type InvitationBody = MemberRoleBody & { readonly email: string };

/** Answers with no body we use (204, or whatever a DELETE returns): only the status matters. */
const noContentSchema = z.unknown().transform((): null => null);

export type ApiClient = {
  readonly signIn: (body: SignInBody) => Promise<ApiResult<MeResponse>>;
  readonly signOut: () => Promise<ApiResult<null>>;
  readonly me: () => Promise<ApiResult<MeResponse>>;
  readonly invitationInfo: (token: string) => Promise<ApiResult<InvitationInfo>>;
  readonly acceptInvitation: (token: string, body: AcceptInvitationBody) => Promise<ApiResult<MeResponse>>;
  readonly team: (engagementId: string) => Promise<ApiResult<TeamResponse>>;
  readonly createInvitation: (engagementId: string, body: InvitationBody) => Promise<ApiResult<CreatedInvitation>>;
  readonly changeMember: (engagementId: string, userId: string, body: MemberRoleBody) => Promise<ApiResult<TeamMember>>;
  readonly removeMember: (engagementId: string, userId: string) => Promise<ApiResult<null>>;
  readonly revokeInvitation: (engagementId: string, invitationId: string) => Promise<ApiResult<null>>;
};

export type ApiClientOptions = {
  /** `window.fetch` bound to window (an unbound fetch throws "Illegal invocation"). */
  readonly fetch: typeof fetch;
  /** '' for same-origin paths. */
  readonly baseUrl?: string;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const decodeJson = (text: string): unknown => {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const seg = (value: string): string => encodeURIComponent(value);

/** A small typed client for the auth and team routes; every answer is parsed with the shared schemas. */
export const createApiClient = ({ fetch: doFetch, baseUrl = '' }: ApiClientOptions): ApiClient => {
  const request = async <T>(method: Method, path: string, schema: z.ZodType<T>, body?: unknown): Promise<ApiResult<T>> => {
    const what = `${method} ${path}`;
    let response: Response;
    let text: string;
    try {
      // Same-origin credentials carry the httpOnly session cookie; the browser adds the Origin header the server checks.
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      text = await response.text();
    } catch (e) {
      return networkFailure(what, e);
    }
    return resultFromResponse(what, response.status, decodeJson(text), schema, response.headers.get('retry-after'));
  };

  return {
    signIn: (body) => request('POST', '/api/auth/sign-in', meResponseSchema, body),
    signOut: () => request('POST', '/api/auth/sign-out', noContentSchema),
    me: () => request('GET', '/api/auth/me', meResponseSchema),
    invitationInfo: (token) => request('GET', `/api/invitations/${seg(token)}`, invitationInfoResponseSchema),
    acceptInvitation: (token, body) => request('POST', `/api/invitations/${seg(token)}/accept`, meResponseSchema, body),
    team: (engagementId) => request('GET', `/api/engagements/${seg(engagementId)}/team`, teamResponseSchema),
    createInvitation: (engagementId, body) => request('POST', `/api/engagements/${seg(engagementId)}/invitations`, createInvitationResponseSchema, body),
    changeMember: (engagementId, userId, body) => request('PATCH', `/api/engagements/${seg(engagementId)}/members/${seg(userId)}`, teamMemberSchema, body),
    removeMember: (engagementId, userId) => request('DELETE', `/api/engagements/${seg(engagementId)}/members/${seg(userId)}`, noContentSchema),
    revokeInvitation: (engagementId, invitationId) =>
      request('DELETE', `/api/engagements/${seg(engagementId)}/invitations/${seg(invitationId)}`, noContentSchema),
  };
};
