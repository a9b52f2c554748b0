// A chunk's series as it travels from a worker to the main thread: its bin counts as the ranges of
// bins it touched, each with its counts side by side. A chunk touches a small part of the millions
// of bins of a series (each value's runs fall between its minimum and maximum), and copying and
// merging them all was most of the main thread's work. Ranges rather than a list of single bins:
// merging a range is adding one run of memory into another, where bin by bin it was a cache miss
// per bin (most of the main thread's time on a three-scenario comparison), and the message is smaller.

import type { Series } from './series.js';

export interface SparseSeries extends Omit<Series, 'counts'> {
  /** [from, to) pairs into the series' counts (series.ts layout), ascending and apart. */
  ranges: Uint32Array;
  /** The counts of every bin of every range, range after range. */
  counts: Uint32Array;
}

/**
 * The counts of `counts` plus `more` (at the same indices, if given) within `ranges`: [from, to)
 * pairs at 2j, 2j + 1 for j < `n`, ascending and apart. Every non-zero count must lie in a range.
 */
export function rangeCounts(counts: Uint16Array, more: Uint32Array | null, ranges: Int32Array, n: number): { ranges: Uint32Array; counts: Uint32Array } {
  let size = 0;
  for (let j = 0; j < n; j++) size += ranges[2 * j + 1] - ranges[2 * j];
  const out = new Uint32Array(size);
  for (let j = 0, at = 0; j < n; j++) {
    const from = ranges[2 * j];
    const to = ranges[2 * j + 1];
    out.set(counts.subarray(from, to), at); // widened from 16 bits natively
    if (more !== null) for (let k = from; k < to; k++) out[at + k - from] += more[k];
    at += to - from;
  }
  return { ranges: new Uint32Array(ranges.subarray(0, 2 * n)), counts: out };
}

/** Adds `part` into `into` (as series.ts mergeInto): integer adds and extrema, so order does not matter. */
export function mergeSparseInto(into: Series, part: SparseSeries): void {
  const end = part.ranges.length === 0 ? 0 : part.ranges[part.ranges.length - 1];
  if (into.steps !== part.steps || into.sums.length !== part.sums.length || end > into.counts.length) throw new Error('cannot merge series of different shapes');
  into.runs += part.runs;
  addCounts(into.counts, part.ranges, part.counts);
  addSums(into, part);
}

// The two loops are functions of their own: with both in one, the first call's long counts loop was
// optimised on the stack before the sums loop had run, and that code bailed out on reaching it at
// every chunk of the batch, leaving the main thread to merge in the interpreter.
function addCounts(into: Series['counts'], ranges: Uint32Array, counts: Uint32Array): void {
  for (let j = 0, c = 0; j < ranges.length; j += 2) for (let k = ranges[j], to = ranges[j + 1]; k < to; k++) into[k] += counts[c++];
}

function addSums(into: Series, part: SparseSeries): void {
  for (let i = 0; i < into.sums.length; i++) {
    into.sums[i] += part.sums[i];
    if (part.min[i] < into.min[i]) into.min[i] = part.min[i];
    if (part.max[i] > into.max[i]) into.max[i] = part.max[i];
  }
}
