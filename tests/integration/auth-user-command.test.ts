import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUserCommand } from '../../src/server/cli/user-command-actions';
import { verifyPassword } from '../../src/server/auth/password';
import { createUsersRepo } from '../../src/server/store/users-repo';
import { openAuthApp, PASSWORD, type AuthApp } from './auth-harness';
import { REPO_ROOT } from './server-process';
import { TEST_DBS } from './test-dbs';

const NEW_PASSWORD = 'another long passphrase';

describe.each(TEST_DBS)('user command on $name', (target) => {
  let a: AuthApp;
  beforeAll(async () => {
    a = await openAuthApp(target);
  });
  afterAll(async () => {
    await a?.close();
  });

  it('creates a user (a firm admin with --admin) who can sign in; refuses a taken e-mail', async () => {
    const created = await runUserCommand(a.t.db, { command: 'create', email: 'ops@example.test', name: 'Ops Admin', admin: true }, NEW_PASSWORD);
    expect(created).toEqual({ ok: true, message: 'Created ops@example.test (Ops Admin) as a firm admin.' });
    const signIn = await a.call('POST', '/api/auth/sign-in', { payload: { email: 'ops@example.test', password: NEW_PASSWORD }, ip: '10.4.0.1' });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ user: { firmRole: 'admin' }, memberships: [] });
    expect(await runUserCommand(a.t.db, { command: 'create', email: 'ops@example.test', name: 'Again', admin: false }, NEW_PASSWORD)).toEqual({
      ok: false,
      message: 'A user with the e-mail ops@example.test already exists',
    });
  });

  it('resets a password and signs out every session of that user', async () => {
    const cookie = await a.signIn('auditor');
    const r = await runUserCommand(a.t.db, { command: 'reset-password', email: 'auditor@demo.test' }, NEW_PASSWORD, a.clock.now());
    expect(r).toEqual({ ok: true, message: expect.stringMatching(/^Password of auditor@demo.test changed; \d+ session\(s\) signed out\.$/) });
    expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    const user = await createUsersRepo(a.t.db).findByEmail('auditor@demo.test');
    expect(await verifyPassword(NEW_PASSWORD, user?.passwordHash ?? '')).toBe(true);
    expect(await verifyPassword(PASSWORD, user?.passwordHash ?? '')).toBe(false);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const cookie = await a.signIn('client');
    const r = await runUserCommand(a.t.db, { command: 'disable', email: 'client@demo.test' }, null, a.clock.now());
    expect(r).toEqual({ ok: true, message: 'Disabled client@demo.test; 1 session(s) signed out.' });
    expect((await a.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    expect((await a.call('POST', '/api/auth/sign-in', { payload: { email: 'client@demo.test', password: PASSWORD }, ip: '10.4.0.2' })).statusCode).toBe(401);
  });

  it('says so when there is no such user', async () => {
    expect(await runUserCommand(a.t.db, { command: 'disable', email: 'ghost@example.test' }, null)).toEqual({ ok: false, message: 'No user with the e-mail ghost@example.test' });
    expect(await runUserCommand(a.t.db, { command: 'reset-password', email: 'ghost@example.test' }, NEW_PASSWORD)).toEqual({ ok: false, message: 'No user with the e-mail ghost@example.test' });
  });
});

describe('npm run user (the process)', () => {
  const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tickmark-user-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const { DATABASE_URL: _db, TICKMARK_NEW_PASSWORD: _pw, ...inherited } = process.env;
      execFile(TSX, ['src/server/cli/user-command.ts', ...args], { cwd: REPO_ROOT, env: { ...inherited, TICKMARK_DATA_DIR: dataDir, ...env } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });

  it('creates a user in the PGlite data directory, then refuses bad usage, a short password and an unknown user with distinct exit codes', async () => {
    const created = await run(['create', '--email', 'first@example.test', '--name', 'First Admin', '--admin'], { TICKMARK_NEW_PASSWORD: NEW_PASSWORD });
    expect(created).toMatchObject({ code: 0, stdout: 'Created first@example.test (First Admin) as a firm admin.\n' });

    const short = await run(['reset-password', '--email', 'first@example.test'], { TICKMARK_NEW_PASSWORD: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('Password refused: Use at least 12 characters. Nothing was changed.');

    const noPassword = await run(['create', '--email', 'b@example.test', '--name', 'B']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('set TICKMARK_NEW_PASSWORD');

    const usage = await run(['frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Unknown command 'frobnicate'");
    expect(usage.stderr).toContain('Usage:');

    const ghost = await run(['disable', '--email', 'ghost@example.test']);
    expect(ghost).toMatchObject({ code: 1, stderr: 'No user with the e-mail ghost@example.test\n' });

    const disabled = await run(['disable', '--email', 'first@example.test']);
    expect(disabled).toMatchObject({ code: 0, stdout: 'Disabled first@example.test; 0 session(s) signed out.\n' });
  }, 60_000);
});
