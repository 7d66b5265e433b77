import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Actor } from '../../domain/permissions/actor';
import type { PublicUser } from '../../sync/auth-protocol';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session's user with their live memberships; set by `authenticate`, null before it ran. */
    actor: Actor | null;
    /** The session's user as the API shows it; set by `authenticate`. */
    sessionUser: PublicUser | null;
  }
  interface FastifyInstance {
    /** The preHandler that admits only requests with a live session: `{ preHandler: app.authenticate }`. */
    authenticate: preHandlerAsyncHookHandler;
  }
}

/** The actor of a route behind `authenticate`. Throws (a 500) when a route forgot the preHandler. */
export const requireActor = (request: FastifyRequest): Actor => {
  if (!request.actor) throw new Error(`${request.method} ${request.routeOptions.url ?? request.url} reads request.actor without the authenticate preHandler`);
  return request.actor;
};

export const requireSessionUser = (request: FastifyRequest): PublicUser => {
  if (!request.sessionUser) throw new Error(`${request.method} ${request.routeOptions.url ?? request.url} reads request.sessionUser without the authenticate preHandler`);
  return request.sessionUser;
};
