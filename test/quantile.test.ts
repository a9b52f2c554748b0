// Nearest-rank quantiles (batch/quantile.ts): the p-th percentile of n values is the k-th smallest
// with k = ceil(p n / 100) (at least 1). Worked at run counts where rounding p n / 100 would give
// another rank, so that ceil and round cannot be confused.

import { describe, expect, it } from 'vitest';
import { layoutOf } from '../src/batch/bins.js';
import { binQuantile, meanOf } from '../src/batch/quantile.js';
import { MICRO } from '../src/batch/series.js';

// Bins of width 1 centred on 0..100: a value v falls in bin v.
const layout = layoutOf({ width: 1, min: 0, max: 100 });

function countsOf(values: number[]): Float64Array {
  const counts = new Float64Array(layout.bins);
  for (const v of values) counts[v]++;
  return counts;
}

function q(values: number[], pct: number): number {
  return binQuantile(countsOf(values), 0, layout, values.length, pct, Math.min(...values), Math.max(...values));
}

describe('nearest rank, ceil(p n / 100)', () => {
  const eleven = [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99];

  it('n = 11: p95 is the 11th value (95 x 11 / 100 = 10.45, rounded up; rounding would give the 10th)', () => {
    expect(q(eleven, 95)).toBe(99);
  });

  it('n = 11: p50 is the 6th value (5.5 -> 6), p5 the 1st (0.55 -> 1)', () => {
    expect(q(eleven, 50)).toBe(60);
    expect(q(eleven, 5)).toBe(10);
  });

  it('n = 21: p5 is the 2nd value (1.05 -> 2; rounding would give the 1st)', () => {
    const v = Array.from({ length: 21 }, (_, i) => 3 * i + 1); // 1, 4, 7, ..., 61
    expect(q(v, 5)).toBe(4);
    expect(q(v, 50)).toBe(31); // 10.5 -> 11th value = 31
    expect(q(v, 95)).toBe(58); // 19.95 -> 20th value
  });

  it('n = 7: p90 is the 7th value (6.3 -> 7; rounding would give the 6th)', () => {
    expect(q([5, 6, 7, 8, 9, 10, 11], 90)).toBe(11);
  });

  it('rank at least 1: p = 0 gives the smallest; one run gives its value', () => {
    expect(q([12, 40, 41], 0)).toBe(12);
    expect(q([33], 5)).toBe(33);
    expect(q([33], 95)).toBe(33);
  });

  it('ties: counts, not distinct values, set the rank', () => {
    // 3 x 2, 1 x 9 (n = 4): p50 = 2nd value (2), p95 = 4th (ceil 3.8) = 9
    expect(q([2, 2, 2, 9], 50)).toBe(2);
    expect(q([2, 2, 2, 9], 95)).toBe(9);
    expect(q([2, 2, 2, 9], 75)).toBe(2); // exactly 3 -> 3rd value
  });

  it('clamps a bin centre to the observed min and max, and is NaN with no runs', () => {
    // 0.3 and 0.4 both fall in bin 0 (centre 0): the quantile is clamped into [0.3, 0.4].
    const counts = new Float64Array(layout.bins);
    counts[0] = 2;
    expect(binQuantile(counts, 0, layout, 2, 50, 0.3, 0.4)).toBe(0.3);
    counts[0] = 0;
    counts[100] = 2; // values above the last centre
    expect(binQuantile(counts, 0, layout, 2, 50, 130, 150)).toBe(130);
    expect(binQuantile(new Float64Array(layout.bins), 0, layout, 0, 50, Infinity, -Infinity)).toBeNaN();
  });

  it('reads its counts from the given offset', () => {
    const counts = new Float64Array(layout.bins * 2);
    counts[layout.bins + 7] = 1;
    counts[layout.bins + 9] = 1;
    counts[3] = 5; // another series' bins: must not be read
    expect(binQuantile(counts, layout.bins, layout, 2, 50, 7, 9)).toBe(7);
    expect(binQuantile(counts, layout.bins, layout, 2, 95, 7, 9)).toBe(9);
  });
});

describe('meanOf', () => {
  it('is the exact sum in micro-units over the runs, NaN with no runs', () => {
    expect(meanOf(BigInt(7 * MICRO), 2)).toBe(3.5);
    expect(meanOf(BigInt(-3 * MICRO), 4)).toBe(-0.75);
    expect(meanOf(0n, 0)).toBeNaN();
  });
});
