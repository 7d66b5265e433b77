import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/server/config';
import { startServer } from '../../src/server/start-server';
import { makeFakeDist, type FakeDist } from '../fixtures/fake-dist';
import { TEST_DBS } from './test-dbs';

let dist: FakeDist;
let scratch: string;
beforeAll(() => {
  dist = makeFakeDist();
  scratch = mkdtempSync(join(tmpdir(), 'tickmark-start-'));
});
afterAll(() => {
  dist.remove();
  rmSync(scratch, { recursive: true, force: true });
});

const configFor = (overrides: Partial<Config>): Config => ({
  port: 0,
  host: '127.0.0.1',
  dataDir: join(scratch, 'data'),
  databaseUrl: undefined,
  trustProxy: false,
  nodeEnv: 'production',
  demoPassword: undefined,
  staticDir: dist.dir,
  ...overrides,
});

describe.each(TEST_DBS)('startServer on $name', (target) => {
  it('listens on a free port, answers health, and closes the database on close()', { timeout: 60_000 }, async () => {
    const t = target.name === 'postgres' ? await target.open() : null;
    const config = configFor({ databaseUrl: t?.databaseUrl ?? undefined, dataDir: join(scratch, `data-${target.name}`) });
    try {
      const server = await startServer(config, { log: false });
      if (!server.ok) throw new Error(server.message);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      expect(server.seed).toEqual({ seeded: false, reason: 'production' });
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ ok: true, db: target.name });

      // The port is taken now: a second server must say so, and give its database back.
      const clash = await startServer({ ...config, port: server.port, dataDir: join(scratch, `clash-${target.name}`) }, { log: false });
      expect(clash).toEqual({ ok: false, stage: 'listen', message: `Cannot listen on 127.0.0.1:${server.port}: the port is already in use — stop the other server or set PORT.` });

      await server.close();
      await server.close();
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();

      // Everything was released: the same data opens again.
      const reopened = await startServer(config, { log: false });
      expect(reopened.ok).toBe(true);
      if (reopened.ok) await reopened.close();
      const clashAgain = await startServer({ ...config, dataDir: join(scratch, `clash-${target.name}`) }, { log: false });
      expect(clashAgain.ok).toBe(true);
      if (clashAgain.ok) await clashAgain.close();
    } finally {
      await t?.dispose();
    }
  });
});

describe('startServer failures', () => {
  it('reports an unreachable PostgreSQL without the password', async () => {
    const r = await startServer(configFor({ databaseUrl: 'postgres://tickmark:s3cret@127.0.0.1:1/nowhere' }), { log: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.stage).toBe('database');
    expect(r.message).toMatch(/^Cannot connect to PostgreSQL at postgres:\/\/tickmark@127\.0\.0\.1:1\/nowhere: .+ — check DATABASE_URL\.$/);
    expect(r.message).not.toContain('s3cret');
  });
});
