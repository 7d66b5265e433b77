import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Db } from './store/db';
import { registerErrorHandler } from './http/error-handler';
import { registerHealthRoute } from './http/health-route';
import { registerStaticFiles } from './http/static-files';
import { registerSecurity } from './http/security';
import { registerAuthentication } from './auth/authenticate';
import { createCredentials } from './auth/credentials';
import { registerAuthRoutes } from './http/auth-routes';
import { registerInvitationRoutes } from './http/invitation-routes';
import { registerTeamRoutes } from './http/team-routes';
import { registerSyncRoutes } from './http/sync-routes';

export type LogOption = boolean | { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };

export type AppDeps = {
  readonly db: Db;
  readonly config: Pick<Config, 'staticDir'> & Partial<Pick<Config, 'trustProxy'>>;
  readonly log: LogOption;
  /** The clock of sessions, invitations and rate limits; tests move it. */
  readonly now?: () => Date;
};

/** The HTTP application without listening, so tests drive it with `app.inject`. */
export const buildApp = async ({ db, config, log, now = () => new Date() }: AppDeps): Promise<FastifyInstance> => {
  const app = Fastify({ trustProxy: config.trustProxy ?? false, logger: log === false ? false : log === true ? { level: 'info' } : { level: log.level } });
  registerErrorHandler(app);
  // Before every route, so the headers and the CSRF check cover them all.
  await registerSecurity(app);
  registerAuthentication(app, { db, now });
  const credentials = createCredentials({ db, now });
  registerAuthRoutes(app, { db, now, credentials });
  registerInvitationRoutes(app, { db, now, credentials });
  registerTeamRoutes(app, { db, now });
  registerSyncRoutes(app, { db, now });
  registerHealthRoute(app, db);
  await registerStaticFiles(app, config.staticDir);
  return app;
};
