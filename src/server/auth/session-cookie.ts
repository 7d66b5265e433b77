import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_POLICY } from './auth-policy';
import { OPAQUE_TOKEN_PATTERN } from './session-token';

export const SESSION_COOKIE = 'tickmark_session';

/** The session token from the Cookie header, or null when there is none that looks like one. */
export const readSessionToken = (request: FastifyRequest): string | null => {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (OPAQUE_TOKEN_PATTERN.test(value)) return value;
  }
  return null;
};

const attributes = (request: FastifyRequest, maxAgeSeconds: number): string =>
  `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${request.protocol === 'https' ? '; Secure' : ''}`;

export const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, token: string): void => {
  reply.header('Set-Cookie', `${SESSION_COOKIE}=${token}; ${attributes(request, Math.floor(AUTH_POLICY.sessionAbsoluteMs / 1000))}`);
};

export const clearSessionCookie = (request: FastifyRequest, reply: FastifyReply): void => {
  reply.header('Set-Cookie', `${SESSION_COOKIE}=; ${attributes(request, 0)}`);
};
