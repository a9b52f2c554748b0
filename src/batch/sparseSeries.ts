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

/** Reused between chunks: a worker's scratch space for the touched bins, sliced to size when sent. */
let scratchBins = new Uint32Array(0);
let scratchCounts = new Uint32Array(0);

/** The non-zero counts of `counts` plus `more` (at the same indices, if given). */
export function sparseCounts(counts: Uint16Array, more: Uint32Array | null): { bins: Uint32Array; counts: Uint32Array } {
  if (scratchBins.length < counts.length) {
    scratchBins = new Uint32Array(counts.length);
    scratchCounts = new Uint32Array(counts.length);
  }
  const bins = scratchBins;
  const out = scratchCounts;
  let n = 0;
  const take = (k: number) => {
    const c = counts[k] + (more === null ? 0 : more[k]);
    if (c !== 0) {
      bins[n] = k;
      out[n++] = c;
    }
  };
  if (more !== null || counts.byteOffset % 4 !== 0) for (let k = 0; k < counts.length; k++) take(k);
  else {
    // Two bins at a time: most are zero, and this loop is most of what sending a small chunk costs.
    const pairs = new Int32Array(counts.buffer, counts.byteOffset, counts.length >>> 1);
    for (let w = 0; w < pairs.length; w++)
      if (pairs[w] !== 0) {
        take(2 * w);
        take(2 * w + 1);
      }
    if (counts.length % 2 === 1) take(counts.length - 1);
  }
  return { bins: bins.slice(0, n), counts: out.slice(0, n) };
}

/** Adds `part` into `into` (as series.ts mergeInto): integer adds and extrema, so order does not matter. */
export function mergeSparseInto(into: Series, part: SparseSeries): void {
  const last = part.bins.length === 0 ? -1 : part.bins[part.bins.length - 1];
  if (into.steps !== part.steps || into.sums.length !== part.sums.length || last >= into.counts.length) throw new Error('cannot merge series of different shapes');
  into.runs += part.runs;
  for (let j = 0; j < part.bins.length; j++) into.counts[part.bins[j]] += part.counts[j];
  for (let i = 0; i < into.sums.length; i++) {
    into.sums[i] += part.sums[i];
    if (part.min[i] < into.min[i]) into.min[i] = part.min[i];
    if (part.max[i] > into.max[i]) into.max[i] = part.max[i];
  }
}
