// The readable comparison: scenarios side by side at the horizon (mean and p5-p95), the paired
// differences from the baseline, and in a sweep how the horizon moves along the grid.

import { labelOf } from '../model/metricLabels.js';
import { CONTRACT_METRICS, type MetricName } from '../model/metrics.js';
import { fixed } from '../sim/format.js';
import { METRIC_BINS } from './bins.js';
import type { BatchSummary, SeriesSummary, Stats } from './summary.js';

const LABEL_WIDTH = 34;

/** A row's label, with its unit; a 0/1 outcome's mean is the share of runs in which it holds. */
function rowLabel(m: MetricName): string {
  const l = labelOf(m);
  return (l.binary ? `${l.label.replace(/, [^,]*$/, '')}, share of runs` : l.label).padEnd(LABEL_WIDTH - 1) + ' ';
}

function digitsFor(width: number): number {
  return Math.max(0, Math.min(3, Math.ceil(-Math.log10(width))));
}

function fmt(x: number, digits: number, signed = false): string {
  const s = fixed(x, digits);
  return signed && x > 0 ? `+${s}` : s;
}

/**
 * Mean [p5, p95], the quantiles to their resolution. The mean of a 0/1 indicator (truce_active) is
 * the share of runs where it holds: shown as such, not rounded to 0 or 1.
 */
function cell(st: Stats, m: MetricName, summary: BatchSummary, signed: boolean): string {
  const digits = digitsFor(summary.quantile_resolution[m]);
  const b = METRIC_BINS[m];
  const meanDigits = b.width === 1 && b.min === 0 && b.max === 1 ? 2 : digits;
  return `${fmt(st.mean, meanDigits, signed)} [${fmt(st.p5, digits, signed)}, ${fmt(st.p95, digits, signed)}]`;
}

function block(title: string, series: SeriesSummary[], summary: BatchSummary, signed: boolean, metrics: readonly MetricName[]): string[] {
  const cols = series.map((s) => (signed ? `${s.scenario} - ${s.baseline}` : s.scenario));
  const cells = metrics.map((m) => series.map((s) => cell(s.horizon[m], m, summary, signed)));
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)) + 2);
  const lines = [title, `${''.padEnd(LABEL_WIDTH)}${cols.map((c, j) => c.padStart(widths[j])).join('')}`];
  metrics.forEach((m, i) => lines.push(`${rowLabel(m)}${cells[i].map((c, j) => c.padStart(widths[j])).join('')}`));
  return lines;
}

/** The contract's twelve, then the two ledgers and the balance between them. */
export const TABLE_METRICS: readonly MetricName[] = [...CONTRACT_METRICS, 'us_economic_cost_bn', 'cn_economic_cost_bn', 'leverage_balance'];

/** Per scenario, each side's share of runs in which it conceded first, and the median step at which it did. */
function givesWayFirst(series: SeriesSummary[]): string[] {
  const cols = series.map((s) => s.scenario);
  const cell = (s: SeriesSummary, side: 'us' | 'cn') => {
    const f = s.gives_way_first?.[side];
    return f === undefined ? '-' : f.median_step === null ? fixed(f.share, 2) : `${fixed(f.share, 2)} (step ${f.median_step})`;
  };
  const rows: [string, 'us' | 'cn'][] = [
    ['us conceded first', 'us'],
    ['cn conceded first', 'cn'],
  ];
  const cells = rows.map(([, side]) => series.map((s) => cell(s, side)));
  const widths = cols.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)) + 2);
  const lines = ['Who gives way first: share of runs (median step of the first concession)', `${''.padEnd(LABEL_WIDTH)}${cols.map((c, j) => c.padStart(widths[j])).join('')}`];
  rows.forEach(([label], i) => lines.push(`${label.padEnd(LABEL_WIDTH)}${cells[i].map((c, j) => c.padStart(widths[j])).join('')}`));
  return lines;
}

export function comparisonTable(summary: BatchSummary, metrics: readonly MetricName[] = TABLE_METRICS): string {
  const first = summary.scenarios[0];
  const head = `${summary.runs} runs, seed ${summary.seed}, horizon ${first.dates[first.dates.length - 1]} (step ${first.dates.length - 1}): mean [p5, p95]`;
  const lines = [head, ''];
  if (summary.sweep) {
    const { param, values } = summary.sweep;
    const names = [...new Set(summary.scenarios.map((s) => s.scenario))];
    for (const name of names) {
      for (const [title, list, signed] of [
        [`${name}, as ${param} varies`, summary.scenarios, false],
        [`${name} minus ${summary.baseline}, as ${param} varies`, summary.differences, true],
      ] as const) {
        const rows = values.map((v) => list.find((s) => s.scenario === name && s.value === v)).filter((s): s is SeriesSummary => s !== undefined);
        if (rows.length === 0) continue;
        const cells = metrics.map((m) => rows.map((s) => cell(s.horizon[m], m, summary, signed)));
        const widths = rows.map((s, j) => Math.max(String(s.value).length + param.length + 1, ...cells.map((r) => r[j].length)) + 2);
        lines.push(title, `${''.padEnd(LABEL_WIDTH)}${rows.map((s, j) => `${param}=${s.value}`.padStart(widths[j])).join('')}`);
        metrics.forEach((m, i) => lines.push(`${rowLabel(m)}${cells[i].map((c, j) => c.padStart(widths[j])).join('')}`));
        lines.push('');
      }
    }
    return `${lines.join('\n').trimEnd()}\n`;
  }
  lines.push(...block('At the horizon', summary.scenarios, summary, false, metrics));
  lines.push('', ...givesWayFirst(summary.scenarios));
  if (summary.differences.length) lines.push('', ...block(`Paired differences from ${summary.baseline}, run by run`, summary.differences, summary, true, metrics));
  return `${lines.join('\n')}\n`;
}
