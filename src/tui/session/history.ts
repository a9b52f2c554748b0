// A branch's history as series: step j's metrics are in snapshot j+1.

import type { Metrics, MetricName } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/compile.js';
import type { Branch, Snapshot } from './types.js';
import { stepFrom } from './reducer.js';
import type { Params } from '../../model/params.js';

export function metricsOf(b: Branch, upTo = b.cursor): Metrics[] {
  const out: Metrics[] = [];
  for (let k = 1; k <= upTo; k++) out.push(b.snapshots[k].metrics!);
  return out;
}

export function series(history: Metrics[], m: MetricName): number[] {
  return history.map((x) => x[m]);
}

/** The branch's path up to `steps` steps; past its cursor it goes on with the script alone. */
export function pathTo(scn: Scenario, params: Params, b: Branch, steps: number): Metrics[] {
  const upTo = Math.min(b.cursor, steps);
  const out = metricsOf(b, upTo);
  let from: Snapshot = b.snapshots[upTo];
  for (let k = upTo; k < steps; k++) {
    from = stepFrom(scn, params, from);
    out.push(from.metrics!);
  }
  return out;
}
