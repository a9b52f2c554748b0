// The library API: `import { loadScenario, run, batch } from 'tariff-sim'`. The same code the CLI
// runs, without the terminal: errors are thrown (InputError for bad files), never printed.

import type { Scenario } from './scenario/compile.js';
import { loadScenario as loadScenarioFile } from './scenario/load.js';
import { type RunOptions, type RunResult, runScenario } from './sim/run.js';

/**
 * Loads, validates and compiles a scenario file, or a shipped scenario by name (`busan-truce`).
 * Throws an InputError (its message is one `file:line: field: problem` line) for a bad file.
 */
export function loadScenario(pathOrName: string): Scenario {
  return loadScenarioFile(pathOrName);
}

/**
 * Runs a loaded scenario over its horizon: the central run by default, or run `run_index` of a
 * batch (parameters drawn as that run drew them). Deterministic for a given seed.
 * Throws a SimError when a scripted move is illegal in the state it meets.
 */
export function run(scenario: Scenario, opts: RunOptions = {}): RunResult {
  return runScenario(scenario, opts);
}

/** Monte Carlo batches on worker threads: plans, runBatch, summaries, reports, shards and merge. */
export * as batch from './batch/index.js';

export type { Scenario, ScenarioSource, Decider, DecisionView, Quiet } from './scenario/compile.js';
export type { RunOptions, RunResult, Row } from './sim/run.js';
export { SimError } from './sim/run.js';
export { InputError } from './scenario/errors.js';
export { scenarioSchema, type ScenarioFile, type TimelineEntry } from './scenario/schema/scenario.js';
export { scenarioJsonSchema } from './cli/commands/schema.js';
export { METRIC_NAMES, CONTRACT_METRICS, type MetricName, type Metrics } from './model/metrics.js';
export { PARAM_NAMES, type ParamName, type Params } from './model/params.js';
export { MoveError } from './model/reducers/index.js';
export type { Move, MoveType, SourcedMove } from './model/moves.js';
export type { State, SimEvent, Actor, StepUnit } from './model/types.js';
