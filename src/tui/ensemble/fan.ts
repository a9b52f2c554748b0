// The fan ahead: N runs over the rest of the horizon from the current state, each with its own
// parameter draw (run i of a batch) and its own shocks, so that two branches' fans are paired.

import { METRIC_NAMES, type MetricName } from '../../model/metrics.js';
import type { Params } from '../../model/params.js';
import type { Scenario } from '../../scenario/compile.js';
import { runFrom, runParamsFrom } from '../../sim/run.js';
import { runStreams } from '../../sim/streams.js';
import type { Snapshot } from '../session/types.js';

/** What the panels chart; the fan is computed for these only. */
export const FAN_METRICS: MetricName[] = [
  'us_tariff_on_cn_pct', 'cn_tariff_on_us_pct', 'rare_earth_curb', 'us_rare_earth_supply_index', 'us_magnet_inventory_weeks',
  'soybean_purchases_mmt', 'soybean_purchased_cumulative_mmt', 'us_imports_from_cn_bn', 'us_exports_to_cn_bn',
  'us_tariff_revenue_bn', 'us_consumer_price_pct', 'us_deadweight_loss_bn', 'escalation_index',
];

export interface Band {
  p5: number[];
  p50: number[];
  p95: number[];
}

export interface Fan {
  /** Index j of a band is step fromStep + j. */
  fromStep: number;
  runsDone: number;
  runsTotal: number;
  bands: Partial<Record<MetricName, Band>>;
}

/**
 * Step-major values: values[m][j * runs + run], so that a step's runs (what a percentile reads) lie
 * side by side. NaN where a run stopped (a rule's illegal move).
 */
export interface FanBuffer {
  fromStep: number;
  steps: number;
  runs: number;
  values: Float64Array[];
}

export function newBuffer(fromStep: number, horizon: number, runs: number): FanBuffer {
  const steps = Math.max(0, horizon - fromStep);
  return { fromStep, steps, runs, values: FAN_METRICS.map(() => new Float64Array(runs * steps).fill(NaN)) };
}

const METRIC_COUNT = METRIC_NAMES.length;
const FAN_COLUMNS = FAN_METRICS.map((name) => METRIC_NAMES.indexOf(name));
/** One run's metrics, step-major (sim/run.ts runFrom): reused, as runs go one at a time. */
let scratch = new Float64Array(0);

/** Runs i0..i1-1 into the buffer, quiet stretches in one go (sim/run.ts runFrom): the numbers of advance() step by step. */
export function fanRuns(scn: Scenario, seed: string, from: Snapshot, buf: FanBuffer, i0: number, i1: number): void {
  if (scratch.length < buf.steps * METRIC_COUNT) scratch = new Float64Array(buf.steps * METRIC_COUNT);
  const out = scratch;
  for (let i = i0; i < i1; i++) {
    const streams = runStreams(seed, i);
    const params: Params = runParamsFrom(scn, i, streams.params);
    const state = { ...from.state, rng: streams.shocks.state(), decision_rng: streams.decisions.state() };
    out.fill(NaN, 0, buf.steps * METRIC_COUNT);
    try {
      runFrom(scn, state, params, { shocks: streams.shocks, decisions: streams.decisions }, from.metrics, from.state.step + buf.steps, out, null);
    } catch {
      // A rule's move the run cannot apply: it stops there, its later steps NaN.
    }
    for (let m = 0; m < FAN_COLUMNS.length; m++) {
      const values = buf.values[m];
      for (let j = 0, at = FAN_COLUMNS[m]; j < buf.steps; j++, at += METRIC_COUNT) values[j * buf.runs + i] = out[at];
    }
  }
}

/**
 * Puts the k-th smallest of a[from..to] (inclusive) at k, the smaller ones before it and the larger
 * after (Hoare's selection): three percentiles of a column need three of these, not a sort, which
 * was a third of the fan's time (78 steps x 13 metrics of 200 runs each redraw).
 */
function select(a: Float64Array, from: number, to: number, k: number): void {
  while (from < to) {
    const pivot = a[(from + to) >>> 1];
    let i = from;
    let j = to;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) to = j;
    else if (k >= i) from = i;
    else return;
  }
}

/**
 * The q-quantile of a[0..n) (linear between the two ranks around (n - 1) q), a[from..to] being where
 * that rank lies after the selections before (the array is reordered, never sorted in full).
 */
function quantile(a: Float64Array, n: number, q: number, from: number, to: number): number {
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  select(a, from, to, lo);
  if (lo + 1 >= n) return a[lo];
  // The next rank: the smallest after lo, which lies within the range or is the first after it
  // (what follows the range is no smaller than it, and starts with its own smallest).
  let next = a[lo + 1];
  for (let k = lo + 2, end = Math.min(n, to + 2); k < end; k++) if (a[k] < next) next = a[k];
  return a[lo] + (next - a[lo]) * (pos - lo);
}

/** Percentiles over the first `runsDone` runs. */
export function bandsOf(buf: FanBuffer, runsDone: number): Fan {
  const bands: Fan['bands'] = {};
  const column = new Float64Array(runsDone);
  FAN_METRICS.forEach((name, m) => {
    const band: Band = { p5: [], p50: [], p95: [] };
    const values = buf.values[m];
    for (let j = 0; j < buf.steps; j++) {
      let n = 0;
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0, at = j * buf.runs; i < runsDone; i++, at++) {
        const v = values[at];
        if (v !== v) continue; // NaN: a run that stopped
        column[n++] = v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (n > 0 && lo === hi) {
        // Every run alike (a scripted value, as most are early on): each percentile is that value.
        band.p5.push(lo);
        band.p50.push(lo);
        band.p95.push(lo);
        continue;
      }
      // The median first: the 5th percentile's rank then lies before it, the 95th's after.
      const mid = Math.floor((n - 1) * 0.5);
      const p50 = quantile(column, n, 0.5, 0, n - 1);
      band.p5.push(quantile(column, n, 0.05, 0, Math.max(0, mid - 1)));
      band.p50.push(p50);
      band.p95.push(quantile(column, n, 0.95, mid + 1, n - 1));
    }
    bands[name] = band;
  });
  return { fromStep: buf.fromStep, runsDone, runsTotal: buf.runs, bands };
}

/** The whole fan at once (tests, bench). */
export function computeFan(scn: Scenario, seed: string, from: Snapshot, runs = 200): Fan {
  const buf = newBuffer(from.state.step, scn.horizon, runs);
  fanRuns(scn, seed, from, buf, 0, runs);
  return bandsOf(buf, runs);
}
