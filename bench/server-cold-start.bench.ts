// Server cold start to healthy on PGlite: a new process, spawn → first 200 from /api/health.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, printReport } from './bench-report';
import { freePort } from '../tests/integration/server-process';

const RUNS = 5;

const startOnce = async (dataDir: string): Promise<number> => {
  const PORT = await freePort();
  const t0 = performance.now();
  // One process (no npx/tsx wrapper), so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(PORT), TICKMARK_DATA_DIR: dataDir, NODE_ENV: 'development', TICKMARK_DEMO_PASSWORD: 'bench-password-1', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (performance.now() - t0 > 60_000) throw new Error('server not healthy within 60 s');
      const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then((r) => r.ok, () => false);
      if (ok) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
};

const fresh: number[] = [];
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'tickmark-bench-'));
  try {
    fresh.push(await startOnce(dir));
    warm.push(await startOnce(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (n: number): number => Math.round(n);
printReport(
  'server-cold-start',
  [
    { label: `Cold start to healthy, fresh data dir (migrations + demo seed), median of ${RUNS}`, value: ms(median(fresh)), unit: 'ms', budget: null, ok: null },
    { label: `Cold start to healthy, existing data dir, median of ${RUNS}`, value: ms(median(warm)), unit: 'ms', budget: null, ok: null },
  ],
  'Measured from process spawn (node --import tsx src/server/main.ts) to the first 200 from GET /api/health, polling every 20 ms.',
);
