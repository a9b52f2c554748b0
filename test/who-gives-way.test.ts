import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_LAYOUTS } from '../src/batch/bins.js';
import { comparisonTable, summarise } from '../src/batch/index.js';
import { emptySeries } from '../src/batch/series.js';
import { simulateChunk } from '../src/batch/simulate.js';
import { mergeSparseInto } from '../src/batch/sparseSeries.js';
import { planBatch } from '../src/cli/commands/batch.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';

// The US gives way at step 5 (its cost passed $40bn at step 4) unless its noisy strategy drops the
// concession (half the runs); China makes a concession of its own by a rule that fires with
// probability 0.2 a step from step 2 (buying US soybeans): so either may come first, at varied steps.
const dir = mkdtempSync(join(tmpdir(), 'who-'));
const file = join(dir, 'who-first.yaml');
writeFileSync(
  file,
  `name: who-first
description: "a US tariff jump: does the US lower it first, or does China buy soybeans first?"
baseline: jan-2025
horizon: 16
seed: 5
timeline:
  - at: 4
    moves:
      - { actor: us, type: set_tariff, layer: us_ieepa_reciprocal, rate_pct: 125 }
rules:
  - id: cn_buys
    when: "step >= 2"
    actor: cn
    probability: 0.2
    once: true
    move: { actor: cn, type: commit_soybean_purchases, mmt_per_yr: 12 }
strategies:
  us:
    type: cost_threshold
    cost_metric: us_deadweight_loss_bn
    concede_above_bn: 40
    escalate: false
    noise: 0.5
    concede:
      - { actor: us, type: lower_tariff, layer: us_ieepa_reciprocal, by_pp: 115 }
`,
);

const RUNS = 24;

/** By hand, from each run's events: the step of each side's first concession of its own (a rule's or strategy's move that lowered tension). */
function firstConcessions(): { us: number | null; cn: number | null }[] {
  const scn = loadScenario(file);
  return Array.from({ length: RUNS }, (_, i) => {
    const events = runScenario(scn, { run_index: i }).events;
    const first = (actor: string) => events.find((e) => e.actor === actor && e.kind === 'move' && e.source !== 'script' && e.tension_delta < 0)?.step ?? null;
    return { us: first('us'), cn: first('cn') };
  });
}

function nearestRankMedian(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.ceil(0.5 * sorted.length) - 1];
}

describe('who gives way first', () => {
  it('a small batch: each side\'s share of runs conceding first and the median step, as counted by hand', async () => {
    const hand = firstConcessions();
    // "First": a side conceded and the other had not before it (the same step counts for both).
    const firstBy = (side: 'us' | 'cn') => {
      const other = side === 'us' ? 'cn' : 'us';
      return hand.filter((r) => r[side] !== null && (r[other] === null || (r[side] as number) <= (r[other] as number))).map((r) => r[side] as number);
    };
    const us = firstBy('us');
    const cn = firstBy('cn');
    // The batch is varied enough to test something: both sides come first in some runs.
    expect(us.length).toBeGreaterThan(2);
    expect(cn.length).toBeGreaterThan(2);

    const { plan, sources } = await planBatch([file], { runs: String(RUNS) });
    const chunk = simulateChunk({ plan, start: 0, end: RUNS, csv: false, sources });
    const merged = emptySeries(plan.arms[0].steps, METRIC_LAYOUTS);
    mergeSparseInto(merged, chunk.series[0]);
    const summary = summarise(plan, [merged]);
    const g = summary.scenarios[0].gives_way_first!;
    expect(g.us.share).toBe(us.length / RUNS);
    expect(g.cn.share).toBe(cn.length / RUNS);
    expect(g.us.median_step).toBe(nearestRankMedian(us));
    expect(g.cn.median_step).toBe(nearestRankMedian(cn));
    expect(g.us.median_date).toBe(summary.scenarios[0].dates[g.us.median_step!]);

    const table = comparisonTable(summary);
    expect(table).toContain('Who gives way first: share of runs (median step of the first concession)');
    const fmt = (xs: number[]) => `${(xs.length / RUNS).toFixed(2)} (step ${nearestRankMedian(xs)})`;
    expect(table).toMatch(new RegExp(`^us conceded first +${fmt(us).replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(table).toMatch(new RegExp(`^cn conceded first +${fmt(cn).replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  it('a scripted concession is the premise, not a side giving way: busan-truce\'s summit counts for neither', () => {
    const r = runScenario(loadScenario('busan-truce'), { steps: 20 });
    expect(r.events.some((e) => e.source === 'script' && e.tension_delta < 0 && e.actor === 'cn')).toBe(true);
    expect(r.rows.every((row) => row.us_conceded_first === 0 && row.cn_conceded_first === 0)).toBe(true);
  });
});
