// The worker pool (tinypool). The worker file sits next to this module: worker.js in the build;
// from source (this module is .ts), a small .mjs entry that registers tsx and loads worker.ts.

import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { ChunkResult, ChunkTask } from './simulate.js';
import type { WarmTask } from './worker.js';

export function defaultWorkers(): number {
  return availableParallelism();
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
    // A worker holds one chunk at a time: a small old generation keeps GC prompt and the RSS low.
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 },
  });
  return {
    run: (task) => pool.run(task) as Promise<ChunkResult>,
    // One task per worker: each idle worker takes one. A failure is left to the main thread to report.
    warm: () => {
      for (let i = 0; i < workers; i++) pool.run({ warm: true } satisfies WarmTask).catch(() => {});
    },
    close: () => pool.destroy(),
  };
}

/**
 * The pool of a batch about to be planned, started first: the workers load their modules while
 * the main thread reads and checks the scenarios. Null if --runs or --workers is not a plain
 * number: planning then says what is wrong. Light to import: nothing of the model or scenarios.
 */
export function earlyPool(flags: { runs?: string; workers?: string }): Pool | null {
  const runs = Number(flags.runs);
  const workers = flags.workers === undefined ? defaultWorkers() : Number(flags.workers);
  if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(workers) && workers >= 1 && workers <= 256)) return null;
  const pool = workerPool(Math.min(workers, runs));
  pool.warm();
  return pool;
}
