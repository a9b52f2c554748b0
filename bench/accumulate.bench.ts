// The batch worker's per-run summarising (ChunkAccumulator.add) in process: µs per 52-step run of
// busan-truce, for a scenario's own series and for a paired difference (truce-lapses minus
// busan-truce, same run), on its own (state hot in the cache) and as it runs in a worker (after a
// simulated run, which evicts it): what adding costs on top of the run. Minima over many short
// intervals: the machines are noisy.

import { DIFF_LAYOUTS, METRIC_LAYOUTS } from '../src/batch/bins.js';
import { ChunkAccumulator } from '../src/batch/chunkAccumulator.js';
import { runInto } from '../src/batch/simulate.js';
import { METRICS } from '../src/batch/series.js';
import { loadScenario } from '../src/scenario/load.js';

const STEPS = 52;
const SAMPLES = 256; // distinct runs, cycled
const a = loadScenario('busan-truce');
const b = loadScenario('truce-lapses');
const runsA: Float64Array[] = [];
const runsB: Float64Array[] = [];
for (let r = 0; r < SAMPLES; r++) {
  runsA.push(new Float64Array(STEPS * METRICS));
  runsB.push(new Float64Array(STEPS * METRICS));
  runInto(a, '1', r, STEPS, runsA[r]);
  runInto(b, '1', r, STEPS, runsB[r]);
}

function minUsPerRun(add: (r: number) => void): number {
  const perInterval = 500;
  let best = Infinity;
  for (let k = 0, r = 0; k < 200; k++) {
    const started = performance.now();
    for (let j = 0; j < perInterval; j++, r++) add(r % SAMPLES);
    best = Math.min(best, ((performance.now() - started) * 1000) / perInterval);
  }
  return best;
}

const values = new ChunkAccumulator(STEPS, METRIC_LAYOUTS, 'busan-truce');
const diffs = new ChunkAccumulator(STEPS, DIFF_LAYOUTS, 'truce-lapses');
const valuesUs = minUsPerRun((r) => values.add(runsA[r]));
const diffsUs = minUsPerRun((r) => diffs.add(runsB[r], runsA[r]));
console.log(`ChunkAccumulator.add, ${STEPS} steps x ${METRICS} metrics: ${valuesUs.toFixed(1)} µs per run, a paired difference ${diffsUs.toFixed(1)} µs (min of 200 intervals; target < 6)`);

const scratch = new Float64Array(STEPS * METRICS);
const inLoop = new ChunkAccumulator(STEPS, METRIC_LAYOUTS, 'busan-truce');
const runUs = minUsPerRun((r) => runInto(a, '1', r, STEPS, scratch));
const runAddUs = minUsPerRun((r) => {
  runInto(a, '1', r, STEPS, scratch);
  inLoop.add(scratch);
});
console.log(`after each simulated run (as in a worker): ${(runAddUs - runUs).toFixed(1)} µs per run on top of the run's ${runUs.toFixed(0)} µs`);
