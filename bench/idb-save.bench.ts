/**
 * Budget (DESIGN.md): saving a sample result — tap → stored with its outbox entry — with
 * 15k samples stored, median ≤ 16 ms. Runs runMutation('recordResult') on the real
 * IndexedDB store in Chromium. Last stdout line: one JSON object for BENCHMARKS.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium-path';
import { median, percentile, printReport, type BenchFigure } from './bench-report';
import { idbSaveOutcomeSchema } from './browser/idb-save-outcome';

const BUDGET_MS = 16;
const CONTROLS = 250;
const SAMPLES_PER_CONTROL = 60;
const SAVES = 300;
const WARMUP = 20;
const PAGE_TIMEOUT_MS = 300_000;

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

const round2 = (n: number): number => Math.round(n * 100) / 100;

const startServer = async (): Promise<ViteDevServer> => {
  const server = await createServer({
    // The app's own vite config (PWA, React) has nothing to do with this page.
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    cacheDir: join(projectRoot, 'node_modules/.vite/bench-idb-save'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    // Found up front, so Vite does not reload the page halfway to optimise a late dependency.
    optimizeDeps: { entries: ['bench/browser/idb-save.html'], include: ['idb', 'uuid', 'zod'] },
  });
  await server.listen();
  return server;
};

const runInChromium = async (baseUrl: string, profileDir: string) => {
  let context: BrowserContext | undefined;
  try {
    // A persistent profile: Playwright's default contexts are incognito, whose IndexedDB
    // lives in memory and would flatter the figures.
    context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`[page console] ${m.text()}`);
    });
    const query = new URLSearchParams({ controls: String(CONTROLS), samplesPerControl: String(SAMPLES_PER_CONTROL), saves: String(SAVES), warmup: String(WARMUP) });
    await page.goto(new URL(`/bench/browser/idb-save.html?${query}`, baseUrl).href);
    await page.waitForFunction(() => window.__benchResult !== undefined, null, { timeout: PAGE_TIMEOUT_MS, polling: 250 });
    return idbSaveOutcomeSchema.parse(await page.evaluate(() => window.__benchResult));
  } finally {
    await context?.close();
  }
};

const main = async (): Promise<void> => {
  let server: ViteDevServer | undefined;
  const profileDir = await mkdtemp(join(tmpdir(), 'tickmark-bench-profile-'));
  try {
    server = await startServer();
    const baseUrl = server.resolvedUrls?.local[0];
    if (!baseUrl) throw new Error('the Vite dev server reported no local URL');
    const outcome = await runInChromium(baseUrl, profileDir);
    if (!outcome.ok) throw new Error(`the benchmark page failed: ${outcome.error}`);
    if (outcome.outboxAfter !== outcome.warmup + outcome.savesMs.length) {
      throw new Error(`expected ${outcome.warmup + outcome.savesMs.length} outbox entries after the run, found ${outcome.outboxAfter}`);
    }

    const times = outcome.savesMs;
    const at = `${Math.round(outcome.storedSamples / 1000)}k stored samples`;
    const med = round2(median(times));
    const figures: BenchFigure[] = [
      { label: `Save one result + outbox entry at ${at} (median)`, value: med, unit: 'ms', budget: `≤ ${BUDGET_MS} ms`, ok: med <= BUDGET_MS },
      { label: `Save one result + outbox entry at ${at} (p95)`, value: round2(percentile(times, 0.95)), unit: 'ms', budget: null, ok: null },
      { label: `Save one result + outbox entry at ${at} (max)`, value: round2(Math.max(...times)), unit: 'ms', budget: null, ok: null },
    ];
    const notes =
      `runMutation('recordResult') on the IndexedDB store in Chromium with an on-disk profile: ${times.length} timed saves ` +
      `(3 in 4 a new result, 1 in 4 re-marking a tested sample) after ${outcome.warmup} untimed warm-up saves; ` +
      `${outcome.storedRecords} records seeded first (${outcome.storedSamples} samples with their controls, procedures, ` +
      `populations, items and results for half) in ${Math.round(outcome.seedMs)} ms; transaction durability ${outcome.durability}.`;
    console.error(`idb-save: ${notes}`);
    // Printed last, after everything is closed, so nothing can follow it on stdout.
    await server.close();
    server = undefined;
    printReport('idb-save', figures, notes);
  } finally {
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  }
};

main().catch((e: unknown) => {
  console.error(`idb-save benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
