// One chunk of a batch: runs [start, end) of every arm, through the same startRun/advance
// as `run`, so run i here is `run --seed S --run-index i`. What it returns depends only on the plan
// and the run indices, never on the worker that computed it.

import { compileSource, type Scenario, type ScenarioSource } from '../scenario/compile.js';
import { runSteps } from '../sim/run.js';
import { DIFF_LAYOUTS, METRIC_LAYOUTS } from './bins.js';
import { ChunkAccumulator } from './chunkAccumulator.js';
import { CsvRows } from './csv.js';
import { type Arm, type Plan, seriesOrder } from './plan.js';
import { METRICS as M } from './series.js';
import type { SparseSeries } from './sparseSeries.js';

export interface ChunkTask {
  plan: Plan;
  start: number;
  end: number;
  csv: boolean;
  /**
   * The scenarios as data, by file (the main thread loaded and checked them): the worker compiles
   * them from these. A file without one is read from disk (a plan made by hand).
   */
  sources?: Record<string, ScenarioSource>;
  /** Where to write the CSV rows (a buffer of a chunk already written out): reused, not allocated. */
  csvBuffer?: ArrayBuffer;
}

export interface ChunkResult {
  start: number;
  end: number;
  series: SparseSeries[];
  /** The chunk's CSV rows as UTF-8: bytes live outside the JS heap, so they are freed as soon as written. */
  csv: Uint8Array | null;
}

/** Reads a scenario file (load.ts): the worker imports it only if a file comes without its source. */
export type FileLoader = (file: string) => Scenario;

const compiled = new Map<string, { source: string; scn: Scenario }>();
const pinned = new Map<string, Scenario>();

/** The file's scenario: compiled once from its source, and again only if the source changes. */
export function fileScenario(file: string, source: ScenarioSource | undefined, load: FileLoader | null): Scenario {
  const text = source ? JSON.stringify(source) : '';
  const hit = compiled.get(file);
  if (hit && hit.source === text) return hit.scn;
  if (!source && !load) throw new Error(`${file}: no scenario source and no way to read the file`);
  const scn = source ? compileSource(source) : (load as FileLoader)(file);
  compiled.set(file, { source: text, scn });
  pinned.clear(); // the pinned arms of a replaced scenario go with it
  return scn;
}

/** The arm's scenario: its file's, with the swept parameter pinned (its draw still consumes its uniform). */
export function armScenario(arm: Pick<Arm, 'file' | 'pin'>, base: Scenario): Scenario {
  if (!arm.pin) return base;
  const key = `${arm.file}|${arm.pin.param}=${arm.pin.value}`;
  let scn = pinned.get(key);
  if (!scn) {
    scn = { ...base, param_specs: { ...base.param_specs, [arm.pin.param]: { central: arm.pin.value, low: arm.pin.value, high: arm.pin.value } } };
    pinned.set(key, scn);
  }
  return scn;
}

/** Steps one run of a scenario, writing its metrics step-major into `out`. */
export function runInto(scn: Scenario, seed: string, run: number, steps: number, out: Float64Array): void {
  runSteps(scn, seed, run, steps, out, null);
}

export function simulateChunk(task: ChunkTask, load: FileLoader | null = null): ChunkResult {
  const { plan, start, end } = task;
  // Each file once (a sweep has many arms of one file), then each arm.
  const files = new Map<string, Scenario>();
  for (const { file } of plan.arms) if (!files.has(file)) files.set(file, fileScenario(file, task.sources?.[file], load));
  // The loop's arrays are built here, element by element, rather than taken from the task (a fresh
  // structured clone each chunk, whose arrays' shapes vary): a shape the optimised loop has not seen
  // throws its code away, and compiling it again costs the worker tens of milliseconds.
  const arms: ArmLoop[] = [];
  for (const arm of plan.arms) arms.push({ scn: armScenario(arm, files.get(arm.file) as Scenario), steps: arm.steps, values: new Float64Array(arm.steps * M) });
  const series: SeriesLoop[] = [];
  for (const { arm, minus } of seriesOrder(plan)) {
    const a = plan.arms[arm];
    series.push({ arm, minus: minus === null ? -1 : minus, acc: new ChunkAccumulator(a.steps, minus === null ? METRIC_LAYOUTS : DIFF_LAYOUTS, a.scenario) });
  }
  const rows = task.csv ? new CsvRows(plan, task.csvBuffer) : null;
  runChunk(arms, series, rows, String(plan.seed), start, end);
  return { start, end, series: series.map((x) => x.acc.sparseResult()), csv: rows ? rows.take() : null };
}

interface ArmLoop {
  scn: Scenario;
  steps: number;
  values: Float64Array;
}

interface SeriesLoop {
  arm: number;
  /** The arm subtracted (a paired difference), or -1. */
  minus: number;
  acc: ChunkAccumulator;
}

/** The chunk's runs: the hot loop, on its own so that what sets a chunk up cannot deoptimise it. */
function runChunk(arms: ArmLoop[], series: SeriesLoop[], rows: CsvRows | null, seed: string, start: number, end: number): void {
  for (let run = start; run < end; run++) {
    for (let a = 0; a < arms.length; a++) runInto(arms[a].scn, seed, run, arms[a].steps, arms[a].values);
    for (let s = 0; s < series.length; s++) {
      const x = series[s];
      x.acc.add(arms[x.arm].values, x.minus < 0 ? null : arms[x.minus].values);
    }
    if (rows) for (let a = 0; a < arms.length; a++) rows.addRun(a, run, arms[a].values);
  }
}
