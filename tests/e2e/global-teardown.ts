import { rm } from 'node:fs/promises';
import { e2eRunDir } from './e2e-paths';

/** Removes this run's build and database (see playwright.config.ts). */
const removeRunDir = async (): Promise<void> => {
  await rm(e2eRunDir(), { recursive: true, force: true });
};

// eslint-disable-next-line no-restricted-syntax -- Playwright loads a global teardown's default export.
export default removeRunDir;
