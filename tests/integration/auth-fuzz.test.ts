import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { createInvitationResponseSchema } from '../../src/sync/auth-protocol';
import { EMAILS, openAuthApp, ORIGIN, PASSWORD, type AuthApp } from './auth-harness';
import { TEST_DBS } from './test-dbs';

type BodyRoute = { readonly name: string; readonly method: InjectOptions['method']; readonly url: () => string; readonly valid: Record<string, unknown>; readonly cookie: () => string | null };

const RUNS = 40;
const LIMIT = 64 * 1024;

/** JSON text that JSON.parse refuses. */
const malformedJson = fc.oneof(
  fc.string({ minLength: 1, maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v)).chain((s) => fc.nat({ max: Math.max(0, s.length - 1) }).map((cut) => s.slice(0, cut) + '\u0000')),
  fc.constantFrom('{', '{"email":', '[1,2', '{"a":1,}', "{'a':1}", 'undefined', 'NaN', '{"a":01}'),
).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});

/** A valid body with one thing wrong: a field of the wrong type, missing, or the whole shape replaced. */
const wrongBody = (valid: Record<string, unknown>) => {
  const keys = Object.keys(valid);
  const wrongValue = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }), fc.constant(''), fc.string({ minLength: 300, maxLength: 400 }));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
    fc.constant([valid]),
  );
};

describe.each(TEST_DBS)('fuzzed auth and team bodies on $name', (target) => {
  let a: AuthApp;
  let manager: string;
  let newAccountToken: string;
  let existingAccountToken: string;
  const state = async () => ({ ...(await a.counts()), attempts: (await a.t.db.query<{ n: number }>('SELECT count(*) AS n FROM sign_in_attempts')).rows[0]?.n });

  beforeAll(async () => {
    a = await openAuthApp(target);
    manager = await a.signIn('manager');
    const invite = async (body: Record<string, unknown>) => {
      const res = await a.call('POST', `/api/engagements/${a.type1}/invitations`, { cookie: manager, payload: body });
      return /\/invite\/(.+)$/.exec(createInvitationResponseSchema.parse(res.json()).link)?.[1] ?? '';
    };
    newAccountToken = await invite({ email: 'fuzz@example.test', role: 'auditor' });
    existingAccountToken = await invite({ email: EMAILS.auditor, role: 'auditor' });
  });
  afterAll(async () => {
    await a?.close();
  });

  const routes = (): BodyRoute[] => [
    { name: 'sign-in', method: 'POST', url: () => '/api/auth/sign-in', valid: { email: EMAILS.client, password: PASSWORD }, cookie: () => null },
    { name: 'accept (new account)', method: 'POST', url: () => `/api/invitations/${newAccountToken}/accept`, valid: { name: 'Fuzz', password: 'long enough password' }, cookie: () => null },
    { name: 'accept (existing account)', method: 'POST', url: () => `/api/invitations/${existingAccountToken}/accept`, valid: { password: PASSWORD }, cookie: () => null },
    { name: 'create invitation', method: 'POST', url: () => `/api/engagements/${a.type2}/invitations`, valid: { email: 'x@example.test', role: 'client', organization: 'Org' }, cookie: () => manager },
    { name: 'change role', method: 'PATCH', url: () => `/api/engagements/${a.type2}/members/${a.userIds.auditor}`, valid: { role: 'client', organization: 'Org' }, cookie: () => manager },
  ];

  const send = (route: BodyRoute, payload: string, contentType = 'application/json') =>
    a.app.inject({
      method: route.method,
      url: route.url(),
      remoteAddress: '10.3.0.1',
      headers: { origin: ORIGIN, 'content-type': contentType, ...(route.cookie() ? { cookie: route.cookie() ?? '' } : {}) },
      payload,
    });

  it.each([0, 1, 2, 3, 4])('route %i: malformed JSON, wrong types and oversized bodies get 400 or 413, never 500, and store nothing', async (i) => {
    const route = routes()[i];
    if (!route) throw new Error(`no route ${i}`);
    const before = await state();

    await fc.assert(
      fc.asyncProperty(malformedJson, async (text) => {
        const res = await send(route, text);
        expect(res.statusCode, `${route.name} ${JSON.stringify(text)}: ${res.body}`).toBe(400);
        expect(res.json<{ error: string }>().error).toEqual(expect.any(String));
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(wrongBody(route.valid), async (body) => {
        const res = await send(route, JSON.stringify(body));
        expect(res.statusCode, `${route.name} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
        const answer = res.json<{ error: string; issues?: { path: string; message: string }[] }>();
        expect(answer.error).toMatch(/\S/);
        if (answer.issues) for (const issue of answer.issues) expect(issue.path).toMatch(/^body/);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: LIMIT + 1, max: LIMIT * 4 }), async (size) => {
        const body = JSON.stringify({ ...route.valid, padding: 'x'.repeat(size) });
        const res = await send(route, body);
        expect(res.statusCode, route.name).toBe(413);
      }),
      { numRuns: 5 },
    );
    expect((await send(route, '')).statusCode).toBe(400);
    expect((await send(route, 'email=a', 'text/plain')).statusCode).toBe(400);
    expect(await state()).toEqual(before);
  });

  it('sign-out ignores what it is sent but still refuses malformed JSON, never 500', async () => {
    const cookie = await a.signIn('client');
    await fc.assert(
      fc.asyncProperty(fc.oneof(malformedJson, fc.jsonValue().map((v) => JSON.stringify(v))), async (text) => {
        const res = await a.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { origin: ORIGIN, 'content-type': 'application/json', cookie }, payload: text });
        expect([204, 400]).toContain(res.statusCode);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers fuzzed path parameters with 400 or 404, never 500', async () => {
    const before = await state();
    const segment = fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s !== '.' && s !== '..');
    await fc.assert(
      fc.asyncProperty(segment, async (raw) => {
        const s = encodeURIComponent(raw);
        for (const [method, url] of [
          ['GET', `/api/invitations/${s}`],
          ['POST', `/api/invitations/${s}/accept`],
          ['GET', `/api/engagements/${s}/team`],
          ['DELETE', `/api/engagements/${a.type2}/members/${s}`],
          ['DELETE', `/api/engagements/${s}/invitations/${s}`],
        ] as const) {
          const res = await a.app.inject({ method, url, headers: { origin: ORIGIN, cookie: manager }, ...(method === 'POST' ? { payload: { name: 'N', password: 'long enough password' } } : {}) });
          expect([400, 404], `${method} ${url}: ${res.body}`).toContain(res.statusCode);
        }
      }),
      { numRuns: RUNS },
    );
    expect(await state()).toEqual(before);
  });
});
