// The batch's long-form CSV: scenario[, swept parameter], run, step, date, then every metric.
// Cells are written exactly as `run --csv` writes them (sim/format), so rows compare equal.

import { METRIC_NAMES } from '../model/metrics.js';
import { csvCell, round6 } from '../sim/format.js';
import type { Arm, Plan } from './plan.js';

export function csvHeader(plan: Plan): string {
  const sweep = plan.sweep ? [csvCell(plan.sweep.param)] : [];
  return `${['scenario', ...sweep, 'run', 'step', 'date', ...METRIC_NAMES].join(',')}\n`;
}

/** Everything before the run index on an arm's rows. */
export function csvPrefix(arm: Arm): string {
  return `${csvCell(arm.scenario)},${arm.pin ? `${round6(arm.pin.value)},` : ''}`;
}

/** `,v1,v2,...` for one step's metrics starting at values[at]. */
export function csvRowTail(values: Float64Array, at: number): string {
  let s = '';
  for (let k = 0; k < METRIC_NAMES.length; k++) s += `,${round6(values[at + k])}`;
  return s;
}
