// A run stepped one step at a time through advance(), as play steps it (or through the model's own
// step() with `stepWith`, the reference): what runScenario, with its quiet stretches in one go,
// must give exactly.
import { dateOfStep } from '../../src/model/calendar.js';
import type { Metrics } from '../../src/model/metrics.js';
import type { SimEvent, State } from '../../src/model/types.js';
import type { Scenario } from '../../src/scenario/compile.js';
import { advance, type Row, startRun } from '../../src/sim/run.js';

export function stepByStep(
  scn: Scenario,
  opts: { seed?: string | number; run_index?: number | null; steps?: number; onStep?: (state: State, step: number) => void; stepWith?: Parameters<typeof advance>[6] } = {},
): { rows: Row[]; events: SimEvent[]; final: State } {
  const steps = opts.steps ?? scn.horizon;
  const { params, state: start, rngs } = startRun(scn, String(opts.seed ?? scn.seed), opts.run_index ?? null);
  let state = start;
  let last: Metrics | null = null;
  const rows: Row[] = [];
  const events: SimEvent[] = [];
  for (let k = 0; k < steps; k++) {
    const r = advance(scn, state, params, last, [], rngs, opts.stepWith);
    rows.push({ step: k, date: dateOfStep(scn.start, scn.step_unit, k), ...r.metrics });
    events.push(...r.events);
    last = r.metrics;
    state = r.state;
    opts.onStep?.(state, k);
  }
  return { rows, events, final: state };
}
