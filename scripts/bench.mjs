// `npm run bench`: runs every bench/*.bench.ts, each printing one JSON line last,
// and rewrites BENCHMARKS.md with the figures and the machine they ran on.
import { execSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results = [];
let failed = false;
for (const file of files) {
  console.log(`\n── bench/${file}`);
  const r = spawnSync('npx', ['tsx', `bench/${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    if (r.status !== 0) throw new Error(`exit ${r.status}`);
    results.push(JSON.parse(last));
  } catch (e) {
    failed = true;
    results.push({ name: file, error: String(e), figures: [] });
  }
}

const sh = (cmd) => {
  try {
    return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const machine = [
  `- Date: ${new Date().toISOString()}`,
  `- CPU: ${cpu}, ${os.cpus().length} cores; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
  `- Node ${process.version}; ${sh('/usr/bin/chromium --version')}; PostgreSQL ${sh("psql --version | awk '{print $3}'")}`,
].join('\n');

const fmt = (v, unit) => (typeof v === 'number' ? `${Number.isInteger(v) ? v : v.toFixed(2)} ${unit}` : String(v));
const verdict = (ok) => (ok === true ? 'within budget' : ok === false ? '**over budget**' : '—');
const sections = results.map((r) => {
  if (r.error) return `### ${r.name}\n\nFailed to run: ${r.error}\n`;
  const rows = r.figures.map((f) => `| ${f.label} | ${fmt(f.value, f.unit)} | ${f.budget ?? '—'} | ${verdict(f.ok)} |`);
  const notes = r.notes ? `\n${r.notes}\n` : '';
  return `### ${r.name}\n\n| what | measured | budget | verdict |\n|---|---|---|---|\n${rows.join('\n')}\n${notes}`;
});

const doc = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.mjs runs every \`bench/*.bench.ts\`). Figures are
from one run on the machine below; rerun to refresh. Budgets are DESIGN.md's.

## Machine

${machine}

## Results

${sections.join('\n')}`;
if (only.length === 0) writeFileSync('BENCHMARKS.md', doc);
else console.log(`\n(partial run: BENCHMARKS.md left as it is)\n\n${doc}`);
process.exit(failed ? 1 : 0);
