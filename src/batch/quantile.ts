// Quantiles and means from a series' bins and sums.

import { centreOf, type Layout } from './bins.js';
import { MICRO } from './series.js';

/**
 * The nearest-rank p-th percentile (p an integer percent): the centre of the bin holding the
 * ceil(p/100 * n)-th smallest value, clamped to the observed [min, max] (so a constant is exact).
 */
export function binQuantile(counts: ArrayLike<number>, offset: number, layout: Layout, runs: number, pct: number, min: number, max: number): number {
  if (runs === 0) return NaN;
  const rank = Math.max(1, Math.ceil((pct * runs) / 100));
  let seen = 0;
  for (let b = 0; b < layout.bins; b++) {
    seen += counts[offset + b];
    if (seen >= rank) return Math.min(max, Math.max(min, centreOf(layout, b)));
  }
  return max;
}

/** The mean from an exact sum in micro-units. */
export function meanOf(sumMicro: bigint, runs: number): number {
  return runs === 0 ? NaN : Number(sumMicro) / runs / MICRO;
}
