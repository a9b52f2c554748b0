// Batches in-process: summary statistics against hand-computed values, worker and shard invariance
// (byte for byte), run i of a batch == `run --run-index i`, paired differences, sweeps, the report.
// Run counts are small: what is tested is exactness, not statistics.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binOf, METRIC_BINS, DIFF_LAYOUTS, METRIC_LAYOUTS, type Layout } from '../src/batch/bins.js';
import { ChunkAccumulator } from '../src/batch/chunkAccumulator.js';
import { mergeParts, partFile, type PartFile, type Plan, runBatch, shardRange, summarise, comparisonTable, csvHeader, type Pool, workerPool } from '../src/batch/index.js';
import { chunks, chunkSize } from '../src/batch/plan.js';
import { REPORT_METRICS, reportHtml } from '../src/batch/report.js';
import { binBases, emptySeries, mergeInto, METRICS } from '../src/batch/series.js';
import { mergeSparseInto } from '../src/batch/sparseSeries.js';
import { planBatch } from '../src/cli/commands/batch.js';
import { runCsv } from '../src/cli/commands/run.js';
import { toJson } from '../src/cli/output.js';
import { CONTRACT_METRICS, METRIC_NAMES } from '../src/model/metrics.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import type { ScenarioSource } from '../src/scenario/compile.js';

const TARIFF = METRIC_NAMES.indexOf('us_tariff_on_cn_pct');
const TRUCE = METRIC_NAMES.indexOf('truce_active');
const ESC = METRIC_NAMES.indexOf('escalation_index');

function onePlan(): Plan {
  return { seed: 's', runs: 20, arms: [{ scenario: 'x', file: '/x.yaml', pin: null, steps: 1, start: '2025-01-01', step_unit: 'week' }], baseline_of: [null], baseline: null, sweep: null };
}

describe('summary statistics', () => {
  it('gives the hand-computed mean and nearest-rank quantiles (bin centres, within the observed range)', () => {
    const acc = new ChunkAccumulator(1, METRIC_LAYOUTS, 'x');
    for (let k = 1; k <= 20; k++) {
      const v = new Float64Array(METRICS);
      v[TARIFF] = k + 0.3; // width 0.5: bin centre k + 0.5
      v[TRUCE] = k <= 3 ? 0 : 1;
      v[ESC] = 42.1; // a constant: exact whatever the bin
      acc.add(v);
    }
    const s = emptySeries(1, METRIC_LAYOUTS);
    mergeInto(s, acc.result());
    const sum = summarise(onePlan(), [s]).scenarios[0].horizon;
    expect(sum.us_tariff_on_cn_pct).toEqual({ mean: 10.8, p5: 1.5, p50: 10.5, p95: 19.5 });
    // Ranks 1, 10, 19 of [0,0,0,1,...]: p5 = 0, the others 1; mean 17/20.
    expect(sum.truce_active).toEqual({ mean: 0.85, p5: 0, p50: 1, p95: 1 });
    expect(sum.escalation_index).toEqual({ mean: 42.1, p5: 42.1, p50: 42.1, p95: 42.1 });
    // In the table, the indicator's mean is the share of runs (not rounded to 1), the rest to their resolution.
    const table = comparisonTable(summarise(onePlan(), [s]));
    expect(table).toMatch(/^Truce in force, share of runs +0\.85 \[0, 1\]$/m);
    expect(table).toMatch(/^US tariff on CN, % +10\.8 \[1\.5, 19\.5\]$/m);
  });

  it('clamps values beyond the bins into the edge bins and reports them by the observed extremes', () => {
    const acc = new ChunkAccumulator(1, METRIC_LAYOUTS, 'x');
    for (const x of [1000, 2000]) {
      const v = new Float64Array(METRICS);
      v[TARIFF] = x;
      acc.add(v);
    }
    const s = emptySeries(1, METRIC_LAYOUTS);
    mergeInto(s, acc.result());
    const h = summarise({ ...onePlan(), runs: 2 }, [s]).scenarios[0].horizon.us_tariff_on_cn_pct;
    expect(h.mean).toBe(1500);
    expect(h.p5).toBe(1000);
    expect(h.p95).toBe(1000); // both in the last bin, centre 400, clamped to the minimum seen
    expect(METRIC_BINS.us_tariff_on_cn_pct.width).toBe(0.5);
  });

  /** The series of `runs` the plain way: every value rounded, binned and compared on its own. */
  function reference(steps: number, layouts: Layout[], runs: Float64Array[], minus: Float64Array[] | null) {
    const bases = binBases(layouts);
    const s = emptySeries(steps, layouts);
    runs.forEach((v, r) => {
      s.runs++;
      v.forEach((value, i) => {
        const w = minus ? minus[r][i] : 0;
        const x = value - w;
        const m = i % METRICS;
        const t = (i - m) / METRICS;
        s.sums[i] += BigInt(Math.round(value * 1e6) - Math.round(w * 1e6));
        s.min[i] = Math.min(s.min[i], x);
        s.max[i] = Math.max(s.max[i], x);
        s.counts[bases[m] * steps + t * layouts[m].bins + binOf(layouts[m], x)]++;
      });
    });
    return s;
  }

  it('adds runs exactly as one by one, whatever their number (buffered, folded, repeated values)', () => {
    // Half the values repeat the first run's (as scripted ones do), half move; sizes around the
    // accumulator's buffer (16 runs) and fold (512 runs).
    const steps = 3;
    const valueOf = (r: number, i: number) => (i % 2 === 0 ? 10 + (i % 7) : ((r * 37 + i * 11) % 400) * 0.731 + 0.0000004);
    for (const n of [1, 15, 16, 17, 513, 1100]) {
      for (const paired of [false, true]) {
        const layouts = paired ? DIFF_LAYOUTS : METRIC_LAYOUTS;
        const runs = Array.from({ length: n }, (_, r) => new Float64Array(steps * METRICS).map((_, i) => valueOf(r, i)));
        const minus = paired ? runs.map((_, r) => new Float64Array(steps * METRICS).map((_, i) => (i % 3 === 0 ? 2.5 : valueOf(r + 5, i) / 3))) : null;
        const acc = new ChunkAccumulator(steps, layouts, 'x');
        runs.forEach((v, r) => acc.add(v, minus ? minus[r] : null));
        const got = emptySeries(steps, layouts);
        mergeInto(got, acc.result());
        const want = reference(steps, layouts, runs, minus);
        expect({ runs: got.runs, sums: got.sums, min: [...got.min], max: [...got.max] }, `${n} runs${paired ? ', paired' : ''}`).toEqual({ runs: n, sums: want.sums, min: [...want.min], max: [...want.max] });
        expect([...got.counts].every((c, k) => c === want.counts[k]), `${n} runs${paired ? ', paired' : ''}: counts`).toBe(true);
      }
    }
  });

  it('sends exactly the bins it counted, from each value\'s extremes, and leaves its reused counts empty', () => {
    // As above, through sparseResult: the bins it sends are found between each value's minimum and
    // maximum, and its counts go back to the next chunk cleared (a chunk after a larger one, and one
    // past the 16-bit counts' widening at 32,768 runs).
    const valueOf = (r: number, i: number, salt: number) => (i % 2 === 0 ? 10 + (i % 7) : ((r * 37 + i * 11 + salt) % 400) * 0.731 - 40.0000004);
    const cases = [
      { n: 1100, steps: 3 },
      { n: 17, steps: 3 },
      { n: 1, steps: 3 },
      { n: 32_800, steps: 1 },
      { n: 5, steps: 1 },
    ];
    for (const paired of [false, true])
      cases.forEach(({ n, steps }, salt) => {
        if (paired && n > 2000) return;
        const layouts = paired ? DIFF_LAYOUTS : METRIC_LAYOUTS;
        const runs = Array.from({ length: n }, (_, r) => new Float64Array(steps * METRICS).map((_, i) => valueOf(r, i, salt)));
        const minus = paired ? runs.map((_, r) => new Float64Array(steps * METRICS).map((_, i) => (i % 3 === 0 ? 2.5 : valueOf(r + 5, i, salt) / 3))) : null;
        const acc = new ChunkAccumulator(steps, layouts, 'x');
        runs.forEach((v, r) => acc.add(v, minus ? minus[r] : null));
        const got = emptySeries(steps, layouts);
        mergeSparseInto(got, acc.sparseResult());
        const want = reference(steps, layouts, runs, minus);
        const label = `${n} runs of ${steps} steps${paired ? ', paired' : ''}`;
        expect({ runs: got.runs, sums: got.sums }, label).toEqual({ runs: n, sums: want.sums });
        const wrong = [...got.counts].findIndex((c, k) => c !== want.counts[k]);
        expect(wrong, `${label}: first bin counted wrong`).toBe(-1);
      });
  });

  it('names the first run\'s first value it cannot summarise, metric by metric then step by step', () => {
    const acc = new ChunkAccumulator(2, METRIC_LAYOUTS, 'busan-truce');
    const ok = new Float64Array(2 * METRICS).fill(1);
    const bad = (i: number, x: number) => Object.assign(new Float64Array(2 * METRICS).fill(1), { [i]: x });
    for (let r = 0; r < 3; r++) acc.add(ok);
    acc.add(bad(METRICS + 1, NaN)); // metric 1 at step 1
    acc.add(bad(0, 1e9)); // metric 0 at step 0, but a later run
    expect(() => {
      for (let r = 0; r < 16; r++) acc.add(ok);
    }).toThrow('busan-truce: metric 1 at step 1 is NaN, outside the summarisable range');
  });

  it('merges partial summaries to the same numbers in any order', () => {
    const parts = [0, 1, 2].map((p) => {
      const acc = new ChunkAccumulator(2, DIFF_LAYOUTS, 'x');
      for (let k = 0; k < 7; k++) {
        const v = new Float64Array(2 * METRICS).map((_, i) => Math.sin(i * 7 + k * 13 + p * 101) * 50 + 0.1234567);
        acc.add(v, new Float64Array(2 * METRICS).fill(0.5));
      }
      return acc.result();
    });
    const a = emptySeries(2, DIFF_LAYOUTS);
    const b = emptySeries(2, DIFF_LAYOUTS);
    for (const p of parts) mergeInto(a, p);
    for (const p of [...parts].reverse()) mergeInto(b, p);
    expect(a.sums).toEqual(b.sums);
    expect([...a.counts]).toEqual([...b.counts]);
  });
});

// One two-worker pool for every batch below but the one-worker reference: starting workers is the slow part.
let pool2: Pool;
beforeAll(() => {
  pool2 = workerPool(2);
});
afterAll(() => pool2.close());

describe('chunks', () => {
  it('are sized to keep every worker busy (8 a worker), at most 8,000 runs, or 100 rows a chunk streaming CSV', () => {
    expect(chunkSize(400_000, 2, 1, false)).toBe(8000); // 25,000 balanced, capped
    expect(chunkSize(10_000, 2, 1, false)).toBe(625); // 10,000 / 16
    expect(chunkSize(1000, 2, 3, true)).toBe(33); // 100 rows over 3 arms, below the balanced 63
    expect(chunkSize(100, 1, 40, true)).toBe(8); // never below 8 runs of CSV
    expect(chunkSize(5, 4, 1, false)).toBe(1);
  });
  it('cover the runs in order, full-size at first and shrinking at the end', () => {
    const list = chunks(100, 100_100, 2000, 2);
    expect(list[0]).toEqual({ start: 100, end: 2100 });
    list.forEach((c, i) => expect(c.start).toBe(i === 0 ? 100 : list[i - 1].end));
    expect(list.at(-1)?.end).toBe(100_100);
    const sizes = list.map((c) => c.end - c.start);
    // Full size until 8,000 runs are left; then at most half an even share of what is left (a
    // quarter of it on two workers), down to an eighth of the size.
    expect(sizes.slice(0, 46)).toEqual(new Array(46).fill(2000));
    expect(sizes.slice(46)).toEqual([2000, 1500, 1125, 844, 633, 475, 356, 267, 250, 250, 250, 50]);
    expect(chunks(0, 5, 2000, 4)).toEqual([{ start: 0, end: 5 }]); // never below an eighth of the size
    expect(chunks(0, 3, 1, 4)).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 3 }]);
    expect(chunks(7, 7, 10, 2)).toEqual([]);
  });
});

describe('batches on worker threads', () => {
  const args = ['busan-truce', 'history-2025'];
  const flags = { runs: '24', steps: '12', baseline: 'busan-truce', seed: '7' };
  let plan: Plan;
  let sources: Record<string, ScenarioSource>;
  let json1 = '';
  let csv1 = '';

  beforeAll(async () => {
    ({ plan, sources } = await planBatch(args, { ...flags, workers: '1' }));
    let csv = csvHeader(plan);
    const series = await runBatch(plan, { workers: 1, csv: (t) => void (csv += Buffer.from(t).toString()) });
    json1 = toJson(summarise(plan, series));
    csv1 = csv;
  }, 120_000);

  it('gives the same bytes on 1 and 2 workers, and whether the workers read the files or get the scenarios as data', async () => {
    // The first batch's worker read the files; these compile the scenarios from the data the CLI sends.
    expect(JSON.parse(JSON.stringify(sources))).toEqual(sources);
    let csv2 = csvHeader(plan);
    const series = await runBatch(plan, { workers: 2, pool: pool2, sources, csv: (t) => void (csv2 += Buffer.from(t).toString()) });
    expect(toJson(summarise(plan, series))).toBe(json1);
    expect(csv2).toBe(csv1);
  }, 120_000);

  it('gives the same bytes from two shards merged (through their part files)', async () => {
    const parts: { name: string; part: PartFile }[] = [];
    for (const k of [2, 1]) {
      const range = shardRange(plan.runs, k, 2);
      const series = await runBatch(plan, { workers: 2, pool: pool2, range, sources });
      parts.push({ name: `part-${k}`, part: JSON.parse(toJson(partFile(plan, { k, n: 2, ...range }, series))) as PartFile });
    }
    const merged = mergeParts(parts);
    expect(toJson(summarise(merged.plan, merged.series))).toBe(json1);
    expect(() => mergeParts([parts[0]])).toThrow(/missing shard 1\/2/);
    expect(() => mergeParts([parts[0], parts[0]])).toThrow(/already given/);
  }, 120_000);

  it('streams CSV in run order, and run i of the batch is `run --seed S --run-index i`', () => {
    const lines = csv1.trimEnd().split('\n');
    expect(lines[0]).toBe(`scenario,run,step,date,${METRIC_NAMES.join(',')}`);
    expect(lines.length).toBe(1 + 24 * 2 * 12);
    const runs = lines.slice(1).map((l) => Number(l.split(',')[1]));
    expect(runs).toEqual([...runs].sort((a, b) => a - b));
    for (const [name, i] of [['busan-truce', 0], ['history-2025', 17], ['busan-truce', 23]] as const) {
      const mine = lines.filter((l) => l.startsWith(`${name},${i},`)).map((l) => l.split(',').slice(2).join(','));
      const alone = runCsv(runScenario(loadScenario(name), { seed: '7', run_index: i, steps: 12 })).trimEnd().split('\n').slice(1);
      expect(mine).toEqual(alone);
    }
  });

  it('pairs differences run by run: exact mean, quantiles within half a bin of the exact ones', () => {
    const summary = JSON.parse(json1);
    const diff = summary.differences[0];
    expect(diff.scenario).toBe('history-2025');
    expect(diff.baseline).toBe('busan-truce');
    const col = 4 + METRIC_NAMES.indexOf('escalation_index');
    const at = (name: string) => csv1.split('\n').filter((l) => l.startsWith(`${name},`) && l.split(',')[2] === '11').map((l) => Number(l.split(',')[col]));
    const d = at('history-2025').map((x, i) => Math.round(x * 1e6) - Math.round(at('busan-truce')[i] * 1e6));
    expect(d.length).toBe(24);
    expect(diff.horizon.escalation_index.mean).toBeCloseTo(d.reduce((a, b) => a + b, 0) / 24 / 1e6, 6);
    const sorted = [...d].sort((a, b) => a - b).map((x) => x / 1e6);
    const half = METRIC_BINS.escalation_index.width / 2 + 1e-9;
    expect(Math.abs(diff.horizon.escalation_index.p5 - sorted[Math.ceil(0.05 * 24) - 1])).toBeLessThanOrEqual(half);
    expect(Math.abs(diff.horizon.escalation_index.p50 - sorted[Math.ceil(0.5 * 24) - 1])).toBeLessThanOrEqual(half);
    expect(Math.abs(diff.horizon.escalation_index.p95 - sorted[Math.ceil(0.95 * 24) - 1])).toBeLessThanOrEqual(half);
    // A scenario minus itself is zero in every run: the baseline has no difference series of its own.
    expect(summary.differences.map((x: { scenario: string }) => x.scenario)).toEqual(['history-2025']);
    expect(comparisonTable(summary)).toMatch(/Paired differences from busan-truce/);
  });

  it('writes a self-contained report with a chart per metric and the summary table', () => {
    const summary = JSON.parse(json1);
    const html = reportHtml(summary);
    for (const m of REPORT_METRICS) expect(html).toMatch(new RegExp(`<figure class="chart" id="m-${m}" data-metric="${m}">\\s*<figcaption>[^<]+</figcaption>\\s*<div class="plot"><svg`));
    // One chart per metric, and one per metric for the paired differences when there are some.
    expect(html.match(/<svg/g)?.length).toBe(REPORT_METRICS.length * (summary.differences.length ? 2 : 1));
    expect(html).toContain('<table class="summary">');
    for (const m of CONTRACT_METRICS) expect(html).toContain(`<td data-metric="${m}">`);
    // Self-contained: nothing loaded from elsewhere.
    expect(html).not.toMatch(/<link|<script src|src="http|href="http/);
  });
});

describe('sweeps', () => {
  it('runs each scenario at every grid value, paired, and summarises how the horizon moves', async () => {
    const { plan } = await planBatch(['busan-truce'], { runs: '6', steps: '8', sweep: 'armington_sigma=2:8:3', seed: '3' });
    expect(plan.sweep).toEqual({ param: 'armington_sigma', values: [2, 5, 8] });
    let csv = csvHeader(plan);
    const summary = summarise(plan, await runBatch(plan, { workers: 2, pool: pool2, csv: (t) => void (csv += Buffer.from(t).toString()) }));
    expect(summary.scenarios.map((s) => s.value)).toEqual([2, 5, 8]);
    const imports = summary.scenarios.map((s) => s.horizon.us_imports_from_cn_bn.mean);
    expect(new Set(imports).size).toBe(3);
    expect(csv.split('\n')[0]).toMatch(/^scenario,armington_sigma,run,step,date,/);
    // Run 4 at sigma = 5 is run 4 of the scenario with sigma pinned at 5: every other draw unchanged.
    const scn = loadScenario('busan-truce');
    const pinned = { ...scn, param_specs: { ...scn.param_specs, armington_sigma: { central: 5, low: 5, high: 5 } } };
    const alone = runCsv(runScenario(pinned, { seed: '3', run_index: 4, steps: 8 })).trimEnd().split('\n').slice(1);
    expect(csv.split('\n').filter((l) => l.startsWith('busan-truce,5,4,')).map((l) => l.split(',').slice(3).join(','))).toEqual(alone);
    const table = comparisonTable(summary);
    expect(table).toMatch(/busan-truce, as armington_sigma varies/);
    expect(table).toMatch(/armington_sigma=8/);
  }, 120_000);

  it('sweeps a parameter the trade prices read beside their own (the 2024 value): each value as if run alone', async () => {
    // Run i of every grid value shares all other draws, so a cache of prices that overlooked the
    // 2024 value served one value's prices to the next (both gave the same imports).
    const { plan } = await planBatch(['busan-truce'], { runs: '3', steps: '4', sweep: 'us_imports_from_cn_2024_bn=400:480:2', seed: '9' });
    let csv = csvHeader(plan);
    const summary = summarise(plan, await runBatch(plan, { workers: 1, csv: (t) => void (csv += Buffer.from(t).toString()) }));
    const [low, high] = summary.scenarios.map((s) => s.horizon.us_imports_from_cn_bn.mean);
    expect(high / low).toBeCloseTo(1.2, 5); // imports are proportional to the 2024 value
    const scn = loadScenario('busan-truce');
    for (const value of [400, 480]) {
      const pinned = { ...scn, param_specs: { ...scn.param_specs, us_imports_from_cn_2024_bn: { central: value, low: value, high: value } } };
      const alone = runCsv(runScenario(pinned, { seed: '9', run_index: 2, steps: 4 })).trimEnd().split('\n').slice(1);
      expect(csv.split('\n').filter((l) => l.startsWith(`busan-truce,${value},2,`)).map((l) => l.split(',').slice(3).join(','))).toEqual(alone);
    }
  }, 120_000);
});
