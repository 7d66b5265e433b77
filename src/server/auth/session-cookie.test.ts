import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, readSessionToken, SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { newOpaqueToken } from './session-token';

const fakeReply = () => {
  const headers: Record<string, string> = {};
  const reply = { header: (k: string, v: string) => ((headers[k.toLowerCase()] = v), reply) };
  return { reply: reply as unknown as FastifyReply, headers };
};
const req = (protocol: 'http' | 'https', cookie?: string) => ({ protocol, headers: cookie === undefined ? {} : { cookie } }) as unknown as FastifyRequest;

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, Path=/, 14 days, and not Secure over http', () => {
    const { reply, headers } = fakeReply();
    setSessionCookie(req('http'), reply, 'tok');
    expect(headers['set-cookie']).toBe(`${SESSION_COOKIE}=tok; Path=/; HttpOnly; SameSite=Lax; Max-Age=1209600`);
  });

  it('is Secure when the request came over https', () => {
    const { reply, headers } = fakeReply();
    setSessionCookie(req('https'), reply, 'tok');
    expect(headers['set-cookie']).toMatch(/; Secure$/);
    clearSessionCookie(req('https'), reply);
    expect(headers['set-cookie']).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure`);
  });

  it('reads the token among other cookies and ignores values that cannot be a token', () => {
    const token = newOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readSessionToken(req('http', `a=1; ${SESSION_COOKIE}=${token}; b=2`))).toBe(token);
    expect(readSessionToken(req('http', `${SESSION_COOKIE}=short`))).toBeNull();
    expect(readSessionToken(req('http', `x${SESSION_COOKIE}=${token}`))).toBeNull();
    expect(readSessionToken(req('http'))).toBeNull();
  });
});
