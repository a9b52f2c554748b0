// The worker pool (tinypool). The worker file sits next to this module: worker.js in the build;
// from source (this module is .ts), a small .mjs entry that registers tsx and loads worker.ts.

import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ChunkResult, ChunkTask } from './simulate.js';
import type { WarmTask } from './worker.js';

/**
 * The most worker threads a batch uses, whatever is asked. Every chunk is merged and written by the
 * main thread in run order, so past this many it is the bottleneck (on a 16-core machine, 100,000
 * runs took 2.1 s on 8 workers and 3.2 s on 16), and each thread costs its own memory: a Node worker
 * thread is some 9 MB before it loads anything, 12 MB with the model loaded, and about 20-25 MB while
 * it computes CSV chunks. Capping threads is what keeps memory flat at any --workers.
 */
export const MAX_WORKERS = 8;

/**
 * Runs (times arms) a worker should have before another one pays: about half a second of 52-week
 * runs on one core, which is what a worker's start and compile cost.
 */
export const RUNS_PER_WORKER = 10_000;

/**
 * The worker count when none is given: one per RUNS_PER_WORKER run-arms, at most the cores and
 * MAX_WORKERS, at least one. A small batch gets one worker (a second costs more than it saves).
 */
export function defaultWorkers(runArms = Infinity): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, Math.floor(runArms / RUNS_PER_WORKER)));
}

/** The threads a batch starts: what was asked (or the default), never more than MAX_WORKERS. */
export function workerCount(requested: number | undefined, runArms: number): number {
  return requested === undefined ? defaultWorkers(runArms) : Math.min(requested, MAX_WORKERS);
}

export interface Pool {
  run(task: ChunkTask): Promise<ChunkResult>;
  /** Has every worker load its modules now (while the main thread plans). */
  warm(): void;
  close(): Promise<void>;
}

export function workerPool(workers: number): Pool {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const filename = fileURLToPath(new URL(ext === '.ts' ? './workerFromSource.mjs' : './worker.js', import.meta.url));
  const pool = new Tinypool({
    filename,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    // A worker holds one chunk at a time: a small old generation keeps GC prompt and the RSS low. A
    // run makes some 40 KB of short-lived objects: a young generation of 2 MB saved about 6 MB a
    // thread but made a 1-worker batch 10-15% slower (alternating runs, 60,000 runs, quiet machine);
    // 16 and 32 MB were no faster than 8.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  });
  return {
    // A buffer for the chunk's CSV rows is moved to the worker, not copied (it comes back with the rows).
    run: (task) => pool.run(task, task.csvBuffer ? { transferList: [task.csvBuffer] } : {}) as Promise<ChunkResult>,
    // One task per worker: each idle worker takes one. A failure is left to the main thread to report.
    warm: () => {
      for (let i = 0; i < workers; i++) pool.run({ warm: true } satisfies WarmTask).catch(() => {});
    },
    close: () => pool.destroy(),
  };
}

/** Grid points of a --sweep (1 without one): read as planning will, without its checks. */
export function sweepPoints(sweep: string | undefined): number {
  const n = Number(/:(\d+)$/.exec(sweep ?? '')?.[1] ?? 1);
  return Number.isInteger(n) && n >= 1 && n <= 101 ? n : 1;
}

/**
 * The pool of a batch about to be planned, started first: the workers load their modules while
 * the main thread reads and checks the scenarios. Null if --runs or --workers is not a plain
 * number: planning then says what is wrong. Light to import: nothing of the model or scenarios.
 */
export function earlyPool(flags: { runs?: string; workers?: string; sweep?: string }, scenarios = 1): Pool | null {
  const runs = Number(flags.runs);
  const asked = flags.workers === undefined ? undefined : Number(flags.workers);
  if (!(Number.isInteger(runs) && runs >= 1 && (asked === undefined || (Number.isInteger(asked) && asked >= 1 && asked <= 256)))) return null;
  const workers = workerCount(asked, runs * scenarios * sweepPoints(flags.sweep));
  const pool = workerPool(Math.min(workers, runs));
  pool.warm();
  return pool;
}
