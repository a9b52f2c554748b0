// The worker thread's entry: computes one chunk of runs (see simulate.ts), or warms up. It compiles
// the scenarios from the data the main thread sends (no YAML, schemas or mathjs to load here); only
// a plan made by hand, without that data, makes it read the files itself.

import { kTransferable, kValue, markMovable } from 'tinypool';
import { type ChunkResult, type ChunkTask, type FileLoader, simulateChunk } from './simulate.js';

/** Loads the worker's modules while the main thread is still planning: a task that does nothing else. */
export interface WarmTask {
  warm: true;
}

// Detach one buffer before any code is optimised. Until a thread first detaches an ArrayBuffer, V8
// compiles its typed-array reads without a check for it, on the promise that none ever is; the
// first result moved to the main thread (below) broke that promise, and every optimised function
// of the model and the accumulator was thrown away and compiled again: 40 of a worker's 250
// compilations, and 8-11% of a batch's time (100,000 runs on 2 workers: 4.1 s to 3.65 s).
{
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
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
