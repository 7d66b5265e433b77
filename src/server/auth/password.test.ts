import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

// Low cost keeps the unit test quick; the format and checks are the same at any cost.
const FAST = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('encodes the parameters and a fresh salt in every hash', async () => {
    const a = await hashPassword('same password', FAST);
    const b = await hashPassword('same password', FAST);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('uses the default cost when none is given', async () => {
    const stored = await hashPassword('default cost');
    expect(stored.startsWith('$scrypt$ln=15,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('default cost', stored)).toBe(true);
  });

  it('treats malformed or tampered hashes as a mismatch instead of throwing', async () => {
    const stored = await hashPassword('pw-123456', FAST);
    const parts = stored.split('$');
    const tamperedKey = [...parts.slice(0, -1), Buffer.alloc(32, 1).toString('base64url')].join('$');
    expect(await verifyPassword('pw-123456', tamperedKey)).toBe(false);
    expect(await verifyPassword('pw-123456', stored.replace('ln=10', 'ln=30'))).toBe(false);
    expect(await verifyPassword('pw-123456', 'plain-text-password')).toBe(false);
    expect(await verifyPassword('pw-123456', '')).toBe(false);
  });

  it('compares Unicode passwords in one normal form', async () => {
    const stored = await hashPassword('Ame\u0301lie', FAST);
    expect(await verifyPassword('Am\u00e9lie', stored)).toBe(true);
  });
});
