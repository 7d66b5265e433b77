import { parseConfig } from './config';
import { formatDemoBanner } from './seed/demo-banner';
import { startServer } from './start-server';

/** Composition root: `npm run serve` / `npm start`. */
const main = async (): Promise<number | null> => {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    return 1;
  }
  const { config } = parsed;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`Tickmark: starting with ${where}…`);

  const server = await startServer(config);
  if (!server.ok) {
    console.error(server.message);
    return 1;
  }
  if (server.seed.seeded) console.log(formatDemoBanner(server.seed));
  if (!server.webAppBuilt) console.warn(`Tickmark: no built web app in ${config.staticDir} (run \`npm run build\`, or \`npm start\`): serving the API only.`);
  console.log(`Tickmark listening on ${server.url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`Tickmark: ${signal} received, closing…`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`Tickmark: error while closing: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return null;
};

main().then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (e: unknown) => {
    console.error(`Tickmark failed to start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
