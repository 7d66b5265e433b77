import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meResponseSchema, errorResponseSchema } from '../../src/sync/auth-protocol';
import { AUTH_POLICY } from '../../src/server/auth/auth-policy';
import { hashToken } from '../../src/server/auth/session-token';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { EMAILS, openAuthApp, PASSWORD, sessionCookieOf, type AuthApp } from './auth-harness';
import { TEST_DBS } from './test-dbs';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(TEST_DBS)('sign-in and sessions on $name', (target) => {
  let a: AuthApp;
  beforeAll(async () => {
    a = await openAuthApp(target);
  });
  afterAll(async () => {
    await a?.close();
  });

  const signInAs = (email: string, password: string, ip: string) => a.call('POST', '/api/auth/sign-in', { payload: { email, password }, ip });

  it('signs in with the right password: MeResponse with the memberships, and a session cookie with the right flags', async () => {
    const res = await signInAs(' Manager@Demo.TEST ', PASSWORD, '10.0.0.1');
    expect(res.statusCode).toBe(200);
    const me = meResponseSchema.parse(res.json());
    expect(me.user).toEqual({ id: a.userIds.manager, email: EMAILS.manager, name: 'Morgan Reyes', firmRole: 'admin' });
    expect(me.memberships).toHaveLength(2);
    expect(me.memberships).toEqual(expect.arrayContaining([
      { engagementId: a.type2, role: 'manager', organization: null },
      { engagementId: a.type1, role: 'manager', organization: null },
    ]));
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^tickmark_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain(`Max-Age=${14 * 24 * 60 * 60}`);
    expect(setCookie).not.toContain('Secure'); // app.inject is plain http
    expect(res.headers['cache-control']).toBe('no-store');

    const me2 = await a.call('GET', '/api/auth/me', { cookie: sessionCookieOf(res) });
    expect(me2.statusCode).toBe(200);
    expect(meResponseSchema.parse(me2.json())).toEqual(me);
  });

  it('stores only the SHA-256 of the token', async () => {
    const res = await signInAs(EMAILS.auditor, PASSWORD, '10.0.0.2');
    const token = sessionCookieOf(res).split('=')[1] ?? '';
    const { rows } = await a.t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('answers a wrong password and an unknown e-mail alike, without a cookie', async () => {
    const wrong = await signInAs(EMAILS.client, 'not the password', '10.0.1.1');
    const unknown = await signInAs('nobody@demo.test', PASSWORD, '10.0.1.1');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'Wrong e-mail or password' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a disabled account with the same 401, and ends its live sessions', async () => {
    const cookie = await a.signIn('otherClient', '10.0.2.1');
    const users = createUsersRepo(a.t.db);
    await users.setDisabled(a.userIds.otherClient, true);
    try {
      expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
      const res = await signInAs(EMAILS.otherClient, PASSWORD, '10.0.2.1');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: 'Wrong e-mail or password' });
    } finally {
      await users.setDisabled(a.userIds.otherClient, false);
      await a.t.db.query('DELETE FROM sign_in_attempts');
    }
  });

  it('rate-limits an account after 5 failures in 15 minutes, even with the right password; a wait frees it and a success clears the count', async () => {
    for (let i = 0; i < AUTH_POLICY.maxFailuresPerAccount; i++) {
      expect((await signInAs(EMAILS.auditor, `wrong ${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    }
    a.clock.advance(MINUTE);
    const limited = await signInAs(EMAILS.auditor, PASSWORD, '10.1.1.1');
    expect(limited.statusCode).toBe(429);
    const body = errorResponseSchema.parse(limited.json());
    expect(body.error).toMatch(/Too many failed sign-ins: try again in 14 minutes/);
    expect(body.retryAfterSeconds).toBe(14 * 60);
    expect(limited.headers['retry-after']).toBe(String(14 * 60));
    expect(limited.headers['set-cookie']).toBeUndefined();
    // Other accounts are not affected.
    expect((await signInAs(EMAILS.client, PASSWORD, '10.1.1.1')).statusCode).toBe(200);

    a.clock.advance(14 * MINUTE + 1000);
    expect((await signInAs(EMAILS.auditor, PASSWORD, '10.1.1.1')).statusCode).toBe(200);
    // The success cleared the account's failures: four more are allowed before the fifth trips it again.
    for (let i = 0; i < AUTH_POLICY.maxFailuresPerAccount - 1; i++) expect((await signInAs(EMAILS.auditor, 'wrong', '10.1.2.1')).statusCode).toBe(401);
    expect((await signInAs(EMAILS.auditor, PASSWORD, '10.1.2.1')).statusCode).toBe(200);
    await a.t.db.query('DELETE FROM sign_in_attempts');
  });

  it('rate-limits an address after 20 failures in 15 minutes, across accounts; other addresses still sign in', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < AUTH_POLICY.maxFailuresPerAddress; i++) {
      expect((await signInAs(`user${i}@nowhere.test`, 'wrong', ip)).statusCode).toBe(401);
    }
    const limited = await signInAs(EMAILS.client, PASSWORD, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: expect.stringMatching(/^Too many failed sign-ins/), retryAfterSeconds: 15 * 60 });
    expect((await signInAs(EMAILS.client, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
    await a.t.db.query('DELETE FROM sign_in_attempts');
  });

  it('signs out: the session is revoked on the server, the cookie cleared, and the old cookie gets 401', async () => {
    const cookie = await a.signIn('auditor');
    const out = await a.call('POST', '/api/auth/sign-out', { cookie });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^tickmark_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    const me = await a.call('GET', '/api/auth/me', { cookie });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toEqual({ error: 'You are signed out: sign in again' });
    // Idempotent: again, and with no cookie at all.
    expect((await a.call('POST', '/api/auth/sign-out', { cookie })).statusCode).toBe(204);
    expect((await a.call('POST', '/api/auth/sign-out')).statusCode).toBe(204);
  });

  it('answers /me without a session, or with a forged one, with 401', async () => {
    const none = await a.call('GET', '/api/auth/me');
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ error: 'Sign in to continue' });
    const forged = await a.call('GET', '/api/auth/me', { cookie: `tickmark_session=${'A'.repeat(43)}` });
    expect(forged.statusCode).toBe(401);
    expect(String(forged.headers['set-cookie'])).toMatch(/Max-Age=0/);
  });

  it('ends a session after 3 idle days, refreshing last_seen_at at most once a minute', async () => {
    const cookie = await a.signIn('client');
    const tokenHash = hashToken(cookie.split('=')[1] ?? '');
    const lastSeen = async () => (await a.t.db.query<{ at: string }>('SELECT last_seen_at AS at FROM sessions WHERE token_hash = $1', [tokenHash])).rows[0]?.at;
    const first = await lastSeen();
    a.clock.advance(30_000);
    expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    expect(await lastSeen()).toBe(first);
    a.clock.advance(2 * DAY);
    expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    expect(Date.parse((await lastSeen()) ?? '')).toBe(a.clock.now().getTime());
    a.clock.advance(3 * DAY - 1000);
    expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    a.clock.advance(3 * DAY);
    const idle = await a.call('GET', '/api/auth/me', { cookie });
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toEqual({ error: 'Your session has expired: sign in again' });
  });

  it('ends a session 14 days after sign-in however active it is', async () => {
    const cookie = await a.signIn('client');
    for (let day = 2; day < 14; day += 2) {
      a.clock.advance(2 * DAY);
      expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    }
    a.clock.advance(2 * DAY);
    const expired = await a.call('GET', '/api/auth/me', { cookie });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ error: 'Your session has expired: sign in again' });
  });
});
