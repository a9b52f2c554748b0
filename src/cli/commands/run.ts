// `tariff-sim run <scenario>`: one run; a readable summary on a terminal, JSON or CSV on request.

import { dateOfStep } from '../../model/calendar.js';
import { METRIC_NAMES } from '../../model/metrics.js';
import type { Scenario } from '../../scenario/compile.js';
import { InputError } from '../../scenario/errors.js';
import { resolveScenarioPath } from '../../scenario/paths.js';
import { shippedScenario } from '../../scenario/shippedScenarios.js';
import { lineInFile } from '../../scenario/yamlFile.js';
import { type RunResult, runScenario } from '../../sim/run.js';
import { UsageError } from '../errors.js';
import { emit, toCsv, toJson } from '../output.js';
import { eventLines, summaryTable } from '../table.js';
import { io } from '../io.js';
import { checkOutputs, namedOutputs, seedInputs } from '../outputPaths.js';

export interface RunFlags {
  seed?: string;
  steps?: string;
  runIndex?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
}

export function parseIntFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name}: expected a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

/**
 * A seed may be text, as in a scenario file (`seed: 7` or `seed: busan`): the streams are seeded from
 * its characters, so `--seed abc` is a seed of its own, not a mistake. It must be printable, without
 * spaces at either end, and at most 100 characters: what a user can type and see again in the output.
 */
export function checkSeedFlag(seed: string | undefined): void {
  if (seed === undefined) return;
  if (seed.trim() === '') throw new UsageError('--seed: expected a value');
  if (seed.length > 100) throw new UsageError(`--seed: at most 100 characters, got ${seed.length}`);
  if (seed !== seed.trim() || /[\p{Cc}\p{Cf}]/u.test(seed)) throw new UsageError(`--seed: expected printable text without spaces at either end, got ${JSON.stringify(seed)}`);
}

/**
 * A run whose metrics are not all finite is never shown as a result. With parameter overrides the
 * file is to blame (exit 2, at its parameters); without, the model is (an internal error, exit 1).
 */
export function checkFinite(scn: Scenario, r: RunResult): void {
  for (const row of r.rows) {
    for (const name of METRIC_NAMES) {
      if (Number.isFinite(row[name])) continue;
      const what = `${name} is ${row[name]} at step ${row.step} (${row.date})`;
      if (Object.keys(scn.spec.parameters ?? {}).length > 0)
        throw new InputError(scn.file, lineInFile(scn.file, ['parameters']), 'parameters', `these parameter values break the model: ${what}`);
      throw new Error(`model produced a non-finite metric: ${what}`);
    }
  }
}

/** Each event with the date of its step (the row's date), after the step. */
export function runJson(r: RunResult, description: string): unknown {
  const events = r.events.map(({ step, ...rest }) => ({ step, date: r.rows[step]?.date ?? null, ...rest }));
  return { scenario: r.scenario, description, seed: r.seed, run_index: r.run_index, parameters: r.params, rows: r.rows, events };
}

export function runCsv(r: RunResult): string {
  return toCsv(['step', 'date', ...METRIC_NAMES], r.rows);
}

/** One line within the width, cut with an ellipsis. */
function fit(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

/** Words to lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** `width` null: not a terminal, so the events are printed whole, every one. */
export function readableRun(r: RunResult, description: string, start: string, unit: 'week' | 'month', width: number | null): string {
  const cut = width ?? 80;
  const head = [`${r.scenario}: ${description}`, `seed ${r.seed}, ${r.run_index === null ? 'central parameters' : `run ${r.run_index}`}, ${r.rows.length} ${unit}s from ${r.rows[0].date}`, ''];
  const dateOf = (s: number) => dateOfStep(start, unit, s);
  const events = width === null ? eventLines(r.events, dateOf, null).map((l) => `  ${l}`) : eventLines(r.events, dateOf, 30).map((l) => fit(`  ${l}`, width));
  return `${[...head.flatMap((l) => (l ? wrap(l, cut) : [l])), summaryTable(r.rows, r.events, cut), '', 'Events:', ...events].join('\n')}\n`;
}

/**
 * A shipped scenario comes compiled from the build (shippedScenarios.ts); any other file is loaded
 * and checked by load.ts, imported only then: it brings the YAML reader and the schemas (zod).
 */
/**
 * A scenario named on the command line: a shipped one compiled from the build's table (no YAML
 * reader, no schemas), any other file read and checked by load.ts, imported only then (run, batch, play).
 */
export async function loadScenarioArg(scenarioArg: string): Promise<Scenario> {
  return shippedScenario(resolveScenarioPath(scenarioArg)) ?? (await import('../../scenario/load.js')).loadScenario(scenarioArg);
}

export async function runCommand(scenarioArg: string, flags: RunFlags): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const steps = parseIntFlag('steps', flags.steps, 1, 520);
  const runIndex = parseIntFlag('run-index', flags.runIndex, 0, 1e9);
  checkSeedFlag(flags.seed);
  const scn = await loadScenarioArg(scenarioArg);
  checkOutputs(namedOutputs(flags), [{ path: scn.file, what: 'the scenario file' }, ...seedInputs([scn.source.seeds.dir])]);
  const r = runScenario(scn, { seed: flags.seed, steps, run_index: runIndex ?? null });
  checkFinite(scn, r);
  if (flags.json) return emit(toJson(runJson(r, scn.description)), flags.out);
  if (flags.csv) return emit(runCsv(r), flags.out);
  // On a terminal the events are cut to its width; piped or to a file they are printed whole.
  const width = io().stdout.isTTY && !flags.out ? io().stdout.columns || 80 : null;
  emit(readableRun(r, scn.description, scn.start, scn.step_unit, width), flags.out);
}
