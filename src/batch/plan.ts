// What a batch computes: its arms (scenario, or scenario at one sweep value), which arm each is
// paired with, and how the run indices split into shards and chunks. Plain data: it crosses threads.

import type { ParamName } from '../model/params.js';

export interface Pin {
  param: ParamName;
  value: number;
}

export interface Arm {
  /** The scenario's name, as in its file. */
  scenario: string;
  /** Absolute path of the scenario file: each worker loads it itself. */
  file: string;
  /** The swept parameter, pinned at one value; null outside a sweep. */
  pin: Pin | null;
  steps: number;
  start: string;
  step_unit: 'week' | 'month';
}

export interface Plan {
  seed: string;
  /** Runs in the whole batch (all shards). */
  runs: number;
  arms: Arm[];
  /** For each arm, the index of the arm it is compared with (its baseline), or null. */
  baseline_of: (number | null)[];
  baseline: string | null;
  sweep: Sweep | null;
}

export interface Sweep {
  param: ParamName;
  values: number[];
}

/** n evenly spaced values from a to b inclusive; rounded so that grid points print cleanly. */
export function sweepGrid(a: number, b: number, n: number): number[] {
  if (n === 1) return [a];
  return Array.from({ length: n }, (_, j) => Math.round((a + ((b - a) * j) / (n - 1)) * 1e9) / 1e9);
}

export function armLabel(arm: Arm): string {
  return arm.pin ? `${arm.scenario} @ ${arm.pin.param}=${arm.pin.value}` : arm.scenario;
}

/** The k-th (1-based) of n equal parts of [0, runs). */
export function shardRange(runs: number, k: number, n: number): { start: number; end: number } {
  return { start: Math.floor((runs * (k - 1)) / n), end: Math.floor((runs * k) / n) };
}

/**
 * Splits [start, end) into chunks of at most `size` runs, the last ones smaller: none more than half
 * an even share of what is left among the `workers` (nor less than an eighth of `size`), so that
 * no worker is left alone with a long chunk at the end. Results never depend on the split.
 */
export function chunks(start: number, end: number, size: number, workers = 1): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const least = Math.ceil(size / 8);
  for (let s = start; s < end; ) {
    const n = Math.min(end - s, Math.max(least, Math.min(size, Math.ceil((end - s) / (2 * workers)))));
    out.push({ start: s, end: s + n });
    s += n;
  }
  return out;
}

/**
 * Chunk size: enough chunks to keep every worker busy to the end, few enough that merging stays
 * cheap; small when streaming CSV, so that a chunk's text stays a few megabytes.
 */
export function chunkSize(runs: number, workers: number, arms: number, csv: boolean): number {
  const balanced = Math.ceil(runs / (workers * 8));
  // CSV chunks are small: their text is held until written, so a small chunk keeps memory flat.
  // Otherwise a chunk costs a fixed amount besides its runs (its bins sent and merged, its
  // accumulator cleared): 8,000 runs (about 0.4 s of one worker) made 400,000 runs on 2 workers 3%
  // faster than 2,000, and a batch interrupted loses at most that one chunk's runs per worker.
  const cap = csv ? Math.max(8, Math.floor(100 / arms)) : 8000;
  return Math.max(1, Math.min(balanced, cap));
}

/** The series a batch summarises, in output order: every arm, then each arm's difference from its baseline. */
export function seriesOrder(plan: Plan): { arm: number; minus: number | null }[] {
  const out: { arm: number; minus: number | null }[] = plan.arms.map((_, a) => ({ arm: a, minus: null }));
  plan.baseline_of.forEach((b, a) => {
    if (b !== null) out.push({ arm: a, minus: b });
  });
  return out;
}
