// Quantiles and means from a series' bins and sums.

import { binOf, centreOf, type Layout } from './bins.js';
import { MICRO } from './series.js';

/**
 * The nearest-rank p-th percentile (p an integer percent): the centre of the bin holding the
 * ceil(p/100 * n)-th smallest value, clamped to the observed [min, max] (so a constant is exact).
 */
export function binQuantile(counts: ArrayLike<number>, offset: number, layout: Layout, runs: number, pct: number, min: number, max: number): number {
  if (runs === 0) return NaN;
  const rank = Math.max(1, Math.ceil((pct * runs) / 100));
  let seen = 0;
  // From the minimum's bin: none below it holds a value (binning is monotone). A difference's bins
  // start a whole metric's range below zero, and scanning them from the first was most of a
  // comparison's summary (15,000 quantiles, some 100 ms after the last run).
  for (let b = binOf(layout, min); b < layout.bins; b++) {
    seen += counts[offset + b];
    if (seen >= rank) return Math.min(max, Math.max(min, centreOf(layout, b)));
  }
  return max;
}

/** The mean from an exact sum in micro-units. */
export function meanOf(sumMicro: bigint, runs: number): number {
  return runs === 0 ? NaN : Number(sumMicro) / runs / MICRO;
}
