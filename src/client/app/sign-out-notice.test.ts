import { describe, expect, it } from 'vitest';
import { signOutNotice } from './sign-out-notice';

describe('signOutNotice', () => {
  it('says what happened to the data', () => {
    expect(signOutNotice({ ok: true, data: null }, null)).toEqual({ tone: 'info', text: "You're signed out. Your data stays on this device for a faster next sign-in." });
    expect(signOutNotice({ ok: true, data: null }, { ok: true }).text).toBe("You're signed out and your data was removed from this device.");
    expect(signOutNotice({ ok: true, data: null }, { ok: false, code: 'blocked', message: 'Close the other tabs.' })).toEqual({
      tone: 'warning',
      text: "You're signed out, but your data is not removed yet: Close the other tabs.",
    });
  });

  it('adds what happened to the server session when it could not be ended', () => {
    expect(signOutNotice({ ok: false, kind: 'network', message: 'x' }, null).text).toContain("You're offline, so the server session ends when it expires.");
    expect(signOutNotice({ ok: false, kind: 'server', message: 'boom' }, null).text).toContain('could not end the session (boom)');
    // Already ended on the server: nothing to add.
    expect(signOutNotice({ ok: false, kind: 'unauthorized', message: 'x' }, null).text).toBe("You're signed out. Your data stays on this device for a faster next sign-in.");
  });
});
