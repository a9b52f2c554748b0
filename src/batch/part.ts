// Shard part files: a plan, which shard, and its series as exact mergeable data (sparse bin counts,
// sums as decimal integers). `merge` adds parts back into the whole batch's series.

import type { BatchInputs } from './checkpointSchema.js';
import type { Plan } from './plan.js';
import type { Series } from './series.js';

export const PART_FORMAT = 'tariff-sim-batch-part/1';

export interface SeriesPart {
  steps: number;
  runs: number;
  /** Non-zero counts as pairs: gap from the previous non-zero index, count. */
  counts: number[];
  sums: string[];
  min: (number | null)[];
  max: (number | null)[];
}

export interface PartFile {
  format: string;
  plan: Plan;
  /** The version and the files the batch read (absent from a part made through the library without them). */
  inputs?: BatchInputs;
  shard: { k: number; n: number; start: number; end: number };
  series: SeriesPart[];
}

export class PartError extends Error {
  override name = 'PartError';
}

export function encodeSeries(s: Series): SeriesPart {
  const counts: number[] = [];
  let last = -1;
  // Every run counts one value per bin range, so a series without runs has no counts: a batch's
  // first checkpoint (all its series empty) is written without scanning millions of zeros.
  const scanned = s.runs > 0 ? s.counts.length : 0;
  for (let i = 0; i < scanned; i++) {
    if (s.counts[i] === 0) continue;
    counts.push(i - last, s.counts[i]);
    last = i;
  }
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return { steps: s.steps, runs: s.runs, counts, sums: s.sums.map(String), min: [...s.min].map(finite), max: [...s.max].map(finite) };
}

export function decodeSeries(p: SeriesPart, into: Series): Series {
  if (p.steps !== into.steps || p.sums.length !== into.sums.length) throw new PartError('series shape does not match the plan');
  const counts = new Uint32Array(into.counts.length);
  let at = -1;
  for (let j = 0; j < p.counts.length; j += 2) {
    at += p.counts[j];
    if (!(at < counts.length)) throw new PartError('bin counts beyond the plan');
    counts[at] = p.counts[j + 1];
  }
  return {
    steps: p.steps,
    runs: p.runs,
    counts,
    sums: p.sums.map((x) => BigInt(x)),
    min: Float64Array.from(p.min, (x) => x ?? Infinity),
    max: Float64Array.from(p.max, (x) => x ?? -Infinity),
  };
}

export function partFile(plan: Plan, shard: PartFile['shard'], series: Series[], inputs?: BatchInputs): PartFile {
  return { format: PART_FORMAT, plan, ...(inputs ? { inputs } : {}), shard, series: series.map(encodeSeries) };
}
