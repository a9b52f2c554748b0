// Holds a real `tariff-sim batch` process still at a known point, so that a test's signal (or a second
// batch) lands there whatever the machine's speed: no batch sized to outlast a poll, no sleep.
//
// The child is started with `holdArgs(at)` before its script and `HOLD_ENV` in its environment:
// - HOLD_ENV checkpoints after every chunk (TARIFF_SIM_CHECKPOINT_EVERY_CHUNK=1), so a checkpoint
//   follows the first finished chunk at once, not up to a second later;
// - the preload stops the process (SIGSTOP) once a checkpoint is renamed into place: the first one
//   (`'start'`: written with the --out lock held, before any run) or the first that holds finished
//   runs (`'runs'`: the first chunk merged, its rows written).
// The test waits with `untilStopped`, does what it needs, and sends SIGCONT (after its own signal: a
// stopped process takes it when it wakes, before the next chunk is merged).

import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const HOLD_ENV = { TARIFF_SIM_CHECKPOINT_EVERY_CHUNK: '1' };

const preload = (at: 'start' | 'runs') => `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';
if (isMainThread) {
  const { renameSync } = fs;
  let held = false;
  fs.renameSync = (from, to, ...rest) => {
    renameSync(from, to, ...rest);
    if (held || !String(to).endsWith('.checkpoint.json')) return;
    if (${at === 'runs'}) {
      const cp = JSON.parse(fs.readFileSync(to, 'utf8'));
      if (!(cp.runs_end > cp.range.start)) return;
    }
    held = true;
    process.kill(process.pid, 'SIGSTOP');
  };
  syncBuiltinESMExports();
}
`;

/** Node arguments (before the script) that stop the batch at `at`; see above. */
export function holdArgs(at: 'start' | 'runs'): string[] {
  return ['--import', `data:text/javascript,${encodeURIComponent(preload(at))}`];
}

/** Whether the process is stopped (state T in /proc/PID/stat). */
function stopped(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] === 'T';
  } catch {
    return false;
  }
}

/** Waits until the child has stopped itself (true) or has exited without (false: the caller says what went wrong). */
export async function untilStopped(child: ChildProcess, exited: Promise<unknown>): Promise<boolean> {
  let over = false;
  void exited.then(() => (over = true));
  while (!over && !stopped(child.pid!)) await new Promise((r) => setTimeout(r, 20));
  return !over;
}
