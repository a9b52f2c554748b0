// The step a run goes through: the model's step() (model/step.ts) with what the runs of a batch share
// remembered. The script's moves and the deadline passes come from the move memo, the regime from
// the last few (regime.ts), its parts from the remembered lookups. The numbers, states and events are
// step()'s own: a property test holds the two equal.

import { advanceEconomy } from '../model/economy.js';
import { METRIC_NAMES, readMetrics } from '../model/metrics.js';
import type { SourcedMove } from '../model/moves.js';
import type { Params } from '../model/params.js';
import { type Rng, rngFromState } from '../model/rng.js';
import { checkQuiet, lapseAndExpire, reduceMoves, type StepResult } from '../model/step.js';
import type { SimEvent, State } from '../model/types.js';
import { memoized } from './moveMemo.js';
import { regimeOf } from './regime.js';
import { seasonOf } from './season.js';
import { welfareOf } from './welfare.js';

// Where a step's metrics land before they become an object: one buffer, re-used (a typed array is
// costly to allocate, and nothing here is re-entered).
const metricsOut = new Float64Array(METRIC_NAMES.length);

/**
 * What reduceMoves gives, its outcome on a given policy state remembered (moveMemo.ts): the script's
 * moves then cost a run of a batch next to nothing. `remember` false: the list is made afresh (by a
 * rule, a strategy or a user) and never comes back, so remembering its outcome under it would only
 * cost (a weak map of dead keys, which the collector pays for).
 */
export function applyMoves(state: State, moves: SourcedMove[], remember = true): { state: State; events: SimEvent[] } {
  if (moves.length === 0) return { state, events: [] };
  if (!remember) return reduceMoves(state, moves);
  return memoized(moves, state, () => reduceMoves(state, moves));
}

/**
 * The deadline pass (lapseAndExpire), remembered like the moves: a pure function of the policy
 * state. `remember` false: this step's moves were made afresh, so its agreements are this run's own.
 */
function deadlines(state: State, events: SimEvent[], remember: boolean): State {
  const out = remember ? memoized(state.agreements, state, () => lapseAndExpire(state)) : lapseAndExpire(state);
  for (const e of out.events) events.push(e);
  return out.state;
}

/** What model/step.ts step() gives. `remember`: as for applyMoves (false for a list made afresh this step). */
export function stepFast(state: State, moves: SourcedMove[], params: Params, rng: Rng = rngFromState(state.rng), remember = true): StepResult {
  const moved = applyMoves(state, moves, remember);
  const events = moved.events;
  let s = moved.state;
  let g = regimeOf(s, params);
  if (g.next_deadline_step <= s.step) {
    s = deadlines(s, events, remember);
    g = regimeOf(s, params);
  }
  let moveTension = 0;
  for (const e of events) moveTension += e.tension_delta;
  const next = advanceEconomy(s, g, params, rng, 1, moveTension, metricsOut, 0, events, welfareOf(g.import_prices), seasonOf(s, g, 1));
  return { state: next, events, metrics: readMetrics(metricsOut, 0) };
}

/** What model/step.ts quietSteps() gives: `count` steps with no moves and no deadline, in one go. */
export function quietStepsFast(state: State, params: Params, rng: Rng, count: number, out: Float64Array, at: number, events: SimEvent[] | null): State {
  const g = regimeOf(state, params);
  checkQuiet(g, state, count);
  return advanceEconomy(state, g, params, rng, count, 0, out, at, events, welfareOf(g.import_prices), seasonOf(state, g, count));
}
