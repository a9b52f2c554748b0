// The mergeable summary of one series (a scenario's metrics, or a paired difference) over its steps:
// per (metric, step) exact bin counts, an exact sum in micro-units, and the observed min and max.
// Every part is an integer count or an extremum, so merging in any order gives the same bytes.

import { METRIC_NAMES } from '../model/metrics.js';
import type { Layout } from './bins.js';

export const METRICS = METRIC_NAMES.length;
/** Sums are kept in millionths: the outputs' own rounding, and integers add exactly in any order. */
export const MICRO = 1e6;

export interface Series<C extends Uint32Array | Float64Array = Uint32Array> {
  steps: number;
  runs: number;
  /**
   * Bin counts, metric-major: metric m, step t, bin b at binBase[m] * steps + t * bins[m] + b. 32 bits
   * hold any: a batch has at most 1e9 runs (the --runs limit), and a bin counts each run once at most.
   */
  counts: C;
  /** Exact sums in micro-units per (step, metric) at t * METRICS + m. */
  sums: bigint[];
  min: Float64Array;
  max: Float64Array;
}

/** Where each metric's bins start (in bins), for the counts layout above. */
export function binBases(layouts: readonly Layout[]): number[] {
  const bases: number[] = [];
  let at = 0;
  for (const l of layouts) {
    bases.push(at);
    at += l.bins;
  }
  return bases;
}

export function totalBins(layouts: readonly Layout[]): number {
  return layouts.reduce((n, l) => n + l.bins, 0);
}

export function emptySeries(steps: number, layouts: readonly Layout[]): Series {
  return {
    steps,
    runs: 0,
    counts: new Uint32Array(totalBins(layouts) * steps),
    sums: new Array<bigint>(steps * METRICS).fill(0n),
    min: new Float64Array(steps * METRICS).fill(Infinity),
    max: new Float64Array(steps * METRICS).fill(-Infinity),
  };
}

/** Adds `part` into `into` (same layout). Integer adds and extrema: order does not matter. */
export function mergeInto(into: Series, part: Series<Uint32Array | Float64Array>): void {
  if (into.steps !== part.steps || into.counts.length !== part.counts.length) throw new Error('cannot merge series of different shapes');
  into.runs += part.runs;
  const c = into.counts;
  const p = part.counts;
  for (let i = 0; i < p.length; i++) if (p[i] !== 0) c[i] += p[i];
  for (let i = 0; i < into.sums.length; i++) {
    into.sums[i] += part.sums[i];
    if (part.min[i] < into.min[i]) into.min[i] = part.min[i];
    if (part.max[i] > into.max[i]) into.max[i] = part.max[i];
  }
}
