// Behind a TLS-terminating proxy (TICKMARK_TRUST_PROXY=true) the forwarded protocol and host
// decide the same-origin check and the Secure cookie; without it, forwarded headers are ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuthApp, PASSWORD, type AuthApp } from './auth-harness';
import { TEST_DBS } from './test-dbs';

const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'tickmark.example', 'x-forwarded-for': '203.0.113.9', origin: 'https://tickmark.example' };

const target = TEST_DBS[0]!;

describe('behind a proxy', () => {
  let trusting: AuthApp;
  let plain: AuthApp;
  beforeAll(async () => {
    trusting = await openAuthApp(target, { trustProxy: true });
    plain = await openAuthApp(target);
  });
  afterAll(async () => {
    await trusting?.close();
    await plain?.close();
  });

  const signIn = (a: AuthApp) =>
    a.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: '10.0.0.2', headers: forwarded, payload: { email: 'auditor@demo.test', password: PASSWORD } });

  it('trusts X-Forwarded-* when told to: same-origin accepted, cookie marked Secure', async () => {
    const res = await signIn(trusting);
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('ignores X-Forwarded-* by default, so a forged header cannot pass the origin check', async () => {
    expect((await signIn(plain)).statusCode).toBe(403);
  });
});
