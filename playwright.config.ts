import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium-path.ts';
import { DEMO_PASSWORD } from './tests/e2e/e2e-accounts.ts';
import { e2eDataDir, e2eStaticDir } from './tests/e2e/e2e-paths.ts';

const PORT = Number(process.env.TICKMARK_E2E_PORT ?? 4319);

export default defineConfig({
  testDir: 'tests/e2e',
  // Not the default test-results/: `npm test` keeps its reports there and Playwright empties its outputDir.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  globalTeardown: './tests/e2e/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The real server over a real production build: service worker, cache headers, SPA fallback.
    // NODE_ENV=test below is for the server; Vite would make a development build under it.
    command: `NODE_ENV=production npm run build -- --outDir "${e2eStaticDir()}" --emptyOutDir && npx tsx src/server/main.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      TICKMARK_DATA_DIR: e2eDataDir(),
      TICKMARK_STATIC_DIR: e2eStaticDir(),
      TICKMARK_DEMO_PASSWORD: DEMO_PASSWORD,
      // Always the embedded database: CI's DATABASE_URL belongs to the integration tests.
      DATABASE_URL: '',
    },
  },
});
