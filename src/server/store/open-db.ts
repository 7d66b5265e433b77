import type { Config } from '../config';
import type { DbOpenResult } from './db';
import { openPgliteDb } from './pglite-db';
import { openPostgresDb } from './postgres-db';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in the data directory. */
export const openDb = (config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<DbOpenResult> =>
  config.databaseUrl ? openPostgresDb(config.databaseUrl) : openPgliteDb(config.dataDir);
