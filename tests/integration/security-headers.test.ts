import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { makeFakeDist, type FakeDist } from '../fixtures/fake-dist';
import { makeStubDb } from '../fixtures/stub-db';
import { openAuthApp, PASSWORD, type AuthApp } from './auth-harness';
import { TEST_DBS } from './test-dbs';

const CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';frame-ancestors 'none';form-action 'self'";

describe('security headers', () => {
  let app: FastifyInstance;
  let dist: FakeDist;
  beforeAll(async () => {
    dist = makeFakeDist();
    app = await buildApp({ db: makeStubDb(), config: { staticDir: dist.dir }, log: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    dist.remove();
  });

  it.each(['/', '/engagements/123', '/assets/index-B9x2kQ4a.js', '/sw.js', '/api/health', '/api/nope', '/api/auth/me'])('are on %s, with the strict CSP', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe.each(TEST_DBS)('cross-site request refusal on $name', (target) => {
  let a: AuthApp;
  let manager: string;
  beforeAll(async () => {
    a = await openAuthApp(target);
    manager = await a.signIn('manager');
  });
  afterAll(async () => {
    await a?.close();
  });

  const signIn = (headers: Record<string, string>) =>
    a.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.8.0.1', headers, payload: { email: 'auditor@demo.test', password: PASSWORD } });

  it.each([
    ['no Origin and no Referer', {}],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['the same host on another port', { origin: 'http://localhost:8081' }],
    ['the same host over another scheme', { origin: 'https://localhost' }],
    ['an opaque Origin', { origin: 'null' }],
    ['a garbage Origin', { origin: 'not a url' }],
    ['a foreign Referer', { referer: 'https://evil.example/page' }],
    ['a foreign Origin with a same-origin Referer', { origin: 'https://evil.example', referer: 'http://localhost/' }],
  ])('refuses sign-in with %s: 403, no session made', async (_, headers) => {
    const before = await a.counts();
    const res = await signIn(headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ error: 'Cross-site request refused' });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await a.counts()).toEqual(before);
  });

  it.each([
    ['the same Origin', { origin: 'http://localhost' }],
    ['the same Origin with the default port spelled out', { origin: 'http://localhost:80' }],
    ['no Origin but a same-origin Referer', { referer: 'http://localhost/sign-in?next=/' }],
  ])('accepts sign-in with %s', async (_, headers) => {
    expect((await signIn(headers)).statusCode).toBe(200);
  });

  it('compares with the Host the request was sent to', async () => {
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '10.8.0.2',
      headers: { host: 'tickmark.example:8443', origin: 'http://tickmark.example:8443' },
      payload: { email: 'auditor@demo.test', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
  });

  it('guards every state-changing /api route, session or not, and leaves reads alone', async () => {
    const cases = [
      ['POST', '/api/auth/sign-out'],
      ['POST', `/api/engagements/${a.type2}/invitations`],
      ['PATCH', `/api/engagements/${a.type2}/members/${a.userIds.auditor}`],
      ['DELETE', `/api/engagements/${a.type2}/members/${a.userIds.auditor}`],
      ['PUT', '/api/anything'],
      ['POST', '/api/sync/push'],
    ] as const;
    for (const [method, url] of cases) {
      const res = await a.app.inject({ method, url, headers: { cookie: manager, origin: 'https://evil.example' }, payload: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    // The session survived the refused sign-out.
    const me = await a.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: manager, origin: 'https://evil.example' } });
    expect(me.statusCode).toBe(200);
  });
});
