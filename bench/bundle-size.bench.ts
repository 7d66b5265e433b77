// App-shell JS size, gzip, from a fresh production build.
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { printReport } from './bench-report';

execSync('npx vite build', { stdio: ['ignore', 'ignore', 'inherit'] });

const html = readFileSync('dist/index.html', 'utf8');
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const assets = readdirSync('dist/assets').filter((f) => f.endsWith('.js'));
const shellJs = assets.reduce((sum, f) => sum + gz(`dist/assets/${f}`), 0);
const entry = [...html.matchAll(/<script[^>]+src="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
const entryJs = entry.reduce((sum, f) => sum + gz(`dist/assets/${f}`), 0);
const css = readdirSync('dist/assets').filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gz(`dist/assets/${f}`), 0);
const kb = (n: number): number => Math.round((n / 1024) * 10) / 10;

printReport(
  'bundle-size',
  [
    { label: `App-shell JS, gzip (all ${assets.length} chunks in dist/assets)`, value: kb(shellJs), unit: 'KB', budget: '≤ 200 KB', ok: shellJs <= 200 * 1024 },
    { label: 'Entry JS loaded by index.html, gzip', value: kb(entryJs), unit: 'KB', budget: null, ok: null },
    { label: 'CSS, gzip', value: kb(css), unit: 'KB', budget: null, ok: null },
  ],
  'gzip level 9 via node:zlib over the built files.',
);
