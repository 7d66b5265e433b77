// Starts the real server as its own process, so load from the bench does not share its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tests/integration/server-process';

export type BenchServer = { readonly url: string; readonly child: ChildProcess; readonly stop: () => Promise<void> };

export const startBenchServer = async (env: Record<string, string> = {}): Promise<BenchServer> => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tickmark-bench-'));
  const url = `http://127.0.0.1:${port}`;
  // One process (no npx/tsx wrapper), so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TICKMARK_DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() - t0 > 90_000) {
      await stop();
      throw new Error('server not healthy within 90 s');
    }
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child, stop };
    await new Promise((r) => setTimeout(r, 50));
  }
};
