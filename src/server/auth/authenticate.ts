import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import { actorMembershipSchema, type Actor, type ActorMembership } from '../../domain/permissions/actor';
import type { PublicUser } from '../../sync/auth-protocol';
import type { Db, Queryable } from '../store/db';
import { createUsersRepo, type User } from '../store/users-repo';
import type { Clock } from './auth-policy';
import { clearSessionCookie, readSessionToken, SESSION_COOKIE } from './session-cookie';
import { createSessions, sessionRefusal } from './sessions';
import './actor-request';

export const toPublicUser = (u: User): PublicUser => ({ id: u.id, email: u.email, name: u.name, firmRole: u.firmRole });

/** A user's live (not deleted) memberships, one per engagement, read from the synced membership records. */
export const loadMemberships = async (q: Queryable, userId: string): Promise<ActorMembership[]> => {
  if (!z.uuid().safeParse(userId).success) return [];
  const { rows } = await q.query(
    `SELECT engagement_id AS "engagementId", data ->> 'role' AS role, data ->> 'organization' AS organization
     FROM records WHERE kind = 'membership' AND NOT deleted AND data ->> 'userId' = $1 ORDER BY engagement_id, version`,
    [userId],
  );
  const byEngagement = new Map<string, ActorMembership>();
  for (const row of rows) {
    const m = actorMembershipSchema.parse(row);
    // Should two live memberships ever exist for one engagement, the older one counts.
    if (!byEngagement.has(m.engagementId)) byEngagement.set(m.engagementId, m);
  }
  return [...byEngagement.values()];
};

/**
 * The Actor every permission rule takes, for a user id: null when there is no such
 * user or the account is disabled. Use it inside a transaction to act on current data.
 */
export const loadActor = async (q: Queryable, userId: string): Promise<Actor | null> => {
  const user = await createUsersRepo(q).findById(userId);
  if (!user || user.disabled) return null;
  return { userId: user.id, firmRole: user.firmRole, memberships: await loadMemberships(q, user.id) };
};

export type AuthenticateDeps = { readonly db: Db; readonly now: Clock };

const refuse = (request: FastifyRequest, reply: FastifyReply, message: string, hadCookie: boolean) => {
  // A dead cookie is cleared so the browser stops sending it.
  if (hadCookie) clearSessionCookie(request, reply);
  return reply.code(401).header('Cache-Control', 'no-store').send({ error: message });
};

/**
 * The preHandler for every route that needs a signed-in user: loads the session from the
 * cookie and sets request.actor and request.sessionUser, or answers 401 `{error}`.
 */
export const createAuthenticate = ({ db, now }: AuthenticateDeps): preHandlerAsyncHookHandler => {
  const sessions = createSessions(now);
  return async (request, reply) => {
    const token = readSessionToken(request);
    if (token === null) return refuse(request, reply, sessionRefusal('missing'), request.headers.cookie?.includes(`${SESSION_COOKIE}=`) ?? false);
    const checked = await sessions.check(db, token);
    if (!checked.ok) return refuse(request, reply, sessionRefusal(checked.reason), true);
    request.sessionUser = toPublicUser(checked.user);
    request.actor = { userId: checked.user.id, firmRole: checked.user.firmRole, memberships: await loadMemberships(db, checked.user.id) };
  };
};

/** Declares request.actor / request.sessionUser and `app.authenticate`. Call before registering routes. */
export const registerAuthentication = (app: FastifyInstance, deps: AuthenticateDeps): void => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorate('authenticate', createAuthenticate(deps));
};
