// Comparing the current branch with its parent (or, for the first branch, the baseline run).

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
}

export interface Comparison {
  title: string;
  /** Steps compared (the current cursor); rows are the metrics of the last of them. */
  steps: number;
  rows: CompareRow[];
  current: Metrics[];
  reference: Metrics[];
}

export function compare(s: Session): Comparison {
  const b = currentBranch(s);
  const steps = b.cursor;
  const parent = b.parentId === null ? null : s.branches.find((x) => x.id === b.parentId) ?? null;
  const reference = parent
    ? pathTo(s.scn, s.params, parent, steps)
    : steps > 0 ? runScenario(s.scn, { seed: s.seed, steps }).rows : [];
  const current = metricsOf(b);
  const title = parent ? `branch ${b.id} vs its parent, branch ${parent.id} (forked at step ${b.forkStep})` : `branch ${b.id} vs the baseline run (the script alone)`;
  const rows = steps === 0 ? [] : COMPARE_METRICS.map((metric) => {
    const c = current[steps - 1][metric];
    const r = reference[steps - 1][metric];
    return { metric, current: c, reference: r, diff: c - r };
  });
  return { title, steps, rows, current, reference };
}
