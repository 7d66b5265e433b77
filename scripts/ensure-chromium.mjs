// Finds a Chromium for the browser tests, installing Debian's package when we can.
// Never downloads Playwright's own browser in CI: the network there reaches only
// the npm registry and Debian's packages.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** @returns {{ ok: true, path: string } | { ok: false, message: string }} */
export const ensureChromium = () => {
  const wanted = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
  if (existsSync(wanted)) return { ok: true, path: wanted };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    console.log('Chromium not found: installing Debian’s chromium package…');
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    } catch {
      return { ok: false, message: 'apt-get install chromium failed; install Chromium and set CHROMIUM_PATH.' };
    }
    if (existsSync(DEBIAN_CHROMIUM)) return { ok: true, path: DEBIAN_CHROMIUM };
  }
  if (process.env.CI) {
    return { ok: false, message: `No Chromium at ${wanted} and it cannot be installed here (not root with apt-get). Install Debian's chromium package or set CHROMIUM_PATH.` };
  }
  console.log('Chromium not found: trying Playwright’s installer…');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (r.status === 0) {
    try {
      const path = execSync(`node -e "import('playwright').then(p=>console.log(p.chromium.executablePath()))"`, { encoding: 'utf8' }).trim();
      if (path && existsSync(path)) return { ok: true, path };
    } catch {
      // fall through to the message below
    }
  }
  return { ok: false, message: 'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH to its executable.' };
};
