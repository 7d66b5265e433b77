import { describe, expect, it } from 'vitest';
import { checkSignInForm, OFFLINE_SIGN_IN_TEXT, rateLimitText, signInFailureText } from './sign-in-model';

describe('checkSignInForm', () => {
  it('asks for both fields', () => {
    expect(checkSignInForm({ email: '  ', password: '' })).toEqual({
      ok: false,
      errors: { email: 'Enter your e-mail address', password: 'Enter your password' },
    });
  });

  it('refuses an address that is not one', () => {
    expect(checkSignInForm({ email: 'manager', password: 'x' })).toEqual({ ok: false, errors: { email: 'Enter a valid e-mail address' } });
  });

  it('trims and lower-cases the address as the server does, and keeps the password as typed', () => {
    expect(checkSignInForm({ email: ' Manager@Demo.Test ', password: ' pass word ' })).toEqual({
      ok: true,
      body: { email: 'manager@demo.test', password: ' pass word ' },
    });
  });
});

describe('rateLimitText', () => {
  it('rounds the wait up to whole minutes', () => {
    expect(rateLimitText(1)).toBe('Too many attempts — try again in 1 minute');
    expect(rateLimitText(60)).toBe('Too many attempts — try again in 1 minute');
    expect(rateLimitText(61)).toBe('Too many attempts — try again in 2 minutes');
    expect(rateLimitText(900)).toBe('Too many attempts — try again in 15 minutes');
    expect(rateLimitText(undefined)).toBe('Too many attempts — try again later');
  });
});

describe('signInFailureText', () => {
  it('says which part is wrong for each failure', () => {
    expect(signInFailureText({ ok: false, kind: 'unauthorized', message: 'x' })).toMatch(/do not match an account/);
    expect(signInFailureText({ ok: false, kind: 'rate_limited', message: 'x', retryAfterSeconds: 600 })).toBe('Too many attempts — try again in 10 minutes');
    expect(signInFailureText({ ok: false, kind: 'network', message: 'Failed to fetch' })).toBe(OFFLINE_SIGN_IN_TEXT);
    expect(signInFailureText({ ok: false, kind: 'invalid', message: 'Invalid request', issues: [{ path: 'email', message: 'Bad e-mail' }] })).toBe(
      'Invalid request: Bad e-mail',
    );
    expect(signInFailureText({ ok: false, kind: 'storage', message: 'QuotaExceededError' })).toContain('QuotaExceededError');
    expect(signInFailureText({ ok: false, kind: 'server', message: 'boom' })).toContain('boom');
  });
});
