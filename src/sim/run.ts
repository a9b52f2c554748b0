// Running a scenario over its horizon: every use (run, play, batch) goes through here and the
// engine's step (src/engine/step.ts: what the model's step() gives, with what runs share remembered).

import { dateOfStep } from '../model/calendar.js';
import { initialState } from '../model/baseline.js';
import { METRIC_NAMES, type Metrics, readMetrics, writeMetrics } from '../model/metrics.js';
import type { SourcedMove } from '../model/moves.js';
import { centralParams, drawParamsFrom, type Params, paramTable, type ParamSpecs } from '../model/params.js';
import { MoveError } from '../model/reducers/index.js';
import { withChanges } from '../model/copy.js';
import { type Rng, rngFromState } from '../model/rng.js';
import type { StepResult } from '../model/step.js';
import { REMEMBERED } from '../engine/lookups.js';
import { regimeOf } from '../engine/regime.js';
import { quietStepsFast, stepFast } from '../engine/step.js';
import type { SimEvent, State } from '../model/types.js';
import type { DecisionView, Scenario } from '../scenario/compile.js';
import { runStreams, stream } from './streams.js';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: string | number;
  /** Run i of a batch (parameters drawn from their ranges); absent or null: the central run. */
  run_index?: number | null;
  /** Overrides the scenario's horizon. */
  steps?: number;
}

const METRICS = METRIC_NAMES.length;

export type Row = { step: number; date: string } & Metrics;

export interface RunResult {
  scenario: string;
  seed: string;
  run_index: number | null;
  params: Params;
  rows: Row[];
  events: SimEvent[];
  final: State;
}

/** A move the simulation could not apply, with where it was written. */
export class SimError extends Error {
  constructor(
    readonly step: number,
    readonly date: string,
    readonly cause_: MoveError,
    readonly origin: SourcedMove['origin'],
  ) {
    super(`step ${step} (${date}): ${cause_.message}`);
    this.name = 'SimError';
  }
}

export function runParams(scn: Scenario, seed: string, runIndex: number | null): Params {
  return runParamsFrom(scn, runIndex, stream(seed, runIndex, 'params'));
}

/** Each scenario's parameter ranges as drawing reads them (model/params.ts paramTable), made once. */
const tables = new WeakMap<ParamSpecs, Float64Array>();

/** Run i's parameters from its 'params' stream (the central run's are the central values): drawParams' numbers. */
export function runParamsFrom(scn: Scenario, runIndex: number | null, rng: Rng): Params {
  if (runIndex === null) return centralParams(scn.param_specs);
  let table = tables.get(scn.param_specs);
  if (!table) tables.set(scn.param_specs, (table = paramTable(scn.param_specs)));
  return drawParamsFrom(table, () => rng.next());
}

export function startState(scn: Scenario, seed: string, runIndex: number | null, params: Params): State {
  const options = { start_date: scn.start, step_unit: scn.step_unit, rng: stream(seed, runIndex, 'shocks').state(), decision_rng: stream(seed, runIndex, 'decisions').state(), params };
  return initialState(scn.baseline, options, REMEMBERED);
}

/**
 * A run's two streams, kept alive across steps so they are not rebuilt from the state each step.
 * They must be the streams whose state the run's State holds; the results are the same as without
 * them, only faster.
 */
export interface RunRngs {
  shocks: Rng;
  decisions: Rng;
}

/** A run's parameters, start state and live streams: each stream is seeded once (seeding costs more than a step). */
export function startRun(scn: Scenario, seed: string, runIndex: number | null): { params: Params; state: State; rngs: RunRngs } {
  const streams = runStreams(seed, runIndex);
  const params = runParamsFrom(scn, runIndex, streams.params);
  const rngs = { shocks: streams.shocks, decisions: streams.decisions };
  const state = initialState(scn.baseline, { start_date: scn.start, step_unit: scn.step_unit, rng: rngs.shocks.state(), decision_rng: rngs.decisions.state(), params }, REMEMBERED);
  return { params, state, rngs };
}

/**
 * Steps the state once: the script's moves for this step, then what the rules and strategies
 * decide (given the previous step's metrics), then any extra moves (a user's, in play).
 * Illegal moves become SimErrors that name where the move was written.
 */
export function advance(
  scn: Scenario,
  state: State,
  params: Params,
  last: Metrics | null,
  extra: SourcedMove[] = [],
  rngs?: RunRngs,
  // The model's own step() in its place gives the same (the tests' reference): see src/engine/step.ts.
  stepWith: typeof stepFast = stepFast,
): StepResult {
  const scripted = scn.timeline[state.step] ?? [];
  let moves = scripted;
  let s = state;
  if (scn.deciders.length > 0) {
    const rng = rngs ? rngs.decisions : rngFromState(state.decision_rng);
    const drawn = rng.draws();
    const view: DecisionView = { state, metrics: last, params, rng, memory: state.decision_memory };
    // The script's own list when nobody adds to it: its identity lets the engine re-use its outcome.
    for (const decide of scn.deciders) {
      const decided = decide(view);
      if (decided.length === 0) continue;
      if (moves === scripted) moves = [...scripted];
      for (const m of decided) moves.push(m);
    }
    // Most steps nobody draws or remembers anything: then the state needs no copy.
    if (view.memory !== state.decision_memory || rng.draws() !== drawn) s = withChanges(state, { decision_rng: rng.state(), decision_memory: view.memory });
  }
  if (extra.length) moves = [...moves, ...extra];
  try {
    // Only the script's own list comes back run after run: its outcome is worth remembering.
    return stepWith(s, moves, params, rngs ? rngs.shocks : rngFromState(s.rng), moves === scripted);
  } catch (e) {
    if (!(e instanceof MoveError)) throw e;
    const culprit = moves.find((m) => m.move === e.move) ?? moves.find((m) => JSON.stringify(m.move).includes(JSON.stringify(e.move)));
    throw new SimError(state.step, dateOfStep(scn.start, scn.step_unit, state.step), e, culprit?.origin);
  }
}

/** For each step, the first step from it that has scripted moves (the horizon if none): per timeline. */
const nextScripted = new WeakMap<SourcedMove[][], Int32Array>();

function nextScriptedStep(scn: Scenario, from: number): number {
  let next = nextScripted.get(scn.timeline);
  if (!next) {
    const n = scn.timeline.length;
    next = new Int32Array(n + 1).fill(n);
    for (let k = n - 1; k >= 0; k--) next[k] = scn.timeline[k].length > 0 ? k : next[k + 1];
    nextScripted.set(scn.timeline, next);
  }
  // Past the scenario's horizon (--steps beyond it) nothing is scripted.
  return from < next.length ? next[from] : Infinity;
}

/**
 * The quiet stretch from this state: it ends (`end`, exclusive; the state's own step if there is
 * none) at the next scripted move, deadline, or step at which a rule or strategy may act, whichever
 * comes first; until then the deciders draw `draws_per_step` uniforms a step and do nothing else.
 */
export function quietStretch(scn: Scenario, state: State, params: Params, last: Metrics | null, steps: number): { end: number; draws_per_step: number } {
  let end = Math.min(steps, nextScriptedStep(scn, state.step), regimeOf(state, params).next_deadline_step);
  let draws = 0;
  for (const d of scn.deciders) {
    if (end <= state.step) break;
    if (!d.quiet) {
      end = state.step;
      break;
    }
    const q = d.quiet({ state, metrics: last, params, memory: state.decision_memory });
    end = Math.min(end, q.until);
    draws += q.draws_per_step;
  }
  return { end: Math.max(end, state.step), draws_per_step: draws };
}

/**
 * Steps a run from its start to `steps`, its metrics step-major into `out` (METRIC_NAMES order), its
 * events into `events` when given. Quiet stretches (see quietStretch) go in one go through
 * quietStepsFast, the other steps through advance(): the same numbers as advance() at every step.
 */
export function runSteps(scn: Scenario, seed: string, runIndex: number | null, steps: number, out: Float64Array, events: SimEvent[] | null): { params: Params; final: State } {
  const { params, state, rngs } = startRun(scn, seed, runIndex);
  return { params, final: runFrom(scn, state, params, rngs, null, steps, out, events) };
}

/**
 * Steps a run on from `state` (its streams `rngs`, the metrics of the step before it `last`) to step
 * `steps`, as runSteps does from the start: step t's metrics go into `out` at (t - state.step) * METRICS.
 * The state at `steps`. A move that cannot be applied throws (SimError), the steps before it written.
 */
export function runFrom(scn: Scenario, state: State, params: Params, rngs: RunRngs, last: Metrics | null, steps: number, out: Float64Array, events: SimEvent[] | null): State {
  const first = state.step;
  for (let t = first; t < steps; ) {
    const quiet = quietStretch(scn, state, params, last, steps);
    const count = quiet.end - t;
    if (count > 0) {
      state = quietStepsFast(state, params, rngs.shocks, count, out, (t - first) * METRICS, events);
      if (quiet.draws_per_step > 0) {
        // The uniforms the deciders would have drawn, step by step, and ignored.
        for (let k = quiet.draws_per_step * count; k > 0; k--) rngs.decisions.next();
        state = withChanges(state, { decision_rng: rngs.decisions.state() });
      }
      t += count;
      if (scn.deciders.length > 0) last = readMetrics(out, (t - 1 - first) * METRICS);
      continue;
    }
    const r = advance(scn, state, params, last, [], rngs);
    writeMetrics(r.metrics, out, (t - first) * METRICS);
    if (events) for (const e of r.events) events.push(e);
    last = r.metrics;
    state = r.state;
    t++;
  }
  return state;
}

export function runScenario(scn: Scenario, opts: RunOptions = {}): RunResult {
  const seed = String(opts.seed ?? scn.seed);
  const runIndex = opts.run_index ?? null;
  const steps = opts.steps ?? scn.horizon;
  const out = new Float64Array(steps * METRICS);
  const events: SimEvent[] = [];
  const { params, final } = runSteps(scn, seed, runIndex, steps, out, events);
  const rows: Row[] = [];
  for (let k = 0; k < steps; k++) rows.push({ step: k, date: dateOfStep(scn.start, scn.step_unit, k), ...readMetrics(out, k * METRICS) });
  return { scenario: scn.name, seed, run_index: runIndex, params, rows, events, final };
}
