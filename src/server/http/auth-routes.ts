import type { FastifyInstance } from 'fastify';
import { signInRequestSchema, type MeResponse } from '../../sync/auth-protocol';
import { AUTH_POLICY, type Clock } from '../auth/auth-policy';
import { loadMemberships, toPublicUser } from '../auth/authenticate';
import { requireActor, requireSessionUser } from '../auth/actor-request';
import type { Credentials } from '../auth/credentials';
import { refusal, sendRefusal } from '../auth/refusal';
import { parseInput } from '../auth/request-input';
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../auth/session-cookie';
import { createSessions } from '../auth/sessions';
import type { Db } from '../store/db';

export const WRONG_CREDENTIALS = 'Wrong e-mail or password';

export type AuthRoutesDeps = { readonly db: Db; readonly now: Clock; readonly credentials: Credentials };

const minutes = (seconds: number): string => {
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
};

/** Sign-in, sign-out and who-am-I. */
export const registerAuthRoutes = (app: FastifyInstance, { db, now, credentials }: AuthRoutesDeps): void => {
  const sessions = createSessions(now);
  const bodyLimit = AUTH_POLICY.bodyLimitBytes;

  app.post('/api/auth/sign-in', { bodyLimit }, async (request, reply) => {
    const input = parseInput(signInRequestSchema, request.body, 'body');
    if (!input.ok) return sendRefusal(reply, input);
    const checked = await credentials.check({ ...input.data, ip: request.ip });
    if (!checked.ok) {
      switch (checked.code) {
        case 'rate_limited':
          return sendRefusal(reply, refusal(429, `Too many failed sign-ins: try again in ${minutes(checked.retryAfterSeconds)}`, { retryAfterSeconds: checked.retryAfterSeconds }));
        case 'wrong_credentials':
          return sendRefusal(reply, refusal(401, WRONG_CREDENTIALS));
      }
    }
    const started = await sessions.start(db, checked.user.id, request.headers['user-agent'] ?? null);
    setSessionCookie(request, reply, started.token);
    const me: MeResponse = { user: toPublicUser(checked.user), memberships: await loadMemberships(db, checked.user.id) };
    return reply.header('Cache-Control', 'no-store').send(me);
  });

  // Idempotent: signing out without (or with a dead) session still clears the cookie.
  app.post('/api/auth/sign-out', { bodyLimit }, async (request, reply) => {
    const token = readSessionToken(request);
    if (token !== null) await sessions.end(db, token);
    clearSessionCookie(request, reply);
    return reply.code(204).header('Cache-Control', 'no-store').send();
  });

  app.get('/api/auth/me', { preHandler: app.authenticate }, async (request, reply) => {
    const me: MeResponse = { user: requireSessionUser(request), memberships: requireActor(request).memberships };
    return reply.header('Cache-Control', 'no-store').send(me);
  });
};
