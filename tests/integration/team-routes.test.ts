import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meResponseSchema, teamMemberSchema, teamResponseSchema } from '../../src/sync/auth-protocol';
import { createRecordsRepo } from '../../src/server/store/records-repo';
import { EMAILS, openAuthApp, type AuthApp } from './auth-harness';
import { TEST_DBS } from './test-dbs';

describe.each(TEST_DBS)('team routes on $name', (target) => {
  let a: AuthApp;
  let manager: string;
  beforeAll(async () => {
    a = await openAuthApp(target);
    manager = await a.signIn('manager');
  });
  afterAll(async () => {
    await a?.close();
  });

  const team = async (engagementId = a.type2, cookie = manager) => teamResponseSchema.parse((await a.call('GET', `/api/engagements/${engagementId}/team`, { cookie })).json());
  const membershipOf = async (engagementId: string, userId: string) =>
    (await createRecordsRepo(a.t.db).list('membership', engagementId)).filter((m) => m.userId === userId);

  it('lists the members with their names, roles and organisations', async () => {
    const t = await team();
    expect(t.members.map(({ membershipId: _, ...m }) => m)).toEqual([
      { userId: a.userIds.auditor, email: EMAILS.auditor, name: 'Avery Chen', role: 'auditor', organization: null },
      { userId: a.userIds.client, email: EMAILS.client, name: 'Casey Novak', role: 'client', organization: 'Northwind Cloud Ltd' },
      { userId: a.userIds.manager, email: EMAILS.manager, name: 'Morgan Reyes', role: 'manager', organization: null },
    ]);
    expect(t.invitations).toEqual([]);
  });

  it('changes a member’s role through a new version of the membership record', async () => {
    const [before] = await membershipOf(a.type2, a.userIds.auditor);
    const res = await a.call('PATCH', `/api/engagements/${a.type2}/members/${a.userIds.auditor}`, { cookie: manager, payload: { role: 'manager' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(teamMemberSchema.parse(res.json())).toMatchObject({ userId: a.userIds.auditor, role: 'manager', organization: null, membershipId: before?.id });
    const [after] = await membershipOf(a.type2, a.userIds.auditor);
    expect(after).toMatchObject({ id: before?.id, role: 'manager', updatedBy: a.userIds.manager });
    expect(after?.version).toBeGreaterThan(before?.version ?? Infinity);
    // The member's next request already acts with the new role.
    const auditor = await a.signIn('auditor');
    expect(meResponseSchema.parse((await a.call('GET', '/api/auth/me', { cookie: auditor })).json()).memberships).toEqual([{ engagementId: a.type2, role: 'manager', organization: null }]);
  });

  it('refuses to demote or remove the last manager with 409 and the reason', async () => {
    const only = await a.signIn('elsewhereManager');
    const demote = await a.call('PATCH', `/api/engagements/${a.elsewhere}/members/${a.userIds.elsewhereManager}`, { cookie: only, payload: { role: 'auditor' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toEqual({ error: 'An engagement needs at least one manager: make someone else a manager first' });
    const remove = await a.call('DELETE', `/api/engagements/${a.elsewhere}/members/${a.userIds.elsewhereManager}`, { cookie: only });
    expect(remove.statusCode).toBe(409);
    expect((await membershipOf(a.elsewhere, a.userIds.elsewhereManager))[0]).toMatchObject({ role: 'manager', deleted: false });
  });

  it('lets a manager step down while another manager remains', async () => {
    // The auditor was made a manager above, so Demo Type 2 has two.
    const res = await a.call('PATCH', `/api/engagements/${a.type2}/members/${a.userIds.auditor}`, { cookie: manager, payload: { role: 'auditor', organization: null } });
    expect(res.statusCode).toBe(200);
    const last = await a.call('PATCH', `/api/engagements/${a.type2}/members/${a.userIds.manager}`, { cookie: manager, payload: { role: 'auditor' } });
    expect(last.statusCode).toBe(409);
  });

  it('removes a member by tombstoning the membership: they lose access at once', async () => {
    const client = await a.signIn('client');
    expect((await a.call('GET', '/api/auth/me', { cookie: client })).json<{ memberships: unknown[] }>().memberships).toHaveLength(1);
    const res = await a.call('DELETE', `/api/engagements/${a.type2}/members/${a.userIds.client}`, { cookie: manager });
    expect(res.statusCode).toBe(204);
    const [tombstone] = await membershipOf(a.type2, a.userIds.client);
    expect(tombstone).toMatchObject({ deleted: true, updatedBy: a.userIds.manager });
    const me = meResponseSchema.parse((await a.call('GET', '/api/auth/me', { cookie: client })).json());
    expect(me.memberships).toEqual([]);
    expect((await team()).members.map((m) => m.userId)).not.toContain(a.userIds.client);
    const events = await a.t.db.query('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY version', [tombstone?.id]);
    expect(events.rows).toEqual([{ action: 'removeMember' }]);
    // Removing again: no such member.
    expect((await a.call('DELETE', `/api/engagements/${a.type2}/members/${a.userIds.client}`, { cookie: manager })).statusCode).toBe(404);
  });

  it('needs an organisation when making someone a client contact', async () => {
    const res = await a.call('PATCH', `/api/engagements/${a.type2}/members/${a.userIds.auditor}`, { cookie: manager, payload: { role: 'client' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ issues: [{ path: 'body.organization', message: 'A client contact needs an organisation' }] });
  });

  it('answers a user who is not a member of the engagement with 404', async () => {
    const res = await a.call('PATCH', `/api/engagements/${a.type2}/members/${a.userIds.otherClient}`, { cookie: manager, payload: { role: 'auditor' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: `No member ${a.userIds.otherClient} in this engagement` });
  });
});
