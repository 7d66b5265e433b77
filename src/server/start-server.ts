import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { buildApp, type LogOption } from './app';
import type { Db } from './store/db';
import { errorText } from './store/db';
import { migrate } from './store/migrate';
import { openDb } from './store/open-db';
import { seedDemoData, type DemoSeedOutcome } from './seed/demo-seed';

export type RunningServer = {
  readonly ok: true;
  /** http://localhost:PORT for a wildcard host, else http://HOST:PORT (the port actually bound, also when config.port is 0). */
  readonly url: string;
  readonly port: number;
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly seed: DemoSeedOutcome;
  /** False when staticDir has no index.html: only the API is served until the app is built. */
  readonly webAppBuilt: boolean;
  /** Stops accepting requests, finishes the ones in flight, then closes the database. */
  readonly close: () => Promise<void>;
};

export type StartServerResult = RunningServer | { readonly ok: false; readonly stage: 'database' | 'migrate' | 'seed' | 'listen'; readonly message: string };

export type StartServerOptions = { readonly log?: LogOption };

/** A wildcard address is reachable as localhost; a specific one only as itself. */
const urlHost = (host: string): string => {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
};

const listenError = (config: Config, e: unknown): string => {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  const where = `${config.host}:${config.port}`;
  if (code === 'EADDRINUSE') return `Cannot listen on ${where}: the port is already in use — stop the other server or set PORT.`;
  if (code === 'EACCES') return `Cannot listen on ${where}: permission denied — use a PORT above 1023.`;
  return `Cannot listen on ${where}: ${errorText(e)}`;
};

/**
 * Opens the database, migrates it, seeds the demo firm when appropriate and listens.
 * Every failure on the way comes back as a readable message with the stage it hit,
 * and whatever was already opened is closed again.
 */
export const startServer = async (config: Config, options: StartServerOptions = {}): Promise<StartServerResult> => {
  const opened = await openDb(config);
  if (!opened.ok) return { ok: false, stage: 'database', message: opened.message };
  const db = opened.db;
  const fail = async (stage: 'migrate' | 'seed' | 'listen', message: string): Promise<StartServerResult> => {
    await db.close().catch(() => undefined);
    return { ok: false, stage, message };
  };

  const migrated = await migrate(db);
  if (!migrated.ok) return fail('migrate', migrated.message);

  let seed: DemoSeedOutcome;
  try {
    seed = await seedDemoData(db, { nodeEnv: config.nodeEnv, password: config.demoPassword });
  } catch (e) {
    return fail('seed', `Seeding the demo data failed: ${errorText(e)}`);
  }

  const app = await buildApp({ db, config, log: options.log ?? { level: 'warn' } });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app.close().catch(() => undefined);
    return fail('listen', listenError(config, e));
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      try {
        await app.close();
      } finally {
        await db.close();
      }
    })();
    return closing;
  };
  const webAppBuilt = existsSync(join(resolve(config.staticDir), 'index.html'));
  return { ok: true, url: `http://${urlHost(config.host)}:${port}`, port, db, app, seed, webAppBuilt, close };
};
