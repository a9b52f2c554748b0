// The worker thread's entry: computes one chunk of runs (see simulate.ts), or warms up: loads the
// modules and compiles the batch's scenarios while the main thread is still planning.

import { resolve } from 'node:path';
import { resolveScenarioPath } from '../scenario/load.js';
import { armScenario, type ChunkResult, type ChunkTask, simulateChunk } from './simulate.js';

/** Scenarios (names or paths, as given to `batch`) to compile before the first chunk arrives. */
export interface WarmTask {
  warm: string[];
}

export default function work(task: ChunkTask | WarmTask): ChunkResult | null {
  if ('warm' in task) {
    // A file that fails to load is the main thread's to report, with its line: nothing to do here.
    for (const scenario of task.warm) {
      try {
        armScenario({ file: resolve(resolveScenarioPath(scenario)), pin: null }); // the file as planBatch names it
      } catch {
        // ignored
      }
    }
    return null;
  }
  return simulateChunk(task);
}
