// The fan off the render path: runs in chunks between event-loop turns (setImmediate), so keys
// and frames go through between chunks; a partial fan is published at most every 250 ms (each is a
// full redraw of the screen, heavy over a slow link), the whole one at once.

import type { Scenario } from '../../scenario/compile.js';
import type { Snapshot } from '../session/types.js';
import { bandsOf, type Fan, fanRuns, newBuffer } from './fan.js';

export interface FanJobOptions {
  runs?: number;
  runsPerChunk?: number;
  /** Minimum time between two published partial fans. */
  frameMs?: number;
  onDone?: (elapsedMs: number) => void;
}

/** Starts the job; returns a cancel function (a newer state makes the old fan useless). */
export function startFan(scn: Scenario, seed: string, from: Snapshot, publish: (fan: Fan) => void, opts: FanJobOptions = {}): () => void {
  const runs = opts.runs ?? 200;
  const chunk = opts.runsPerChunk ?? 10;
  const frameMs = opts.frameMs ?? 250;
  const buf = newBuffer(from.state.step, scn.horizon, runs);
  const t0 = performance.now();
  let lastPublished = t0;
  let done = 0;
  let cancelled = false;
  let timer: NodeJS.Immediate | null = null;
  const work = () => {
    timer = null;
    if (cancelled) return;
    const next = Math.min(runs, done + chunk);
    fanRuns(scn, seed, from, buf, done, next);
    done = next;
    const now = performance.now();
    if (done === runs) {
      publish(bandsOf(buf, done));
      // To the whole fan published: its bands included, as a user waits for them.
      opts.onDone?.(performance.now() - t0);
      return;
    }
    if (now - lastPublished >= frameMs) {
      lastPublished = now;
      publish(bandsOf(buf, done));
    }
    timer = setImmediate(work);
  };
  if (buf.steps === 0) publish(bandsOf(buf, 0));
  else timer = setImmediate(work);
  return () => {
    cancelled = true;
    if (timer) clearImmediate(timer);
  };
}
