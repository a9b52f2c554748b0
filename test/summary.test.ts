// The batch summary (batch/summary.ts) from hand-made series: two scenarios over two weekly steps
// and their paired difference, with means and nearest-rank quantiles worked by hand.

import { describe, expect, it } from 'vitest';
import { DIFF_LAYOUTS, METRIC_BINS, METRIC_LAYOUTS } from '../src/batch/bins.js';
import { ChunkAccumulator } from '../src/batch/chunkAccumulator.js';
import type { Plan } from '../src/batch/plan.js';
import { emptySeries, mergeInto, METRICS } from '../src/batch/series.js';
import { summarise } from '../src/batch/summary.js';
import { METRIC_NAMES } from '../src/model/metrics.js';

const TARIFF = METRIC_NAMES.indexOf('us_tariff_on_cn_pct');
const ESC = METRIC_NAMES.indexOf('escalation_index');
const US_FIRST = METRIC_NAMES.indexOf('us_conceded_first');
const STEPS = 2;

const plan: Plan = {
  seed: 's',
  runs: 5,
  arms: [
    { scenario: 'calm', file: '/calm.yaml', pin: null, steps: STEPS, start: '2025-11-03', step_unit: 'week' },
    { scenario: 'storm', file: '/storm.yaml', pin: null, steps: STEPS, start: '2025-11-03', step_unit: 'week' },
  ],
  baseline_of: [null, 0],
  baseline: 'calm',
  sweep: null,
};

/** Run r's values: the tariff is `base + r` at step 0 and `base + 2r` at step 1; tension 40 + r. */
function run(base: number, r: number): Float64Array {
  const v = new Float64Array(STEPS * METRICS);
  v[TARIFF] = base + r;
  v[METRICS + TARIFF] = base + 2 * r;
  v[ESC] = v[METRICS + ESC] = 40 + r;
  // In the calm arm (base 10) the US concedes first in run 4 at step 0 and in runs 2 and 3 at step 1.
  if (base === 10) {
    v[US_FIRST] = r >= 4 ? 1 : 0;
    v[METRICS + US_FIRST] = r >= 2 ? 1 : 0;
  }
  return v;
}

function series() {
  const calm = new ChunkAccumulator(STEPS, METRIC_LAYOUTS, 'calm');
  const storm = new ChunkAccumulator(STEPS, METRIC_LAYOUTS, 'storm');
  const diff = new ChunkAccumulator(STEPS, DIFF_LAYOUTS, 'diff');
  for (let r = 0; r < 5; r++) {
    calm.add(run(10, r));
    storm.add(run(50, r));
    diff.add(run(50, r), run(10, r));
  }
  return [calm, storm, diff].map((acc, i) => {
    const s = emptySeries(STEPS, i === 2 ? DIFF_LAYOUTS : METRIC_LAYOUTS);
    mergeInto(s, acc.result());
    return s;
  });
}

describe('summarise', () => {
  // Summarised in each test, not when the file loads (which mutation testing could not attribute to a test).

  it('lists the scenarios, then each one\'s difference from its baseline, with labels, runs and dates', () => {
    const sum = summarise(plan, series());
    expect(sum.scenarios.map((s) => s.label)).toEqual(['calm', 'storm']);
    expect(sum.differences.map((s) => [s.label, s.scenario, s.baseline])).toEqual([['storm - calm', 'storm', 'calm']]);
    expect(sum.scenarios[0].baseline).toBeNull();
    expect(sum.scenarios[1].runs).toBe(5);
    expect(sum.scenarios[0].dates).toEqual(['2025-11-03', '2025-11-10']);
    expect(sum).toMatchObject({ seed: 's', runs: 5, baseline: 'calm', sweep: null });
    expect(sum.quantile_resolution.us_tariff_on_cn_pct).toBe(METRIC_BINS.us_tariff_on_cn_pct.width);
  });

  it('step 0 and the horizon (step 1), by hand: calm 10..14 then 10, 12, ..., 18', () => {
    const sum = summarise(plan, series());
    const calm = sum.scenarios[0].over_time.us_tariff_on_cn_pct;
    // 5 runs: p5 -> rank 1, p50 -> rank 3 (2.5 rounded up), p95 -> rank 5 (4.75 rounded up)
    expect([calm.mean[0], calm.p5[0], calm.p50[0], calm.p95[0]]).toEqual([12, 10, 12, 14]);
    expect([calm.mean[1], calm.p5[1], calm.p50[1], calm.p95[1]]).toEqual([14, 10, 14, 18]);
    expect(sum.scenarios[0].horizon.us_tariff_on_cn_pct).toEqual({ mean: 14, p5: 10, p50: 14, p95: 18 });
    expect(sum.scenarios[1].horizon.us_tariff_on_cn_pct).toEqual({ mean: 54, p5: 50, p50: 54, p95: 58 });
    expect(sum.scenarios[1].horizon.escalation_index).toEqual({ mean: 42, p5: 40, p50: 42, p95: 44 });
  });

  it('the paired difference is 40 in every run, at every step', () => {
    const sum = summarise(plan, series());
    const d = sum.differences[0];
    expect(d.horizon.us_tariff_on_cn_pct).toEqual({ mean: 40, p5: 40, p50: 40, p95: 40 });
    expect(d.over_time.us_tariff_on_cn_pct.mean).toEqual([40, 40]);
    expect(d.horizon.escalation_index).toEqual({ mean: 0, p5: 0, p50: 0, p95: 0 });
  });

  it('who gives way first: the share of runs by the horizon and the step by which half of them had', () => {
    const sum = summarise(plan, series());
    // Calm: 1 of 5 runs by step 0, 3 of 5 by step 1: share 3/5; half of 3 rounded up is 2, first
    // reached at step 1. China never concedes first: share 0, no step.
    expect(sum.scenarios[0].gives_way_first).toEqual({
      us: { share: 0.6, median_step: 1, median_date: '2025-11-10' },
      cn: { share: 0, median_step: null, median_date: null },
    });
    expect(sum.scenarios[1].gives_way_first?.us).toEqual({ share: 0, median_step: null, median_date: null });
    // A difference has none; its values may be negative: storm - calm is -1 in runs 2-4 at step 1.
    const d = sum.differences[0];
    expect(d.gives_way_first).toBeNull();
    expect(d.horizon.us_conceded_first).toEqual({ mean: -0.6, p5: -1, p50: -1, p95: 0 });
  });
});
