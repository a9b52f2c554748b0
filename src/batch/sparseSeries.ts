// A chunk's series as it travels from a worker to the main thread: its bin counts as the bins it
// touched and their counts. A chunk touches a small part of the ~600,000 bins of a 52-step series
// (a CSV chunk of 100 runs, a few percent), and copying and merging them all was most of the main
// thread's work on a CSV batch.

import type { Series } from './series.js';

export interface SparseSeries extends Omit<Series, 'counts'> {
  /** Indices into the series' counts (series.ts layout), ascending, and the count at each. */
  bins: Uint32Array;
  counts: Uint32Array;
}

/**
 * Reused between chunks: a worker's scratch space for the touched bins, sliced to size when sent. It
 * grows with what chunks touch (a CSV chunk, a few percent of the bins): sized to every bin, it
 * was some 10 MB per worker thread for a 52-step series.
 */
let scratchBins = new Uint32Array(1 << 12);
let scratchCounts = new Uint32Array(1 << 12);

/** Room in the scratch space for `n` bins, what it holds (the first `kept`) kept. */
function reserve(n: number, kept: number): void {
  if (n <= scratchBins.length) return;
  const size = Math.max(n, 2 * scratchBins.length);
  const bins = new Uint32Array(size);
  const counts = new Uint32Array(size);
  bins.set(scratchBins.subarray(0, kept));
  counts.set(scratchCounts.subarray(0, kept));
  scratchBins = bins;
  scratchCounts = counts;
}

/** Appends the non-zero counts in [from, to) to the scratch space, which holds `n`: how many it holds then. */
function takeFrom(counts: Uint16Array, more: Uint32Array | null, from: number, to: number, n: number): number {
  for (let k = from; k < to; k++) {
    const c = counts[k] + (more === null ? 0 : more[k]);
    if (c !== 0) {
      scratchBins[n] = k;
      scratchCounts[n++] = c;
    }
  }
  return n;
}

/**
 * The same, two bins at a time (`pairs` is `counts` seen as int32): most are zero, and this loop is
 * most of what sending a small chunk costs. Its own function, so that its optimised code stays put.
 */
function takePairs(counts: Uint16Array, pairs: Int32Array, n: number): number {
  for (let w = 0; w < pairs.length; w++)
    if (pairs[w] !== 0) {
      if (n + 2 > scratchBins.length) reserve(n + 2, n);
      n = takeFrom(counts, null, 2 * w, 2 * w + 2, n);
    }
  return n;
}

/** The non-zero counts of `counts` plus `more` (at the same indices, if given). */
export function sparseCounts(counts: Uint16Array, more: Uint32Array | null): { bins: Uint32Array; counts: Uint32Array } {
  let n = 0;
  if (more !== null || counts.byteOffset % 4 !== 0) {
    reserve(counts.length, 0);
    n = takeFrom(counts, more, 0, counts.length, n);
  } else {
    n = takePairs(counts, new Int32Array(counts.buffer, counts.byteOffset, counts.length >>> 1), n);
    reserve(n + 1, n);
    if (counts.length % 2 === 1) n = takeFrom(counts, null, counts.length - 1, counts.length, n);
  }
  return { bins: scratchBins.slice(0, n), counts: scratchCounts.slice(0, n) };
}

/**
 * The same where the non-zero counts are known to lie within `ranges`: [from, to) pairs at 2j, 2j + 1
 * for j < `n`, ascending and apart. A chunk's accumulator knows them from each value's extrema, a
 * few percent of all bins: scanning every bin was most of what sending a small (CSV) chunk cost.
 */
export function sparseCountsIn(counts: Uint16Array, more: Uint32Array | null, ranges: Int32Array, n: number): { bins: Uint32Array; counts: Uint32Array } {
  let size = 0;
  for (let j = 0; j < n; j++) size += ranges[2 * j + 1] - ranges[2 * j];
  reserve(size, 0);
  let taken = 0;
  for (let j = 0; j < n; j++) taken = takeFrom(counts, more, ranges[2 * j], ranges[2 * j + 1], taken);
  return { bins: scratchBins.slice(0, taken), counts: scratchCounts.slice(0, taken) };
}

/** Adds `part` into `into` (as series.ts mergeInto): integer adds and extrema, so order does not matter. */
export function mergeSparseInto(into: Series, part: SparseSeries): void {
  const last = part.bins.length === 0 ? -1 : part.bins[part.bins.length - 1];
  if (into.steps !== part.steps || into.sums.length !== part.sums.length || last >= into.counts.length) throw new Error('cannot merge series of different shapes');
  into.runs += part.runs;
  addCounts(into.counts, part.bins, part.counts);
  addSums(into, part);
}

// The two loops are functions of their own: with both in one, the first call's long counts loop was
// optimised on the stack before the sums loop had run, and that code bailed out on reaching it at
// every chunk of the batch, leaving the main thread to merge in the interpreter.
function addCounts(into: Series['counts'], bins: Uint32Array, counts: Uint32Array): void {
  for (let j = 0; j < bins.length; j++) into[bins[j]] += counts[j];
}

function addSums(into: Series, part: SparseSeries): void {
  for (let i = 0; i < into.sums.length; i++) {
    into.sums[i] += part.sums[i];
    if (part.min[i] < into.min[i]) into.min[i] = part.min[i];
    if (part.max[i] > into.max[i]) into.max[i] = part.max[i];
  }
}
