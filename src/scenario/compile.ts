// A validated scenario file turned into what the simulator runs: the baseline, the parameter
// specs with overrides, and the timeline as moves per step.

import { resolveWhen } from '../model/calendar.js';
import type { Baseline } from '../model/baseline.js';
import type { SourcedMove } from '../model/moves.js';
import type { ParamSpecs } from '../model/params.js';
import type { Metrics } from '../model/metrics.js';
import type { Params } from '../model/params.js';
import type { Rng } from '../model/rng.js';
import type { State, StepUnit } from '../model/types.js';
import { fieldName, InputError } from './errors.js';
import type { ScenarioFile } from './schema/scenario.js';
import type { SeedBaseline, SeedRecord } from './schema/seeds.js';
import { compileRules, type ConditionParser, parseWithMathjs } from './rules/compileRules.js';
import type { ParsedCondition } from './rules/sandbox.js';
import { compileStrategies } from './strategies/index.js';
import { isRecordPath, recordPath } from './recordPaths.js';

/** What an actor's rule or strategy sees when it decides, at the start of a step. */
export interface DecisionView {
  state: State;
  /** The previous step's metrics; null at step 0. */
  metrics: Metrics | null;
  params: Params;
  /** The decisions stream: draw from it, never from Math.random. */
  rng: Rng;
  /**
   * What rules and strategies remember between steps (a rule's last firing, what a strategy has
   * answered), carried in State.decision_memory. Copy on write: replace the object, never mutate it.
   */
  memory?: Readonly<Record<string, number>>;
}

/**
 * What a decider will do while the measures in force stay put (no move, no deadline), from the
 * view's step on: a run steps such a stretch in one go (sim/run.ts).
 */
export interface Quiet {
  /** The first step at which it may make a move or remember anything (Infinity: not before the measures change). */
  until: number;
  /** Uniforms it draws from the decisions stream at each step before then (fired or not, as paired runs need). */
  draws_per_step: number;
}

/** A compiled rule or strategy: the moves it makes this step, with their source and reasons. */
export interface Decider {
  (view: DecisionView): SourcedMove[];
  /** See Quiet; neither draws nor remembers. Absent: it may act at any step. */
  quiet?: (view: Omit<DecisionView, 'rng'>) => Quiet;
}

export interface Scenario {
  file: string;
  name: string;
  description: string;
  baseline_id: string;
  baseline: Baseline;
  start: string;
  step_unit: StepUnit;
  horizon: number;
  seed: string;
  param_specs: ParamSpecs;
  /** Scripted moves per step, index 0..horizon-1. */
  timeline: SourcedMove[][];
  /** Rules and strategies, consulted in this order every step after the script. */
  deciders: Decider[];
  /** The validated file, as written (for saving and for tools). */
  spec: ScenarioFile;
  /** What it was compiled from, as plain data (compileSource compiles it again, elsewhere). */
  source: ScenarioSource;
}

export type LineLookup = (path: (string | number)[]) => number;

/** The seeds a scenario reads, loaded and checked (load.ts reads them from seeds/). */
export interface SeedSource {
  /** The seeds folder, with a trailing slash: a record's moves name their file. */
  dir: string;
  baseline(id: string): { as_of: string; baseline: Baseline };
  /** A scenario's own starting state: a file beside `scenarioFile`, or the state inline (load.ts has checked it). */
  startState(state: string | SeedBaseline, scenarioFile: string): { as_of: string; baseline: Baseline };
  paramSpecs(): ParamSpecs;
  record(name: string): SeedRecord;
}

/**
 * Everything a scenario is compiled from, as plain data: the checked file, the seeds it read and
 * its rules' conditions parsed. A batch sends it to its worker threads, which compile the scenario
 * from it without reading YAML, checking schemas or loading mathjs again.
 */
export interface ScenarioSource {
  file: string;
  spec: ScenarioFile;
  seeds: {
    dir: string;
    baselines: Record<string, { as_of: string; baseline: Baseline }>;
    param_specs: ParamSpecs | null;
    records: Record<string, SeedRecord>;
  };
  conditions: Record<string, ParsedCondition>;
}

/** What a scenario's start is known by: its baseline's name, its start-state file, or '(inline start_state)'. */
export function startKey(spec: ScenarioFile): string {
  if (spec.baseline !== undefined) return spec.baseline;
  return typeof spec.start_state === 'string' ? spec.start_state : '(inline start_state)';
}

/** A scenario compiled again from its source (see ScenarioSource): what compileScenario gave. */
export function compileSource(source: ScenarioSource): Scenario {
  const { seeds, conditions } = source;
  const missing = (what: string): never => {
    throw new Error(`${source.file}: the scenario's source lacks ${what}`);
  };
  const served: SeedSource = {
    dir: seeds.dir,
    baseline: (id) => seeds.baselines[id] ?? missing(`baseline ${id}`),
    startState: () => seeds.baselines[startKey(source.spec)] ?? missing('its start_state'),
    paramSpecs: () => seeds.param_specs ?? missing('parameters'),
    record: (name) => seeds.records[name] ?? missing(`record ${name}`),
  };
  return compileScenario(source.file, source.spec, () => 0, served, (text) => conditions[text] ?? missing(`condition ${text}`));
}

/** `parse`: how rule conditions are parsed (mathjs, unless they come parsed: compileSource). */
export function compileScenario(file: string, spec: ScenarioFile, lineOf: LineLookup, seeds: SeedSource, parse: ConditionParser = parseWithMathjs): Scenario {
  const fail = (path: (string | number)[], msg: string): never => {
    throw new InputError(file, lineOf(path), fieldName(path), msg);
  };
  // What is read is kept, as the scenario's source.
  const source: ScenarioSource = { file, spec, seeds: { dir: seeds.dir, baselines: {}, param_specs: null, records: {} }, conditions: {} };
  // A seed's own errors name the seed file; load.ts turns them into errors at the field naming it.
  if ((spec.baseline === undefined) === (spec.start_state === undefined))
    fail([spec.baseline === undefined ? 'baseline' : 'start_state'], 'give either a baseline from seeds/ or a start_state of its own (one of the two)');
  const key = startKey(spec);
  const base = (source.seeds.baselines[key] = spec.start_state === undefined ? seeds.baseline(key) : seeds.startState(spec.start_state, file));
  const start = spec.start ?? base.as_of;
  if (start < base.as_of) fail(['start'], `${start} is before the baseline's date ${base.as_of}`);
  const unit = spec.step;

  source.seeds.param_specs = seeds.paramSpecs();
  const specs = { ...source.seeds.param_specs };
  for (const [name, o] of Object.entries(spec.parameters ?? {})) {
    const key = name as keyof ParamSpecs;
    if (o === undefined) continue;
    const next = typeof o === 'number' ? { central: o, low: o, high: o } : { central: o.central, low: o.low ?? Math.min(o.central, specs[key].low), high: o.high ?? Math.max(o.central, specs[key].high) };
    if (!(next.low <= next.central && next.central <= next.high)) fail(['parameters', name], `expected low <= central <= high, got ${next.low}, ${next.central}, ${next.high}`);
    specs[key] = next;
  }

  const timeline: SourcedMove[][] = Array.from({ length: spec.horizon }, () => []);
  const place = (stepIndex: number, moves: SourcedMove[]) => {
    for (const m of moves) timeline[stepIndex].push(m);
  };

  // Records first: what the seeds say happened, then what the scenario adds on the same step.
  for (const name of spec.records ?? []) {
    const record = (source.seeds.records[name] = seeds.record(name));
    const recordFile = isRecordPath(name) ? recordPath(file, name) : `${seeds.dir}${name}.yaml`;
    record.entries.forEach((entry, ei) => {
      if (entry.at < start) return;
      const k = resolveWhen(start, unit, entry.at);
      if (k >= spec.horizon) return;
      place(k, entry.moves.map((move, mi) => ({ move, source: 'script', why: entry.why, origin: { file: recordFile, path: ['entries', ei, 'moves', mi] } })));
    });
  }
  spec.timeline.forEach((entry, ei) => {
    if (typeof entry.at === 'string' && entry.at < start) fail(['timeline', ei, 'at'], `${entry.at} is before the start ${start}`);
    const k = resolveWhen(start, unit, entry.at);
    if (k >= spec.horizon) fail(['timeline', ei, 'at'], `${entry.at} falls at step ${k}, beyond the horizon of ${spec.horizon} steps`);
    place(k, entry.moves.map((move, mi) => ({ move, source: 'script', why: entry.why, origin: { file, path: ['timeline', ei, 'moves', mi] } })));
  });

  return {
    file,
    name: spec.name,
    description: spec.description,
    baseline_id: key,
    baseline: base.baseline,
    start,
    step_unit: unit,
    horizon: spec.horizon,
    seed: String(spec.seed),
    param_specs: specs,
    timeline,
    deciders: [
      compileRules(file, spec.rules, lineOf, (text) => (source.conditions[text] ??= parse(text))),
      compileStrategies(file, spec.strategies, lineOf, { baseline: base.baseline, timeline, start, step_unit: unit }),
    ].filter((d): d is Decider => d !== null),
    spec,
    source,
  };
}
