// In-process batch speed against the yardstick (yardstick.ts: the model's own arithmetic written out
// with plain numbers and typed arrays). One thread, no start-up: the engine's runs go through the
// batch's own chunk path (batch/simulate.ts simulateChunk: per run startRun and the steps, then the
// chunk accumulator's add, and the chunk's sparse summary at its end), exactly what a worker does
// with a chunk. The yardstick runs the same run indices in chunks of the same size.
//
// The machines are shared and their speed drifts from second to second, so the two are measured in
// alternating rounds (engine then yardstick, then the other way round), and the figures are medians
// over the rounds; the ratio is taken per round (the two halves of a round ran close together) and
// its median reported. CPU time (process.cpuUsage) is measured beside wall time: on a loaded machine
// the wall clock also counts the time the process waited for a core.
//
// Sizes: BENCH_INPROC_RUNS runs per round and scenario (default 10,000), BENCH_INPROC_ROUNDS rounds
// (default 5), BENCH_INPROC_CHUNK runs per chunk (default 2,000, a batch's chunk at 100,000 runs),
// BENCH_INPROC_OTHERS the other scenarios measured for the engine alone (default
// truce-lapses,rare-earth-squeeze; empty for none). Alone: `npx tsx bench/inprocess.bench.ts`.

import { cpus, loadavg } from 'node:os';
import { simulateChunk } from '../src/batch/simulate.js';
import type { SparseSeries } from '../src/batch/sparseSeries.js';
import { planBatch } from '../src/cli/commands/batch.js';
import { METRIC_NAMES, type MetricName } from '../src/model/metrics.js';
import { loadScenario } from '../src/scenario/load.js';
import { speedProbe } from './probe.js';
import { planYardstick, yardstickChunk, yardstickMean, type YardstickChunk } from './yardstick.js';

const STEPS = 52;
const SEED = '1';
const RUNS = Number(process.env.BENCH_INPROC_RUNS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_INPROC_ROUNDS ?? 5);
const CHUNK = Number(process.env.BENCH_INPROC_CHUNK ?? 2_000);
const OTHERS = (process.env.BENCH_INPROC_OTHERS ?? 'truce-lapses,rare-earth-squeeze').split(',').filter((x) => x !== '');
const TARGET = 0.75;
const M = METRIC_NAMES.length;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rate = (x: number): string => `${(x / 1e6).toFixed(2)}M`;

interface Timing {
  wallS: number;
  cpuS: number;
}

function timed(fn: () => void): Timing {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wallS = (performance.now() - t) / 1000;
  const d = process.cpuUsage(c);
  return { wallS, cpuS: (d.user + d.system) / 1e6 };
}

/** The engine: a batch plan of one scenario, its runs chunk by chunk as a worker computes them. */
async function engineFor(name: string): Promise<(start: number, end: number) => SparseSeries> {
  const { plan, sources } = await planBatch([name], { runs: String(RUNS), steps: String(STEPS), seed: SEED });
  return (start, end) => {
    let last: SparseSeries | null = null;
    for (let s = start; s < end; s += CHUNK) last = simulateChunk({ plan, start: s, end: Math.min(end, s + CHUNK), csv: false, sources }).series[0];
    return last as SparseSeries;
  };
}

const scn = loadScenario('busan-truce');
const yard = planYardstick(scn, SEED, STEPS);
const yardstick = (start: number, end: number): YardstickChunk => {
  let last: YardstickChunk | null = null;
  for (let s = start; s < end; s += CHUNK) last = yardstickChunk(yard, s, Math.min(end, s + CHUNK));
  return last as YardstickChunk;
};
const engine = await engineFor('busan-truce');
const others = await Promise.all(OTHERS.map(async (name) => ({ name, run: await engineFor(name) })));

console.log(
  `busan-truce, ${STEPS} steps: a run passes through ${yard.regimes} policy regimes (counted in set-up: the start's and one at each step where moves or deadlines act, along run 0; the same in the other runs sampled); the yardstick works out ${yard.importPriceSets} sets of import prices and ${yard.exportPriceSets} of export prices per run (a direction's prices again only where its tariffs change), over ${yard.nI} import and ${yard.nE} export segments`,
);

// Honesty first, outside the timing: the yardstick's means beside the engine's, same runs.
{
  const CHECK = Math.min(CHUNK, 2_000);
  const { plan, sources } = await planBatch(['busan-truce'], { runs: String(CHECK), steps: String(STEPS), seed: SEED });
  const e = simulateChunk({ plan, sources, start: 0, end: CHECK, csv: false }).series[0];
  const y = yardstickChunk(yard, 0, CHECK);
  const engineMean = (t: number, m: number): number => Number(e.sums[t * M + m]) / 1e6 / e.runs;
  const shown: MetricName[] = ['us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'soybean_purchases_mmt', 'escalation_index', 'us_economic_cost_bn', 'cn_economic_cost_bn'];
  const t = STEPS - 1;
  const parts = shown.map((name) => {
    const m = METRIC_NAMES.indexOf(name);
    return `${name} ${engineMean(t, m).toFixed(2)} / ${yardstickMean(y, t, m).toFixed(2)}`;
  });
  console.log(`  check, mean over runs 0-${CHECK - 1} at step ${t}, engine / yardstick: ${parts.join(', ')}`);
  // Every metric at every step: the largest gap, relative to the metric's scale (so that a mean near 0 does not blow it up).
  let worst = 0;
  let where = '';
  for (let m = 0; m < M; m++) {
    let scale = 0;
    for (let s = 0; s < STEPS; s++) scale = Math.max(scale, Math.abs(engineMean(s, m)));
    if (scale === 0) scale = 1;
    for (let s = 0; s < STEPS; s++) {
      const gap = Math.abs(engineMean(s, m) - yardstickMean(y, s, m)) / scale;
      if (gap > worst) {
        worst = gap;
        where = `${METRIC_NAMES[m]} at step ${s}`;
      }
    }
  }
  console.log(`  largest gap over all ${M} metrics and ${STEPS} steps: ${(100 * worst).toFixed(3)}% of the metric's largest mean${where ? ` (${where})` : ''} (should be within a few percent)`);
  if (worst > 0.05) console.log('  WARNING: the yardstick has drifted from the model: read yardstick.ts against model/economy.ts');
}

// Warm-up: both loops optimised before anything is timed.
const WARM = 1_000_000;
for (let k = 0; k < 2; k++) {
  engine(WARM, WARM + CHUNK);
  yardstick(WARM, WARM + CHUNK);
  for (const o of others) o.run(WARM, WARM + CHUNK);
}

const probeBefore = speedProbe();
const load = loadavg()[0];
const eng: Timing[] = [];
const yst: Timing[] = [];
const oth: Timing[][] = others.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  const start = r * RUNS;
  const end = start + RUNS;
  const pair = [() => eng.push(timed(() => engine(start, end))), () => yst.push(timed(() => yardstick(start, end)))];
  for (const f of r % 2 === 0 ? pair : pair.reverse()) f();
  others.forEach((o, i) => oth[i].push(timed(() => o.run(start, end))));
}
const probeAfter = speedProbe();

const runSteps = RUNS * STEPS;
const byWall = (xs: Timing[]) => runSteps / median(xs.map((x) => x.wallS));
const byCpu = (xs: Timing[]) => runSteps / median(xs.map((x) => x.cpuS));
const range = (xs: Timing[]) => `${rate(runSteps / Math.max(...xs.map((x) => x.wallS)))}-${rate(runSteps / Math.min(...xs.map((x) => x.wallS)))}`;
const ratioWall = median(eng.map((e, i) => yst[i].wallS / e.wallS));
const ratioCpu = median(eng.map((e, i) => yst[i].cpuS / e.cpuS));
console.log(`  ${ROUNDS} alternating rounds of ${RUNS.toLocaleString('en-US')} runs x ${STEPS} steps each, chunks of ${CHUNK.toLocaleString('en-US')}; run-steps per second, median (range of rounds):`);
console.log(`  engine in process, busan-truce: ${rate(byWall(eng))} wall (${range(eng)}), ${rate(byCpu(eng))} by CPU time`);
console.log(`  yardstick, busan-truce:         ${rate(byWall(yst))} wall (${range(yst)}), ${rate(byCpu(yst))} by CPU time`);
console.log(
  `  engine / yardstick: ${(100 * ratioWall).toFixed(0)}% by wall time, ${(100 * ratioCpu).toFixed(0)}% by CPU time (medians of the ${ROUNDS} rounds' ratios: ${eng.map((e, i) => ((100 * yst[i].cpuS) / e.cpuS).toFixed(0)).join(', ')}% by CPU) (target >= ${100 * TARGET}%)`,
);
others.forEach((o, i) => console.log(`  engine in process, ${o.name}: ${rate(byWall(oth[i]))} wall (${range(oth[i])}), ${rate(byCpu(oth[i]))} by CPU time`));
// The floor the yardstick sets for any engine of this model: its arithmetic alone, shared perfectly
// over two cores, with no start-up, objects, compiling or merging.
const floorCpuS = (100_000 * 52) / byCpu(yst);
console.log(`  at the yardstick's rate, 100,000 runs x 52 steps are at least ${floorCpuS.toFixed(1)} s of CPU: at least ${(floorCpuS / 2).toFixed(1)} s on 2 cores, before start-up`);
console.log(
  `  machine speed: ${probeBefore.toFixed(1)} ns per chained Math.exp before the rounds, ${probeAfter.toFixed(1)} ns after; load average ${load.toFixed(1)} then ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (a loaded machine gives lower rates; the ratio is the steadier figure)`,
);
