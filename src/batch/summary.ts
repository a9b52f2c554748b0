// From merged series to the batch's summary: per series and metric, mean, p5, p50 and p95 at the
// horizon and at every step. A pure function of the merged counts, so any split gives the same bytes.

import { dateOfStep } from '../model/calendar.js';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import { DIFF_LAYOUTS, METRIC_BINS, METRIC_LAYOUTS } from './bins.js';
import { armLabel, type Plan, seriesOrder } from './plan.js';
import { meanOf, binQuantile } from './quantile.js';
import { binBases, METRICS, type Series } from './series.js';

export const PERCENTILES = [5, 50, 95] as const;

export interface Stats {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}
export interface OverTime {
  mean: number[];
  p5: number[];
  p50: number[];
  p95: number[];
}

export interface SeriesSummary {
  label: string;
  scenario: string;
  /** The swept parameter's value, in a sweep. */
  value: number | null;
  /** For a paired difference: the scenario subtracted. */
  baseline: string | null;
  runs: number;
  dates: string[];
  horizon: Record<MetricName, Stats>;
  over_time: Record<MetricName, OverTime>;
  /** Who gives way first (a scenario's series only; null for a difference). */
  gives_way_first: GivesWayFirst | null;
}

/** Per side: the share of runs in which it conceded first (ties count for both), and the median step at which it did. */
export interface GivesWayFirst {
  us: FirstConcession;
  cn: FirstConcession;
}
export interface FirstConcession {
  share: number;
  /** Nearest-rank median of the step of its first concession, over the runs in which it conceded first; null when none did. */
  median_step: number | null;
  median_date: string | null;
}

/**
 * From the over-time mean of a side's 0/1 conceded-first indicator: it turns 1 at the step of the
 * side's first concession (if it came first) and stays 1, so mean x runs at step t counts the runs
 * in which the side conceded first by t: its distribution, from which the share and the median.
 */
function firstConcession(mean: number[], runs: number, dates: string[]): FirstConcession {
  const n = Math.round(mean[mean.length - 1] * runs);
  if (n === 0) return { share: 0, median_step: null, median_date: null };
  const half = Math.ceil(n / 2);
  let t = 0;
  while (t < mean.length - 1 && Math.round(mean[t] * runs) < half) t++;
  return { share: n / runs, median_step: t, median_date: dates[t] };
}

export interface BatchSummary {
  seed: string;
  runs: number;
  baseline: string | null;
  sweep: { param: string; values: number[] } | null;
  /** Bin width per metric: the quantiles' resolution (half of it either way). */
  quantile_resolution: Record<MetricName, number>;
  scenarios: SeriesSummary[];
  differences: SeriesSummary[];
}

function statsAt(s: Series, layoutsOf: typeof METRIC_LAYOUTS, bases: number[], m: number, t: number): Stats {
  const l = layoutsOf[m];
  const i = t * METRICS + m;
  const offset = bases[m] * s.steps + t * l.bins;
  const q = (p: number) => binQuantile(s.counts, offset, l, s.runs, p, s.min[i], s.max[i]);
  return { mean: meanOf(s.sums[i], s.runs), p5: q(5), p50: q(50), p95: q(95) };
}

export function summarise(plan: Plan, merged: Series[]): BatchSummary {
  const out: BatchSummary = {
    seed: plan.seed,
    runs: plan.runs,
    baseline: plan.baseline,
    sweep: plan.sweep,
    quantile_resolution: Object.fromEntries(METRIC_NAMES.map((m) => [m, METRIC_BINS[m].width])) as Record<MetricName, number>,
    scenarios: [],
    differences: [],
  };
  seriesOrder(plan).forEach(({ arm, minus }, k) => {
    const s = merged[k];
    const a = plan.arms[arm];
    const layouts = minus === null ? METRIC_LAYOUTS : DIFF_LAYOUTS;
    const bases = binBases(layouts);
    const horizon = {} as Record<MetricName, Stats>;
    const overTime = {} as Record<MetricName, OverTime>;
    METRIC_NAMES.forEach((name, m) => {
      const ot: OverTime = { mean: [], p5: [], p50: [], p95: [] };
      for (let t = 0; t < s.steps; t++) {
        const st = statsAt(s, layouts, bases, m, t);
        ot.mean.push(st.mean);
        ot.p5.push(st.p5);
        ot.p50.push(st.p50);
        ot.p95.push(st.p95);
      }
      horizon[name] = { mean: ot.mean[s.steps - 1], p5: ot.p5[s.steps - 1], p50: ot.p50[s.steps - 1], p95: ot.p95[s.steps - 1] };
      overTime[name] = ot;
    });
    const base = minus === null ? null : plan.arms[minus].scenario;
    const entry: SeriesSummary = {
      label: base === null ? armLabel(a) : `${armLabel(a)} - ${base}`,
      scenario: a.scenario,
      value: a.pin ? a.pin.value : null,
      baseline: base,
      runs: s.runs,
      dates: Array.from({ length: s.steps }, (_, t) => dateOfStep(a.start, a.step_unit, t)),
      horizon,
      over_time: overTime,
      gives_way_first: null,
    };
    if (minus === null) {
      entry.gives_way_first = {
        us: firstConcession(overTime.us_conceded_first.mean, s.runs, entry.dates),
        cn: firstConcession(overTime.cn_conceded_first.mean, s.runs, entry.dates),
      };
    }
    (minus === null ? out.scenarios : out.differences).push(entry);
  });
  return out;
}
