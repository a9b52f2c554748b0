// The worker thread's entry: computes one chunk of runs (see simulate.ts), or warms up. It compiles
// the scenarios from the data the main thread sends (no YAML, schemas or mathjs to load here); only
// a plan made by hand, without that data, makes it read the files itself.

import { type ChunkResult, type ChunkTask, type FileLoader, simulateChunk } from './simulate.js';

/** Loads the worker's modules while the main thread is still planning: a task that does nothing else. */
export interface WarmTask {
  warm: true;
}

let load: FileLoader | null = null;

export default async function work(task: ChunkTask | WarmTask): Promise<ChunkResult | null> {
  if ('warm' in task) return null;
  if (!load && task.plan.arms.some((arm) => !task.sources?.[arm.file])) load = (await import('../scenario/load.js')).loadScenario;
  return simulateChunk(task, load);
}
