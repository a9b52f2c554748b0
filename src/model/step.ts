// The heart: one step of the simulation. Moves, then deadlines, then the economy advances one step.
// Pure: the state (with its random stream) and the moves in; the next state, events and metrics out.
// This is the definition: everything worked out afresh. A run goes through the engine's step
// (src/engine/step.ts), which remembers what runs share and gives exactly this.

import { endAuthorities } from './authorities.js';
import { agreementWith, layerWith, withChanges } from './copy.js';
import { advanceEconomy, seasonOf } from './economy.js';
import { welfareOf } from './economics/trade.js';
import { METRIC_NAMES, type Metrics, readMetrics } from './metrics.js';
import type { SourcedMove } from './moves.js';
import { buildRegime, type Regime } from './regime.js';
import type { Params } from './params.js';
import { applyMove, MoveError } from './reducers/index.js';
import { type Rng, rngFromState } from './rng.js';
import type { SimEvent, State } from './types.js';

export interface StepResult {
  state: State;
  events: SimEvent[];
  metrics: Metrics;
}

const LAPSE_TENSION = 10;
// Where a step's metrics land before they become an object: one buffer, re-used (a typed array is
// costly to allocate, and nothing here is re-entered).
const metricsOut = new Float64Array(METRIC_NAMES.length);

/**
 * Moves decided inside a run (by a rule, a strategy, or a lapsing agreement) can meet a state their
 * author did not foresee; such a move is skipped with a note. A scripted or a user's move is input,
 * and an illegal one is an error.
 */
export function isDecidedInRun(source: string): boolean {
  return source === 'model' || source.startsWith('rule:') || source.startsWith('strategy:');
}

/**
 * Applies moves in order, one by one through their reducers; an illegal scripted or user move throws
 * a MoveError and nothing of the step is kept. A move decided in the run that the state no longer
 * allows is skipped with a note.
 */
export function reduceMoves(state: State, moves: SourcedMove[]): { state: State; events: SimEvent[] } {
  let s = state;
  const events: SimEvent[] = [];
  for (const { move, source, why } of moves) {
    let out;
    try {
      out = applyMove(s, move, { source, why });
    } catch (e) {
      if (!(e instanceof MoveError) || !isDecidedInRun(source)) throw e;
      const actor = move.actor === 'both' ? 'model' : move.actor;
      events.push({ step: s.step, actor, kind: 'note', type: 'move_skipped', source, text: `${move.type} skipped: ${e.message.replace(/^[a-z_]+: /, '')}`, tension_delta: 0 });
      continue;
    }
    s = out.state;
    for (const e of out.events) events.push(e);
  }
  return { state: s, events };
}

/**
 * Agreements whose deadline has come lapse (their `on_lapse` moves apply); expiring layers snap back;
 * statutory dates end their authorities' layers.
 */
export function lapseAndExpire(state: State): { state: State; events: SimEvent[] } {
  const events: SimEvent[] = [];
  let s = state;
  for (const a of state.agreements) {
    if (!a.active || a.expires_step === null || a.expires_step > s.step) continue;
    events.push({ step: s.step, actor: 'model', kind: 'lapse', type: 'agreement_lapsed', source: 'model', text: `${a.label} lapses`, tension_delta: LAPSE_TENSION });
    // Copies and pushes, not map(): optimised code's map() makes holey arrays, and state arrays of two
    // kinds threw away the code that reads them (a run's agreements were of both).
    const agreements = s.agreements.slice();
    const k = agreements.findIndex((x) => x.id === a.id);
    agreements[k] = agreementWith(agreements[k], { active: false });
    s = withChanges(s, { agreements });
    const lapsed: SourcedMove[] = [];
    for (const move of a.on_lapse) lapsed.push({ move, source: 'model', why: `${a.label} lapsed` });
    const out = reduceMoves(s, lapsed);
    s = out.state;
    events.push(...out.events);
  }
  for (const key of ['us_layers', 'cn_layers'] as const) {
    if (!s[key].some((l) => l.expires_step !== null && l.expires_step <= s.step)) continue;
    const layers = s[key].slice();
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k];
      if (l.expires_step === null || l.expires_step > s.step) continue;
      const rate = l.snapback_rate_pct ?? 0;
      events.push({ step: s.step, actor: 'model', kind: 'expiry', type: 'layer_expired', source: 'model', text: `${l.label} expires: ${l.rate_pct}% -> ${rate}%`, tension_delta: 0 });
      layers[k] = layerWith(l, { rate_pct: rate, expires_step: null, snapback_rate_pct: null });
    }
    s = withChanges(s, key === 'us_layers' ? { us_layers: layers } : { cn_layers: layers });
  }
  // Statutory dates: a voided authority's stop date, a time limit's end, a lapse (authorities.ts).
  s = endAuthorities(s, events);
  return { state: s, events };
}

/** One step: the moves, the deadlines if one has come, and the economy's step under the regime then in force. */
export function step(state: State, moves: SourcedMove[], params: Params, rng: Rng = rngFromState(state.rng)): StepResult {
  const moved = reduceMoves(state, moves);
  const events = moved.events;
  let s = moved.state;
  let g = buildRegime(s, params);
  if (g.next_deadline_step <= s.step) {
    const out = lapseAndExpire(s);
    for (const e of out.events) events.push(e);
    s = out.state;
    g = buildRegime(s, params);
  }
  let moveTension = 0;
  for (const e of events) moveTension += e.tension_delta;
  const next = advanceEconomy(s, g, params, rng, 1, moveTension, metricsOut, 0, events, welfareOf(g.import_prices), seasonOf(s, g, 1));
  return { state: next, events, metrics: readMetrics(metricsOut, 0) };
}

/**
 * `count` steps with no moves, none at a deadline: what `count` calls of step(state, [], ...) give,
 * in one go (advanceEconomy), with the metrics into `out` from `at` (step-major, METRIC_NAMES order)
 * and magnet shortages into `events` when given.
 */
export function quietSteps(state: State, params: Params, rng: Rng, count: number, out: Float64Array, at: number, events: SimEvent[] | null): State {
  const g = buildRegime(state, params);
  checkQuiet(g, state, count);
  return advanceEconomy(state, g, params, rng, count, 0, out, at, events, welfareOf(g.import_prices), seasonOf(state, g, count));
}

/** Throws unless the `count` steps from `state` under its regime `g` meet no deadline. */
export function checkQuiet(g: Regime, state: State, count: number): void {
  if (g.next_deadline_step < state.step + count) throw new RangeError(`quietSteps: a deadline falls at step ${g.next_deadline_step}, within steps ${state.step}..${state.step + count - 1}`);
}
