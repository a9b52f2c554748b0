// The soybean season's cosine by step (model/economics/soybeans.ts seasonCosines), kept for the runs'
// shared start date and step unit: worked out once per step index rather than once per step of every
// run. The table grows by doubling when a run steps past its end; its values are the pure table's.

import { dayOfYear } from '../model/calendar.js';
import { seasonCosines } from '../model/economics/soybeans.js';
import type { Regime } from '../model/regime.js';
import type { State } from '../model/types.js';

let start = '';
let unit = '';
let table: Float64Array = new Float64Array(0);

/** What model/economy.ts seasonOf gives for `count` steps from `s` (and possibly more steps). */
export function seasonOf(s: State, g: Regime, count: number): Float64Array {
  if (s.start_date !== start || s.step_unit !== unit) {
    start = s.start_date;
    unit = s.step_unit;
    table = new Float64Array(0);
  }
  const last = s.step + count - 1;
  if (last >= table.length) table = seasonCosines(dayOfYear(start), 7 * g.derived.weeks_per_step, Math.max(last + 1, 2 * table.length, 128));
  return table;
}
