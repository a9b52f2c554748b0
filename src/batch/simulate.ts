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
  const scns = plan.arms.map((arm) => armScenario(arm, files.get(arm.file) as Scenario));
  const values = plan.arms.map((a) => new Float64Array(a.steps * M));
  const order = seriesOrder(plan);
  const accs = order.map(({ arm, minus }) => new ChunkAccumulator(plan.arms[arm].steps, minus === null ? METRIC_LAYOUTS : DIFF_LAYOUTS, plan.arms[arm].scenario));
  const rows = task.csv ? new CsvRows(plan) : null;
  for (let run = start; run < end; run++) {
    for (let a = 0; a < scns.length; a++) runInto(scns[a], plan.seed, run, plan.arms[a].steps, values[a]);
    for (let s = 0; s < order.length; s++) {
      const { arm, minus } = order[s];
      accs[s].add(values[arm], minus === null ? null : values[minus]);
    }
    if (rows) for (let a = 0; a < scns.length; a++) rows.addRun(a, run, values[a]);
  }
  return { start, end, series: accs.map((x) => x.sparseResult()), csv: rows ? rows.take() : null };
}
