import { describe, expect, it } from 'vitest';
import { checkAcceptForm, invitationProblem } from './invitation-model';

describe('checkAcceptForm', () => {
  it('asks a new account for a name and a password of at least 12 characters', () => {
    expect(checkAcceptForm({ name: ' ', password: 'short' }, false)).toEqual({
      ok: false,
      errors: { name: 'Enter your name as colleagues will see it', password: 'Use at least 12 characters' },
    });
    expect(checkAcceptForm({ name: ' Dana Ortiz ', password: 'twelve chars' }, false)).toEqual({
      ok: true,
      body: { name: 'Dana Ortiz', password: 'twelve chars' },
    });
  });

  it('asks an existing account only for its password, whatever its length', () => {
    expect(checkAcceptForm({ name: '', password: 'old' }, true)).toEqual({ ok: true, body: { password: 'old' } });
    expect(checkAcceptForm({ name: '', password: '' }, true)).toEqual({ ok: false, errors: { password: 'Enter your password' } });
  });
});

describe('invitationProblem', () => {
  it('tells an unknown link from a used or expired one, and offline from both', () => {
    expect(invitationProblem({ ok: false, kind: 'not_found', message: 'not valid' })).toEqual({ title: 'This invitation link does not work', text: 'not valid' });
    expect(invitationProblem({ ok: false, kind: 'gone', message: 'expired' })).toEqual({ title: 'This invitation can no longer be used', text: 'expired' });
    expect(invitationProblem({ ok: false, kind: 'network', message: 'x' }).title).toBe("You're offline");
  });
});
