// One batch at a time on one --out: its checkpoint files are beside the output, and two batches
// writing them would interleave their rows. A lock file beside the output holds the writer's pid;
// one left by a process that no longer runs (killed, power cut) is taken over.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class LockedError extends Error {
  override name = 'LockedError';
}

export const lockPath = (out: string) => `${out}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock on `out`, or throws LockedError naming the pid that holds it. Returns the release,
 * which is also done when the process exits (a second Ctrl-C exits at once).
 */
export function lockOut(out: string): () => void {
  const path = lockPath(out);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } catch (e) {
        rmSync(path, { force: true }); // a full disk leaves no lock behind
        throw e;
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      const pid = holder(path);
      if (pid !== null && alive(pid)) throw new LockedError(`--out ${out}: another batch (pid ${pid}) is writing it; wait for it to end, or choose another --out`);
      // Stale (its process is gone) or unreadable half-written: take it over.
      rmSync(path, { force: true });
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (holder(path) === process.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return release;
}
