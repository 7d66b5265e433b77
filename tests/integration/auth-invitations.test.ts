import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitationResponseSchema, invitationInfoResponseSchema, meResponseSchema, teamResponseSchema } from '../../src/sync/auth-protocol';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { EMAILS, openAuthApp, PASSWORD, sessionCookieOf, type AuthApp } from './auth-harness';
import { TEST_DBS } from './test-dbs';

const DAY = 24 * 60 * 60_000;
const NEW_PASSWORD = 'a long enough passphrase';

describe.each(TEST_DBS)('invitations on $name', (target) => {
  let a: AuthApp;
  let manager: string;
  beforeAll(async () => {
    a = await openAuthApp(target);
    manager = await a.signIn('manager');
  });
  afterAll(async () => {
    await a?.close();
  });

  const invite = async (body: Record<string, unknown>, engagementId = a.type2) => {
    const res = await a.call('POST', `/api/engagements/${engagementId}/invitations`, { cookie: manager, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const created = createInvitationResponseSchema.parse(res.json());
    const token = /^\/invite\/([A-Za-z0-9_-]{43})$/.exec(created.link)?.[1];
    if (!token) throw new Error(`unexpected link ${created.link}`);
    return { ...created, token };
  };

  it('runs end to end: create, look up, accept (new account, signed in), me shows the membership, the link cannot be used again', async () => {
    const before = await a.counts();
    const created = await invite({ email: ' New.Auditor@Example.TEST ', role: 'auditor' });
    expect(created.invitation).toMatchObject({ email: 'new.auditor@example.test', role: 'auditor', organization: null });
    expect(Date.parse(created.invitation.expiresAt)).toBe(a.clock.now().getTime() + 7 * DAY);

    const info = await a.call('GET', `/api/invitations/${created.token}`);
    expect(info.statusCode).toBe(200);
    expect(invitationInfoResponseSchema.parse(info.json())).toEqual({
      email: 'new.auditor@example.test',
      engagementName: 'Demo Type 2',
      role: 'auditor',
      expiresAt: created.invitation.expiresAt,
      existingAccount: false,
    });

    const team = teamResponseSchema.parse((await a.call('GET', `/api/engagements/${a.type2}/team`, { cookie: manager })).json());
    expect(team.invitations.map((i) => i.id)).toContain(created.invitation.id);

    const accepted = await a.call('POST', `/api/invitations/${created.token}/accept`, { payload: { name: ' Nia Auditor ', password: NEW_PASSWORD } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const me = meResponseSchema.parse(accepted.json());
    expect(me.user).toMatchObject({ email: 'new.auditor@example.test', name: 'Nia Auditor', firmRole: null });
    expect(me.memberships).toEqual([{ engagementId: a.type2, role: 'auditor', organization: null }]);
    const cookie = sessionCookieOf(accepted);
    const again = await a.call('GET', '/api/auth/me', { cookie });
    expect(meResponseSchema.parse(again.json())).toEqual(me);

    // The membership is a synced record with a version, and its audit event was kept.
    const memberships = await createRecordsRepo(a.t.db).list('membership', a.type2);
    const record = memberships.find((m) => m.userId === me.user.id);
    expect(record).toMatchObject({ role: 'auditor', deleted: false, updatedBy: me.user.id });
    expect(record?.version).toBeGreaterThan(0);
    const events = await a.t.db.query('SELECT action, target_kind FROM audit_events WHERE target_id = $1', [record?.id]);
    expect(events.rows).toEqual([{ action: 'acceptInvitation', target_kind: 'membership' }]);

    // The new password signs in too.
    const signIn = await a.call('POST', '/api/auth/sign-in', { payload: { email: 'new.auditor@example.test', password: NEW_PASSWORD }, ip: '10.5.0.1' });
    expect(signIn.statusCode).toBe(200);

    const reused = await a.call('POST', `/api/invitations/${created.token}/accept`, { payload: { name: 'Someone', password: NEW_PASSWORD } });
    expect(reused.statusCode).toBe(410);
    expect(reused.json()).toEqual({ error: 'This invitation has already been used: sign in instead' });
    expect((await a.call('GET', `/api/invitations/${created.token}`)).statusCode).toBe(410);

    const after = await a.counts();
    expect(after.users).toBe(before.users + 1);
    expect(after.invitations).toBe(before.invitations + 1);
  });

  it('refuses a password shorter than 12 characters with the reason, and keeps nothing', async () => {
    const created = await invite({ email: 'shortpw@example.test', role: 'auditor' });
    const before = await a.counts();
    const res = await a.call('POST', `/api/invitations/${created.token}/accept`, { payload: { name: 'Short', password: 'elevenchars' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'Invalid request body: body.password: Use at least 12 characters',
      issues: [{ path: 'body.password', message: 'Use at least 12 characters' }],
    });
    expect(await a.counts()).toEqual(before);
    expect((await a.call('GET', `/api/invitations/${created.token}`)).statusCode).toBe(200);
  });

  it('answers an expired invitation with 410, an unknown one with 404, a malformed token with 400', async () => {
    const created = await invite({ email: 'late@example.test', role: 'client', organization: 'Northwind Cloud Ltd' });
    a.clock.advance(7 * DAY + 1000);
    const info = await a.call('GET', `/api/invitations/${created.token}`);
    expect(info.statusCode).toBe(410);
    expect(info.json()).toEqual({ error: 'This invitation has expired: ask the engagement manager for a new one' });
    const accept = await a.call('POST', `/api/invitations/${created.token}/accept`, { payload: { name: 'Late', password: NEW_PASSWORD } });
    expect(accept.statusCode).toBe(410);
    expect(await a.t.db.query('SELECT 1 FROM users WHERE email = $1', ['late@example.test'])).toMatchObject({ rows: [] });

    const unknown = await a.call('GET', `/api/invitations/${'x'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'This invitation link is not valid: check that it was copied whole' });
    expect((await a.call('GET', '/api/invitations/short')).statusCode).toBe(400);
    manager = await a.signIn('manager'); // the manager's session went idle over the 7 days
  });

  it('adds an existing account with its current password (not a new one), and refuses a wrong one', async () => {
    const created = await invite({ email: EMAILS.otherClient, role: 'client', organization: 'Northwind Cloud Ltd' });
    const info = invitationInfoResponseSchema.parse((await a.call('GET', `/api/invitations/${created.token}`)).json());
    expect(info.existingAccount).toBe(true);

    const wrong = await a.call('POST', `/api/invitations/${created.token}/accept`, { payload: { name: 'X', password: 'not their password' }, ip: '10.6.0.1' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<{ error: string }>().error).toMatch(/^Wrong password for client@other.test/);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const before = await a.counts();
    const ok = await a.call('POST', `/api/invitations/${created.token}/accept`, { payload: { name: 'Ignored Name', password: PASSWORD }, ip: '10.6.0.1' });
    expect(ok.statusCode, ok.body).toBe(200);
    const me = meResponseSchema.parse(ok.json());
    expect(me.user).toMatchObject({ id: a.userIds.otherClient, name: 'Jordan Blake' });
    expect(me.memberships).toEqual(expect.arrayContaining([
      { engagementId: a.type1, role: 'client', organization: 'Other Co' },
      { engagementId: a.type2, role: 'client', organization: 'Northwind Cloud Ltd' },
    ]));
    expect((await a.counts()).users).toBe(before.users);
    sessionCookieOf(ok);
  });

  it('re-inviting the same e-mail withdraws the older link; a manager can withdraw one; a member cannot be invited again', async () => {
    const first = await invite({ email: 'twice@example.test', role: 'auditor' });
    const second = await invite({ email: 'twice@example.test', role: 'manager' });
    expect((await a.call('GET', `/api/invitations/${first.token}`)).json()).toEqual({ error: 'This invitation was withdrawn: ask the engagement manager for a new one' });
    expect((await a.call('GET', `/api/invitations/${second.token}`)).statusCode).toBe(200);

    const revoke = await a.call('DELETE', `/api/engagements/${a.type2}/invitations/${second.invitation.id}`, { cookie: manager });
    expect(revoke.statusCode).toBe(204);
    expect((await a.call('GET', `/api/invitations/${second.token}`)).statusCode).toBe(410);
    expect((await a.call('DELETE', `/api/engagements/${a.type2}/invitations/${second.invitation.id}`, { cookie: manager })).statusCode).toBe(404);
    const team = teamResponseSchema.parse((await a.call('GET', `/api/engagements/${a.type2}/team`, { cookie: manager })).json());
    expect(team.invitations.map((i) => i.email)).not.toContain('twice@example.test');

    const member = await a.call('POST', `/api/engagements/${a.type2}/invitations`, { cookie: manager, payload: { email: EMAILS.auditor, role: 'manager' } });
    expect(member.statusCode).toBe(409);
    expect(member.json()).toEqual({ error: 'auditor@demo.test is already a member of this engagement' });
  });

  it('needs an organisation for a client contact', async () => {
    const res = await a.call('POST', `/api/engagements/${a.type2}/invitations`, { cookie: manager, payload: { email: 'c@example.test', role: 'client' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ issues: [{ path: 'body.organization', message: 'A client contact needs an organisation' }] });
  });
});
