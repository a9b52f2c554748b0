// The worker thread's entry: computes one chunk of runs (see simulate.ts).

import { type ChunkResult, type ChunkTask, simulateChunk } from './simulate.js';

export default function work(task: ChunkTask): ChunkResult {
  return simulateChunk(task);
}
