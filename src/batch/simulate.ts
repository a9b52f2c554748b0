// One chunk of a batch: runs [start, end) of every arm, through the same startRun/advance
// as `run`, so run i here is `run --seed S --run-index i`. What it returns depends only on the plan
// and the run indices, never on the worker that computed it.

import type { Scenario } from '../scenario/compile.js';
import { loadScenario } from '../scenario/load.js';
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
}

export interface ChunkResult {
  start: number;
  end: number;
  series: SparseSeries[];
  /** The chunk's CSV rows as UTF-8: bytes live outside the JS heap, so they are freed as soon as written. */
  csv: Uint8Array | null;
}

const loaded = new Map<string, Scenario>();

/** The arm's scenario, with the swept parameter pinned (its draw still consumes its uniform). */
export function armScenario(arm: Pick<Arm, 'file' | 'pin'>): Scenario {
  const key = `${arm.file}|${arm.pin ? `${arm.pin.param}=${arm.pin.value}` : ''}`;
  let scn = loaded.get(key);
  if (!scn) {
    // A sweep's arms share their file's one load (the warm-up's): loading is the slow part.
    const base = arm.pin ? armScenario({ file: arm.file, pin: null }) : loadScenario(arm.file);
    scn = arm.pin ? { ...base, param_specs: { ...base.param_specs, [arm.pin.param]: { central: arm.pin.value, low: arm.pin.value, high: arm.pin.value } } } : base;
    loaded.set(key, scn);
  }
  return scn;
}

/** Steps one run of a scenario, writing its metrics step-major into `out`. */
export function runInto(scn: Scenario, seed: string, run: number, steps: number, out: Float64Array): void {
  runSteps(scn, seed, run, steps, out, null);
}

export function simulateChunk(task: ChunkTask): ChunkResult {
  const { plan, start, end } = task;
  const scns = plan.arms.map(armScenario);
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
