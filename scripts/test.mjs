// `npm test`: every layer, one summary. Each runner writes a JSON report; the last
// line printed is the plain `N passed, N failed[, N skipped]` summed over them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';

const OUT = 'test-results';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

const run = (label, cmd, args, env = {}) => {
  console.log(`\n── ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
};

/** A check without its own test count (types, lint) counts as one test. */
const check = (label, cmd, args) => {
  if (run(label, cmd, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
};

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

const chromium = ensureChromium();
const browserEnv = chromium.ok ? { CHROMIUM_PATH: chromium.path } : {};
if (!chromium.ok) console.error(`\n${chromium.message}\n`);

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);

const vitestProjects = ['--project', 'unit', '--project', 'integration'];
if (chromium.ok) vitestProjects.push('--project', 'browser');
const vitestOk = run('vitest', 'npx', ['vitest', 'run', ...vitestProjects, '--reporter=default', '--reporter=json', `--outputFile=${OUT}/vitest.json`], browserEnv);
const vitest = readJson(`${OUT}/vitest.json`);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (!vitestOk && vitest.numFailedTests === 0) {
    // A suite that failed to load (or an unhandled error) has no failed test to count.
    totals.failed += 1;
    failures.push('vitest (suite error)');
  } else if (!vitestOk) failures.push('vitest');
} else {
  totals.failed += 1;
  failures.push('vitest (no report)');
}

if (chromium.ok) {
  const e2eOk = run('playwright', 'npx', ['playwright', 'test'], { ...browserEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: `${OUT}/playwright.json` });
  const pw = readJson(`${OUT}/playwright.json`);
  if (pw?.stats) {
    totals.passed += pw.stats.expected + (pw.stats.flaky ?? 0);
    totals.failed += pw.stats.unexpected;
    totals.skipped += pw.stats.skipped;
    if (!e2eOk) {
      if (pw.stats.unexpected === 0) totals.failed += 1;
      failures.push('playwright');
    }
  } else {
    totals.failed += 1;
    failures.push('playwright (no report)');
  }
} else {
  totals.failed += 1;
  failures.push('browser tests (no Chromium)');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(`${OUT}/summary.txt`, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failures.length === 0 && existsSync(`${OUT}/summary.txt`) ? 0 : 1);
