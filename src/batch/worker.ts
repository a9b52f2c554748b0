// The worker thread's entry: computes one chunk of runs (see simulate.ts), or warms up. It compiles
// the scenarios from the data the main thread sends (no YAML, schemas or mathjs to load here); only
// a plan made by hand, without that data, makes it read the files itself.

import { kTransferable, kValue, markMovable } from 'tinypool';
import { type ChunkResult, type ChunkTask, type FileLoader, simulateChunk } from './simulate.js';

/** Loads the worker's modules while the main thread is still planning: a task that does nothing else. */
export interface WarmTask {
  warm: true;
}

let load: FileLoader | null = null;

export default async function work(task: ChunkTask | WarmTask): Promise<ChunkResult | null> {
  if ('warm' in task) return null;
  if (!load && task.plan.arms.some((arm) => !task.sources?.[arm.file])) load = (await import('../scenario/load.js')).loadScenario;
  return moved(simulateChunk(task, load));
}

/**
 * The result with its arrays' memory handed to the main thread rather than copied: a copy left the
 * worker's (a CSV chunk's text, about 1.3 MB) as garbage outside its JS heap, which only a full
 * collection frees, tens of MB per thread before one came. Each array's buffer is its own.
 */
function moved(result: ChunkResult): ChunkResult {
  const buffers: ArrayBuffer[] = [];
  if (result.csv) buffers.push(result.csv.buffer as ArrayBuffer);
  for (const s of result.series) buffers.push(s.ranges.buffer as ArrayBuffer, s.counts.buffer as ArrayBuffer, s.min.buffer as ArrayBuffer, s.max.buffer as ArrayBuffer);
  const out = { [kTransferable]: buffers, [kValue]: result };
  markMovable(out); // what Tinypool.move does to such an object: the worker sends kValue, moving kTransferable
  return out as unknown as ChunkResult;
}
