// Comparing the current branch with its parent (or, for the first branch, the baseline run): at the
// step on screen, and at the horizon, each going on with the script alone past its cursor.

import type { MetricName, Metrics } from '../../model/metrics.js';
import { runScenario } from '../../sim/run.js';
import { COMPARE_METRICS } from '../metricLabels.js';
import { pathTo, metricsOf } from './history.js';
import { currentBranch } from './reducer.js';
import type { Session } from './types.js';

export interface CompareRow {
  metric: MetricName;
  current: number;
  reference: number;
  diff: number;
  /** At the horizon: the two paths going on with the script alone. */
  horizon: { current: number; reference: number; diff: number };
}

export interface Comparison {
  title: string;
  /** Steps compared (the current cursor); rows are the metrics of the last of them. */
  steps: number;
  rows: CompareRow[];
  current: Metrics[];
  reference: Metrics[];
  /** Both paths over the whole horizon (what the charts draw). */
  currentPath: Metrics[];
  referencePath: Metrics[];
}

export function compare(s: Session): Comparison {
  const b = currentBranch(s);
  const steps = b.cursor;
  const horizon = s.scn.horizon;
  const parent = b.parentId === null ? null : s.branches.find((x) => x.id === b.parentId) ?? null;
  const referencePath = parent ? pathTo(s.scn, s.params, parent, horizon) : runScenario(s.scn, { seed: s.seed, steps: horizon }).rows;
  const currentPath = pathTo(s.scn, s.params, b, horizon);
  const reference = referencePath.slice(0, steps);
  const current = metricsOf(b);
  const title = parent ? `branch ${b.id} vs its parent, branch ${parent.id} (forked after step ${b.forkStep - 1})` : `branch ${b.id} vs the baseline run (the script alone)`;
  const rows = steps === 0 ? [] : COMPARE_METRICS.map((metric) => {
    const c = current[steps - 1][metric];
    const r = reference[steps - 1][metric];
    const hc = currentPath[horizon - 1][metric];
    const hr = referencePath[horizon - 1][metric];
    return { metric, current: c, reference: r, diff: c - r, horizon: { current: hc, reference: hr, diff: hc - hr } };
  });
  return { title, steps, rows, current, reference, currentPath, referencePath };
}

/** The metrics that differ most between the two paths (largest gap against the metric's span), most first. */
export function mostDifferent(c: Comparison, n: number): MetricName[] {
  const score = (m: MetricName) => {
    let lo = Infinity;
    let hi = -Infinity;
    let gap = 0;
    for (let k = 0; k < c.currentPath.length; k++) {
      const a = c.currentPath[k][m];
      const b = c.referencePath[k][m];
      lo = Math.min(lo, a, b);
      hi = Math.max(hi, a, b);
      gap = Math.max(gap, Math.abs(a - b));
    }
    return hi - lo > 1e-12 ? gap / (hi - lo) : 0;
  };
  const scored = COMPARE_METRICS.map((m) => ({ m, s: score(m) })).filter((x) => x.s > 1e-9);
  return scored.sort((a, b) => b.s - a.s).slice(0, n).map((x) => x.m);
}
