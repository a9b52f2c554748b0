// Loading a scenario file: read, parse, validate against the schema, compile.

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Move } from '../model/moves.js';
import type { ParamName } from '../model/params.js';
import { compileScenario, type LineLookup, type Scenario, type SeedSource } from './compile.js';
import { fieldName, InputError } from './errors.js';
import { paramLimitProblem } from './paramLimits.js';
import { resolveScenarioPath, SEEDS_DIR } from './paths.js';
import { type ScenarioFile, scenarioSchema } from './schema/scenario.js';
import { checkInlineSources, loadBaseline, loadParamSpecs, loadRecord, loadStartState, startStatePath } from './seeds.js';
import { isRecordPath, recordPath } from './recordPaths.js';
import { loadUserRecord } from './userRecords.js';
import { lineInFile, lineOf, parseYaml, validateWith } from './yamlFile.js';

export function loadScenario(nameOrPath: string, seedsDir = SEEDS_DIR): Scenario {
  const file = resolveScenarioPath(nameOrPath);
  if (!existsSync(file) && /^[a-z0-9-]+$/.test(nameOrPath))
    throw new InputError(file, null, null, 'no such file, and no shipped scenario of that name (see `tariff-sim list`)');
  const src = parseYaml(file);
  const spec = validateWith(src, scenarioSchema);
  const line: LineLookup = (path) => lineOf(src, path);
  checkParamLimits(file, spec, line);
  if (spec.start_state !== undefined && typeof spec.start_state !== 'string') checkInlineSources(src, ['start_state'], seedsDir);
  checkRecordsOnce(file, spec, line);
  let scn: Scenario;
  try {
    const seeds = seedFiles(seedsDir);
    // Records named by a file are the user's, beside the scenario (userRecords.ts).
    const record = (name: string) => (isRecordPath(name) ? loadUserRecord(recordPath(file, name), seedsDir) : seeds.record(name));
    scn = compileScenario(file, spec, line, { ...seeds, record });
  } catch (e) {
    throw blameSeed(e, file, spec, line, seedsDir);
  }
  checkRuleLayers(scn, line);
  return scn;
}

/** Seeds read from a folder of seed files (each read and checked once). */
export function seedFiles(dir = SEEDS_DIR): SeedSource {
  return {
    dir,
    baseline: (id) => loadBaseline(id, dir),
    startState: (state, scenarioFile) => loadStartState(state, scenarioFile, dir),
    paramSpecs: () => loadParamSpecs(dir),
    record: (name) => loadRecord(name, dir),
  };
}

/** A move and the moves it carries (an agreement's lapse, a summit's package), with their paths. */
function* movesIn(move: Move, path: (string | number)[]): Generator<{ move: Move; path: (string | number)[] }> {
  yield { move, path };
  if (move.type === 'sign_agreement') for (const [i, m] of (move.on_lapse ?? []).entries()) yield* movesIn(m, [...path, 'on_lapse', i]);
  if (move.type === 'hold_summit') for (const [i, m] of move.moves.entries()) yield* movesIn(m, [...path, 'moves', i]);
}

/**
 * A rule's move is only tried when its condition holds, and then an illegal one is skipped: a
 * misspelt layer would go unnoticed. So a rule may only name a layer the baseline has or some move
 * of the scenario adds.
 */
function checkRuleLayers(scn: Scenario, line: LineLookup): void {
  const rules = scn.spec.rules ?? [];
  if (rules.length === 0) return;
  const known = { us: new Set(scn.baseline.us_layers.map((l) => l.id)), cn: new Set(scn.baseline.cn_layers.map((l) => l.id)) };
  const ruleMoves = rules.flatMap((r, i) => (r.move !== undefined ? [{ move: r.move, path: ['rules', i, 'move'] }] : (r.moves ?? []).map((m, mi) => ({ move: m, path: ['rules', i, 'moves', mi] }))));
  const all = [...scn.timeline.flat().map((s) => ({ move: s.move, path: [] })), ...ruleMoves];
  for (const top of all) for (const { move } of movesIn(top.move, top.path)) if (move.type === 'add_tariff_layer') known[move.actor].add(move.layer);
  for (const top of ruleMoves)
    for (const { move, path } of movesIn(top.move, top.path)) {
      if (!('layer' in move) || move.type === 'add_tariff_layer') continue;
      if (known[move.actor].has(move.layer)) continue;
      const at = [...path, 'layer'];
      throw new InputError(scn.file, line(at), fieldName(at), `unknown ${move.actor} layer "${move.layer}" (known: ${[...known[move.actor]].join(', ')})`);
    }
}

/** A record named twice would add its moves twice: blamed on the second mention, not on the seed. */
function checkRecordsOnce(file: string, spec: ScenarioFile, line: LineLookup): void {
  const records = spec.records ?? [];
  const i = records.findIndex((r, j) => records.indexOf(r) !== j);
  if (i >= 0) throw new InputError(file, line(['records', i]), fieldName(['records', i]), `record "${records[i]}" is given twice (first at records[${records.indexOf(records[i])}])`);
}

/** Overrides outside what the model's formulas can use, caught before a run divides by zero. */
function checkParamLimits(file: string, spec: ScenarioFile, line: LineLookup): void {
  for (const [name, o] of Object.entries(spec.parameters ?? {})) {
    if (o === undefined) continue;
    const values: [(string | number)[], number | undefined][] =
      typeof o === 'number' ? [[['parameters', name], o]] : (['central', 'low', 'high'] as const).map((k) => [['parameters', name, k], o[k]]);
    for (const [path, v] of values) {
      const problem = v === undefined ? null : paramLimitProblem(name as ParamName, v);
      if (problem) throw new InputError(file, line(path), fieldName(path), problem);
    }
  }
}

/**
 * An error inside a seed file the scenario names (a baseline that is not one, a broken record)
 * is reported at the scenario's field that named it, with the seed's own line in the message.
 */
function blameSeed(e: unknown, file: string, spec: ScenarioFile, line: LineLookup, seedsDir: string): unknown {
  if (!(e instanceof InputError) || e.file === file) return e;
  if (typeof spec.start_state === 'string' && e.file === startStatePath(spec.start_state, file)) {
    // The start-state file's own line and field, or, when it is missing, the scenario's line naming it.
    return e.line === null && e.field === null ? new InputError(file, line(['start_state']), 'start_state', `${spec.start_state}: ${e.detail}`) : e;
  }
  // A user's record beside the scenario: its own file and line say where.
  if ((spec.records ?? []).some((r) => isRecordPath(r) && recordPath(file, r) === e.file)) return e;
  const named = (name: string) => e.file === join(seedsDir, name) || e.file === join(seedsDir, `${name}.yaml`);
  const ri = (spec.records ?? []).findIndex(named);
  const path: (string | number)[] = ri >= 0 ? ['records', ri] : spec.start_state !== undefined ? ['start_state'] : ['baseline'];
  const name = ri >= 0 ? spec.records![ri] : (spec.baseline ?? 'start_state');
  const kind = ri >= 0 ? 'record' : 'baseline';
  const where = relative(process.cwd(), e.file) || e.file;
  const detail =
    e.detail === 'not a seed name'
      ? `"${name}" is not a seed name (a file name in seeds/, without .yaml)`
      : named(name) && e.detail.startsWith('no such seed')
        ? e.detail
        : `seed "${name}" is not a valid ${kind}: ${where}${e.line !== null ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.detail}`;
  return new InputError(file, line(path), fieldName(path), detail);
}

export { InputError, lineInFile, resolveScenarioPath };
