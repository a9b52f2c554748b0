// The fan ahead: N runs over the rest of the horizon from the current state, each with its own
// parameter draw (run i of a batch) and its own shocks, so that two branches' fans are paired.

import type { MetricName } from '../../model/metrics.js';
import type { Params } from '../../model/params.js';
import type { Scenario } from '../../scenario/compile.js';
import { advance, runParamsFrom } from '../../sim/run.js';
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

/** Run-major values: values[m][run * steps + j]. NaN where a run stopped (a rule's illegal move). */
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

/** Runs i0..i1-1 into the buffer. */
export function fanRuns(scn: Scenario, seed: string, from: Snapshot, buf: FanBuffer, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const streams = runStreams(seed, i);
    const params: Params = runParamsFrom(scn, i, streams.params);
    let state = { ...from.state, rng: streams.shocks.state(), decision_rng: streams.decisions.state() };
    // Streams kept across steps (the same draws as rebuilding them from the state, only faster).
    const rngs = { shocks: streams.shocks, decisions: streams.decisions };
    let last = from.metrics;
    for (let j = 0; j < buf.steps; j++) {
      let r;
      try {
        r = advance(scn, state, params, last, [], rngs);
      } catch {
        break;
      }
      for (let m = 0; m < FAN_METRICS.length; m++) buf.values[m][i * buf.steps + j] = r.metrics[FAN_METRICS[m]];
      state = r.state;
      last = r.metrics;
    }
  }
}

function quantile(sorted: Float64Array, n: number, q: number): number {
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Percentiles over the first `runsDone` runs. */
export function bandsOf(buf: FanBuffer, runsDone: number): Fan {
  const bands: Fan['bands'] = {};
  const column = new Float64Array(runsDone);
  FAN_METRICS.forEach((name, m) => {
    const band: Band = { p5: [], p50: [], p95: [] };
    for (let j = 0; j < buf.steps; j++) {
      let n = 0;
      for (let i = 0; i < runsDone; i++) {
        const v = buf.values[m][i * buf.steps + j];
        if (!Number.isNaN(v)) column[n++] = v;
      }
      const sorted = column.subarray(0, n).sort();
      band.p5.push(quantile(sorted, n, 0.05));
      band.p50.push(quantile(sorted, n, 0.5));
      band.p95.push(quantile(sorted, n, 0.95));
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
