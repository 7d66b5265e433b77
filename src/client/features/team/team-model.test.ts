import { describe, expect, it } from 'vitest';
import { absoluteInviteLink, checkInviteForm, checkRoleChange, OFFLINE_TEAM_TEXT, teamFailureText } from './team-model';

describe('checkInviteForm', () => {
  it('needs an e-mail address, and an organisation only for a client contact', () => {
    expect(checkInviteForm({ email: '', role: 'auditor', organization: '' })).toEqual({ ok: false, errors: { email: 'Enter the e-mail address to invite' } });
    expect(checkInviteForm({ email: 'not-an-address', role: 'auditor', organization: '' })).toEqual({ ok: false, errors: { email: 'Enter a valid e-mail address' } });
    expect(checkInviteForm({ email: 'c@acme.test', role: 'client', organization: '  ' })).toEqual({
      ok: false,
      errors: { organization: 'Enter the organisation this client contact answers for' },
    });
  });

  it('normalises the address and drops an organisation typed for the audit team', () => {
    expect(checkInviteForm({ email: ' New.Person@Firm.Test ', role: 'auditor', organization: 'Leftover Ltd' })).toEqual({
      ok: true,
      body: { email: 'new.person@firm.test', role: 'auditor', organization: null },
    });
    expect(checkInviteForm({ email: 'c@acme.test', role: 'client', organization: ' Acme Ltd ' })).toEqual({
      ok: true,
      body: { email: 'c@acme.test', role: 'client', organization: 'Acme Ltd' },
    });
  });
});

describe('checkRoleChange', () => {
  it('asks a client contact for the organisation', () => {
    expect(checkRoleChange({ role: 'client', organization: '' })).toEqual({ ok: false, errors: { organization: 'Enter the organisation this client contact answers for' } });
    expect(checkRoleChange({ role: 'manager', organization: 'Acme' })).toEqual({ ok: true, body: { role: 'manager', organization: null } });
  });
});

describe('teamFailureText', () => {
  it('keeps the server’s words for the last-manager rule and says when the device is offline', () => {
    const lastManager = 'An engagement needs at least one manager: make someone else a manager first';
    expect(teamFailureText({ ok: false, kind: 'conflict', message: lastManager })).toBe(lastManager);
    expect(teamFailureText({ ok: false, kind: 'network', message: 'Failed to fetch' })).toContain(OFFLINE_TEAM_TEXT);
  });
});

describe('absoluteInviteLink', () => {
  it('puts the path on this origin', () => {
    expect(absoluteInviteLink('https://tickmark.example', '/invite/abc_DEF-123')).toBe('https://tickmark.example/invite/abc_DEF-123');
  });
});
