// The worker thread's entry: computes one chunk of runs (see simulate.ts), or warms up: loads the
// modules and compiles the batch's scenarios while the main thread is still planning.

import { armScenario, type ChunkResult, type ChunkTask, simulateChunk } from './simulate.js';

/** Scenario files (absolute paths) to compile before the first chunk arrives. */
export interface WarmTask {
  warm: string[];
}

export default function work(task: ChunkTask | WarmTask): ChunkResult | null {
  if ('warm' in task) {
    // A file that fails to load is the main thread's to report, with its line: nothing to do here.
    for (const file of task.warm) {
      try {
        armScenario({ file, pin: null });
      } catch {
        // ignored
      }
    }
    return null;
  }
  return simulateChunk(task);
}
