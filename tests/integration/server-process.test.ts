import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFakeDist, type FakeDist } from '../fixtures/fake-dist';
import { freePort, startServerProcess, type ServerProcess } from './server-process';
import { TEST_DBS } from './test-dbs';

const LISTENING = /Tickmark listening on (http:\/\/localhost:\d+)/;
const STACK_LINE = /\n\s+at .+\(.+:\d+:\d+\)/;

let dist: FakeDist;
let scratch: string;
const running: ServerProcess[] = [];
const start = (env: Record<string, string>) => {
  const p = startServerProcess({ TICKMARK_STATIC_DIR: dist.dir, ...env });
  running.push(p);
  return p;
};

beforeAll(() => {
  dist = makeFakeDist();
  scratch = mkdtempSync(join(tmpdir(), 'tickmark-proc-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
});
afterAll(() => {
  dist.remove();
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(TEST_DBS)('the server process on $name', (target) => {
  it('starts, seeds the demo firm once, answers health and static files, and stops cleanly on SIGTERM', { timeout: 120_000 }, async () => {
    const t = target.name === 'postgres' ? await target.open() : null;
    const dataDir = join(scratch, `data-${target.name}`);
    const dbEnv: Record<string, string> = t?.databaseUrl ? { DATABASE_URL: t.databaseUrl } : { TICKMARK_DATA_DIR: dataDir };
    try {
      const port = await freePort();
      const server = start({ PORT: String(port), ...dbEnv });
      const [, url] = await server.waitForOutput(LISTENING);
      expect(url).toBe(`http://localhost:${port}`);
      for (const email of ['manager@demo.test', 'auditor@demo.test', 'client@demo.test', 'client@other.test']) expect(server.stdout()).toContain(email);
      const password = /Password \(all four\): (\S+)/.exec(server.stdout())?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

      const health = await fetch(`${url}/api/health`);
      expect(await health.json()).toEqual({ ok: true, db: target.name });
      const asset = await fetch(`${url}/assets/index-B9x2kQ4a.js`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const page = await fetch(`${url}/engagements`);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('Tickmark (fake build)');

      expect(await server.stop('SIGTERM')).toBe(0);
      expect(server.stdout()).toContain('SIGTERM received, closing');
      if (!t) expect(existsSync(join(dataDir, 'tickmark.pid'))).toBe(false);

      const again = start({ PORT: String(await freePort()), ...dbEnv });
      const [, url2] = await again.waitForOutput(LISTENING);
      expect(again.stdout()).not.toContain('Demo data seeded');
      expect(await (await fetch(`${url2}/api/health`)).json()).toEqual({ ok: true, db: target.name });

      if (!t) {
        const second = start({ PORT: String(await freePort()), ...dbEnv });
        expect(await second.exited).toBe(1);
        expect(second.stderr()).toMatch(/Another Tickmark server \(pid \d+\) is using the database in /);
      }
      expect(await again.stop('SIGINT')).toBe(0);

      if (!t) {
        // A real database whose control file was overwritten: PGlite aborts inside WebAssembly.
        const corrupt = join(scratch, 'data-corrupt');
        cpSync(dataDir, corrupt, { recursive: true });
        writeFileSync(join(corrupt, 'global', 'pg_control'), 'garbage');
        const broken = start({ PORT: String(await freePort()), TICKMARK_DATA_DIR: corrupt });
        expect(await broken.exited).toBe(1);
        expect(broken.stderr()).toContain(`Cannot open the database in ${corrupt}: it does not hold a readable database (PGlite aborted while reading it) — move it aside or set TICKMARK_DATA_DIR`);
        expect(broken.stderr()).not.toMatch(STACK_LINE);
      }
    } finally {
      await t?.dispose();
    }
  });
});

describe('the server process refusing to start', () => {
  it('exits 1 with a readable message when a file is where the data directory should be', { timeout: 60_000 }, async () => {
    const path = join(scratch, 'data-is-a-file');
    writeFileSync(path, 'not a database');
    const server = start({ PORT: String(await freePort()), TICKMARK_DATA_DIR: path });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain(`Cannot open the database in ${path}: it is a file, not a directory — move it aside or set TICKMARK_DATA_DIR`);
    expect(server.stderr()).not.toMatch(STACK_LINE);
  });

  it('exits 1 with a readable message when the data directory holds garbage', { timeout: 60_000 }, async () => {
    const path = join(scratch, 'data-garbage');
    mkdirSync(join(path, 'global'), { recursive: true });
    writeFileSync(join(path, 'PG_VERSION'), 'garbage\n');
    writeFileSync(join(path, 'global', 'pg_control'), 'garbage');
    const server = start({ PORT: String(await freePort()), TICKMARK_DATA_DIR: path });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toMatch(new RegExp(`Cannot open the database in ${path.replace(/[/.]/g, '\\$&')}: .+ — move it aside or set TICKMARK_DATA_DIR`));
    expect(server.stderr()).not.toMatch(STACK_LINE);
    expect(server.stdout()).not.toMatch(/listening/);
  });

  it('exits 1 naming a bad environment variable', { timeout: 60_000 }, async () => {
    const server = start({ PORT: 'abc' });
    expect(await server.exited).toBe(1);
    expect(server.stderr().trim()).toBe("Invalid configuration: PORT: expected an integer between 1 and 65535, got 'abc'");
  });
});
