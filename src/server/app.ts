import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import type { Db } from './store/db';
import { registerErrorHandler } from './http/error-handler';
import { registerHealthRoute } from './http/health-route';
import { registerStaticFiles } from './http/static-files';

export type LogOption = boolean | { readonly level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };

export type AppDeps = {
  readonly db: Db;
  readonly config: Pick<Config, 'staticDir'>;
  readonly log: LogOption;
};

/** The HTTP application without listening, so tests drive it with `app.inject`. */
export const buildApp = async ({ db, config, log }: AppDeps): Promise<FastifyInstance> => {
  const app = Fastify({ logger: log === false ? false : log === true ? { level: 'info' } : { level: log.level } });
  registerErrorHandler(app);
  registerHealthRoute(app, db);
  await registerStaticFiles(app, config.staticDir);
  return app;
};
