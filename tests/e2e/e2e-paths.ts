import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temp folder per Playwright run, holding its build and its database. Playwright loads
 * the config in the runner and again in every worker; workers inherit the runner's
 * environment, so the folder chosen first is the one everybody sees.
 */
export const e2eRunDir = (): string => {
  process.env.TICKMARK_E2E_RUN_DIR ??= join(tmpdir(), `tickmark-e2e-${process.pid}-${Date.now()}`);
  return process.env.TICKMARK_E2E_RUN_DIR;
};

/** Built apart from ./dist so a concurrent `vite build` cannot swap files under the tests. */
export const e2eStaticDir = (): string => join(e2eRunDir(), 'dist');

export const e2eDataDir = (): string => join(e2eRunDir(), 'data');
