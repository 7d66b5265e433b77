import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client';
import { failureKindFor, issuesByField, resultFromResponse } from './api-result';
import { meResponseSchema } from '../../sync/auth-protocol';

const ME = {
  user: { id: '01890f2e-8b7a-7cc0-9d5e-4a1b2c3d4e5f', email: 'manager@demo.test', name: 'Morgan Reyes', firmRole: 'admin' },
  memberships: [{ engagementId: '01890f2e-8b7a-7cc0-9d5e-4a1b2c3d4e60', role: 'manager', organization: null }],
};

type Call = { readonly url: string; readonly init: RequestInit | undefined };

const fakeFetch = (respond: (call: Call) => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const doFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { calls, doFetch: doFetch as typeof fetch };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('failureKindFor', () => {
  it('maps each status the routes use to its kind', () => {
    expect([200, 201, 204].map(failureKindFor)).toEqual([undefined, undefined, undefined]);
    expect([400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 418].map(failureKindFor)).toEqual([
      'invalid',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'gone',
      'invalid',
      'rate_limited',
      'server',
      'server',
      'server',
    ]);
  });
});

describe('resultFromResponse', () => {
  it('parses a success body with the schema', () => {
    expect(resultFromResponse('GET /me', 200, ME, meResponseSchema)).toEqual({ ok: true, data: ME });
  });

  it('calls a success body that does not match the schema a server failure naming the field', () => {
    const result = resultFromResponse('GET /me', 200, { user: { ...ME.user, id: 'nope' }, memberships: [] }, meResponseSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('server');
    expect(result.message).toContain('GET /me');
    expect(result.message).toContain('user.id');
  });

  it('keeps the server message and issues of an error body', () => {
    const issues = [{ path: 'email', message: 'Enter a valid e-mail address' }];
    expect(resultFromResponse('POST /x', 400, { error: 'Invalid request', issues }, meResponseSchema)).toEqual({
      ok: false,
      kind: 'invalid',
      message: 'Invalid request',
      issues,
    });
  });

  it('takes retryAfterSeconds from the body, or else from the Retry-After header', () => {
    expect(resultFromResponse('POST /x', 429, { error: 'Slow down', retryAfterSeconds: 300 }, meResponseSchema, '10')).toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 300,
    });
    expect(resultFromResponse('POST /x', 429, undefined, meResponseSchema, '90')).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 90 });
    expect(resultFromResponse('POST /x', 429, undefined, meResponseSchema)).not.toHaveProperty('retryAfterSeconds');
  });

  it('falls back to a readable message naming the status when the error body is not the error shape', () => {
    expect(resultFromResponse('GET /x', 502, '<html>bad gateway</html>', meResponseSchema)).toEqual({
      ok: false,
      kind: 'server',
      message: 'The server could not handle the request (HTTP 502)',
    });
  });
});

describe('createApiClient', () => {
  it('posts JSON with same-origin credentials and parses the answer', async () => {
    const { calls, doFetch } = fakeFetch(() => json(200, ME));
    const api = createApiClient({ fetch: doFetch });
    expect(await api.signIn({ email: 'manager@demo.test', password: 'pw' })).toEqual({ ok: true, data: ME });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/auth/sign-in');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    expect(calls[0]?.init?.body).toBe(JSON.stringify({ email: 'manager@demo.test', password: 'pw' }));
    expect(calls[0]?.init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('reports a fetch that throws as a network failure', async () => {
    const { doFetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const result = await createApiClient({ fetch: doFetch }).me();
    expect(result).toMatchObject({ ok: false, kind: 'network' });
    expect(!result.ok && result.message).toContain('Failed to fetch');
  });

  it('maps 401 from me, 410 from an invitation and 409 from removing the last manager', async () => {
    const { doFetch } = fakeFetch(({ url }) => {
      if (url.endsWith('/me')) return json(401, { error: 'Not signed in' });
      if (url.includes('/invitations/')) return json(410, { error: 'This invitation has expired' });
      return json(409, { error: 'An engagement needs at least one manager' });
    });
    const api = createApiClient({ fetch: doFetch });
    expect(await api.me()).toEqual({ ok: false, kind: 'unauthorized', message: 'Not signed in' });
    expect(await api.invitationInfo('a'.repeat(32))).toMatchObject({ kind: 'gone', message: 'This invitation has expired' });
    expect(await api.removeMember(ME.memberships[0]?.engagementId ?? '', ME.user.id)).toMatchObject({
      kind: 'conflict',
      message: 'An engagement needs at least one manager',
    });
  });

  it('treats an empty 204 as success with no data, and escapes path segments', async () => {
    const { calls, doFetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch: doFetch, baseUrl: 'https://tickmark.example' });
    expect(await api.signOut()).toEqual({ ok: true, data: null });
    expect(await api.revokeInvitation('e/1', 'i?2')).toEqual({ ok: true, data: null });
    expect(calls.map((c) => c.url)).toEqual(['https://tickmark.example/api/auth/sign-out', 'https://tickmark.example/api/engagements/e%2F1/invitations/i%3F2']);
    expect(calls[0]?.init?.body).toBeUndefined();
  });
});

describe('issuesByField', () => {
  it('puts each server issue beside its field and keeps the rest', () => {
    const issues = [
      { path: 'body.password', message: 'Use at least 12 characters' },
      { path: 'body.password', message: 'second message' },
      { path: 'body.name', message: 'Required' },
      { path: 'params.token', message: 'not an invitation token' },
    ];
    expect(issuesByField(issues, ['name', 'password'] as const)).toEqual({
      fields: { password: 'Use at least 12 characters', name: 'Required' },
      other: ['not an invitation token'],
    });
    expect(issuesByField(undefined, ['name'] as const)).toEqual({ fields: {}, other: [] });
  });
});
