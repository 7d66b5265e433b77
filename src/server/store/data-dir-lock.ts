import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'tickmark.pid';

export type DataDirLock = { readonly release: () => void };
export type DataDirLockResult = { readonly ok: true; readonly lock: DataDirLock } | { readonly ok: false; readonly message: string };

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return typeof e === 'object' && e !== null && 'code' in e && e.code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: two servers on one data directory would corrupt it.
 * A pid file taken with O_EXCL keeps the second one out; a pid file left by a crashed
 * server (its process is gone) is taken over.
 */
export const lockDataDir = (dir: string, shownAs: string): DataDirLockResult => {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { ok: true, lock: { release: () => rmSync(file, { force: true }) } };
    } catch (e) {
      if (!(typeof e === 'object' && e !== null && 'code' in e && e.code === 'EEXIST')) {
        return { ok: false, message: `Cannot lock ${shownAs}: ${e instanceof Error ? e.message : String(e)}` };
      }
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        return { ok: false, message: `Another Tickmark server (pid ${pid}) is using the database in ${shownAs}. Stop it first, or set TICKMARK_DATA_DIR to another directory.` };
      }
      rmSync(file, { force: true });
    }
  }
  return { ok: false, message: `Cannot lock ${shownAs}: its lock file ${LOCK_FILE} keeps coming back` };
};
