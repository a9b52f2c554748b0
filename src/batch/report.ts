// The HTML report: one self-contained file that works offline. Every metric gets a chart titled
// with its label and unit (p5-p95 band outlined and the median over time, scenarios overlaid in the
// Okabe-Ito colour-blind-safe palette); paired differences get their own charts; 0/1 outcomes are
// shown as the share of runs over time. Each chart is an SVG rendered in Node (readable without
// scripts) and, with scripts, the embedded ECharts build redraws it live: values on hover, and a
// click on a legend entry hides that scenario.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as echarts from 'echarts';
import { labelOf } from '../model/metricLabels.js';
import { METRIC_NAMES, type MetricName } from '../model/metrics.js';
import { fixed } from '../sim/format.js';
import type { BatchSummary, SeriesSummary } from './summary.js';

/** Every metric has a chart (and a row in the tables). */
export const REPORT_METRICS: readonly MetricName[] = METRIC_NAMES;

/** Okabe & Ito (2008): told apart with any common colour-vision deficiency. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

const WIDTH = 960;
const HEIGHT = 340;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Digits that show a quantile to its resolution (a bin width of 0.5 -> 1 digit, 0.005 -> 3). */
export function digitsFor(width: number): number {
  return Math.max(0, Math.min(4, Math.ceil(-Math.log10(width) - 1e-9)));
}

/** A 0/1 outcome: its mean over runs is the share of runs in which it holds. */
export function isBinary(m: MetricName): boolean {
  return labelOf(m).binary === true;
}

export interface ChartSpec {
  id: string;
  metric: MetricName;
  title: string;
  /** The y axis' title (the unit). */
  axis: string;
  digits: number;
  option: Record<string, unknown>;
}

/** The chart of one metric across `series`: a band (p5-p95, outlined) and the median, or for a 0/1 outcome the share of runs. */
export function chartSpec(id: string, metric: MetricName, series: SeriesSummary[], summary: BatchSummary, difference: boolean): ChartSpec {
  const { label, unit } = labelOf(metric);
  const binary = isBinary(metric);
  const name = label.replace(/, [^,]*$/, '');
  const title = binary
    ? `${name}: ${difference ? 'difference in the share of runs' : 'share of runs'}, 0-1`
    : difference ? `${name}: paired difference, ${unit}` : `${label}`;
  const axis = binary ? (difference ? 'difference in share of runs' : 'share of runs') : difference ? `difference, ${unit}` : unit;
  const digits = binary ? 2 : digitsFor(summary.quantile_resolution[metric]);
  const dates = [...new Set(series.flatMap((s) => s.dates))].sort();
  const at = (s: SeriesSummary, xs: number[]) => dates.map((d) => {
    const i = s.dates.indexOf(d);
    return i < 0 ? null : r6(xs[i]);
  });
  const out: Record<string, unknown>[] = [];
  series.forEach((s, k) => {
    const colour = OKABE_ITO[k % OKABE_ITO.length];
    const ot = s.over_time[metric];
    const tag = (role: string) => `${k}:${role}`;
    if (binary) {
      out.push({ id: tag('mean'), name: s.label, type: 'line', data: at(s, ot.mean), showSymbol: false, lineStyle: { color: colour, width: 2 }, itemStyle: { color: colour } });
      return;
    }
    const lower = at(s, ot.p5);
    const upper = at(s, ot.p95);
    const band = upper.map((u, i) => (u === null || lower[i] === null ? null : r6(u - (lower[i] as number))));
    // The band's edges are drawn dashed in the scenario's colour, so overlapping bands stay apart;
    // its fill is light. Every part carries the scenario's name: its legend entry hides them all.
    const edge = { showSymbol: false, lineStyle: { color: colour, width: 1, type: 'dashed' }, itemStyle: { color: colour } };
    out.push({ id: tag('p5'), name: s.label, type: 'line', stack: `band${k}`, data: lower, ...edge, lineStyle: { ...edge.lineStyle } });
    out.push({ id: tag('band'), name: s.label, type: 'line', stack: `band${k}`, data: band, showSymbol: false, lineStyle: { opacity: 0 }, areaStyle: { color: colour, opacity: 0.12 }, itemStyle: { color: colour } });
    out.push({ id: tag('p95'), name: s.label, type: 'line', data: upper, ...edge });
    out.push({ id: tag('p50'), name: s.label, type: 'line', data: at(s, ot.p50), showSymbol: false, lineStyle: { color: colour, width: 2.5 }, itemStyle: { color: colour } });
  });
  if (difference) out.push({ id: 'zero', name: 'no difference', type: 'line', data: dates.map(() => 0), showSymbol: false, silent: true, lineStyle: { color: '#777', width: 1 }, itemStyle: { color: '#777' } });
  const option = {
    animation: false,
    color: OKABE_ITO,
    title: { text: title, left: 8, top: 4, textStyle: { fontSize: 15 } },
    legend: { top: 30, left: 8, data: series.map((s) => s.label) },
    grid: { left: 72, right: 24, top: 72, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: dates, boundaryGap: false, name: 'date', nameLocation: 'middle', nameGap: 26 },
    yAxis: binary && !difference ? { type: 'value', min: 0, max: 1, name: axis, nameLocation: 'middle', nameGap: 52 } : { type: 'value', scale: true, name: axis, nameLocation: 'middle', nameGap: 52 },
    series: out,
  };
  return { id, metric, title, axis, digits, option };
}

function svgOf(option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  // Scales with the page: the viewBox keeps its proportions at any width.
  const sized = svg.replace(/^<svg width="(\d+)" height="(\d+)"/, (_m, w, h) => `<svg data-size="${w}x${h}"`);
  return sized.includes('viewBox=') ? sized : sized.replace('<svg ', `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" `);
}

/** For tests and tools: one metric's fan chart as SVG. */
export function fanChartSvg(metric: MetricName, series: SeriesSummary[], summary: BatchSummary): string {
  return svgOf(chartSpec('c', metric, series, summary, false).option);
}

function figure(spec: ChartSpec): string {
  // JSON in a script element: `<` escaped so no text can close it.
  const json = JSON.stringify({ option: spec.option, digits: spec.digits }).replace(/</g, '\\u003c');
  return `<figure class="chart" id="${spec.id}" data-metric="${spec.metric}">
<figcaption>${esc(spec.title)}</figcaption>
<div class="plot">${svgOf(spec.option)}</div>
<script type="application/json" class="option">${json}</script>
</figure>`;
}

function cellText(x: number, digits: number, signed: boolean): string {
  const s = fixed(x, digits);
  const zero = /^-?[0.]*$/.test(s);
  return zero ? s.replace(/^-/, '') : signed && x > 0 ? `+${s}` : s;
}

function summaryTableHtml(summary: BatchSummary): string {
  const rows = (list: SeriesSummary[], title: string, signed: boolean) => {
    if (list.length === 0) return '';
    const head = `<tr><th>${esc(title)}</th>${list.map((s) => `<th colspan="4">${esc(s.label)}</th>`).join('')}</tr>`;
    const sub = `<tr><th>metric, unit</th>${list.map(() => '<th>mean</th><th>p5</th><th>p50</th><th>p95</th>').join('')}</tr>`;
    const body = REPORT_METRICS.map((m) => {
      const d = digitsFor(summary.quantile_resolution[m]);
      const label = isBinary(m) ? `${labelOf(m).label.replace(/, [^,]*$/, '')}, share of runs (mean)` : labelOf(m).label;
      return `<tr><td data-metric="${m}">${esc(label)}</td>${list.map((s) => {
        const h = s.horizon[m];
        return [cellText(h.mean, isBinary(m) ? 2 : d, signed), ...[h.p5, h.p50, h.p95].map((x) => cellText(x, d, signed))].map((x) => `<td>${x}</td>`).join('');
      }).join('')}</tr>`;
    }).join('\n');
    return `<table class="summary">\n${head}\n${sub}\n${body}\n</table>`;
  };
  return [rows(summary.scenarios, 'At the horizon', false), rows(summary.differences, `Paired differences from ${summary.baseline ?? ''}`, true)].filter(Boolean).join('\n');
}

/** What the embedded ECharts build runs: each figure's SVG replaced by a live chart of the same option. */
const CLIENT = `
(function () {
  if (typeof echarts === 'undefined') return;
  var figures = document.querySelectorAll('figure.chart');
  var charts = [];
  figures.forEach(function (fig) {
    var spec = JSON.parse(fig.querySelector('script.option').textContent);
    var plot = fig.querySelector('.plot');
    var w = plot.clientWidth || ${WIDTH};
    plot.innerHTML = '';
    plot.style.height = Math.round(w * ${HEIGHT} / ${WIDTH}) + 'px';
    var chart = echarts.init(plot, null, { renderer: 'svg' });
    var opt = spec.option;
    var d = spec.digits;
    var f = function (x) { return x === null || x === undefined ? '-' : Number(x).toFixed(d); };
    opt.tooltip = { trigger: 'axis', formatter: function (ps) {
      var by = {};
      var lines = [ps.length ? ps[0].axisValue : ''];
      ps.forEach(function (p) {
        var parts = String(p.seriesId).split(':');
        if (parts.length < 2) return;
        (by[parts[0]] = by[parts[0]] || { name: p.seriesName, marker: p.marker })[parts[1]] = p.value;
      });
      Object.keys(by).forEach(function (k) {
        var s = by[k];
        lines.push(s.marker + s.name + ': ' + (s.mean !== undefined ? f(s.mean) : f(s.p50) + ' [' + f(s.p5) + ', ' + f(s.p95) + ']'));
      });
      return lines.join('<br>');
    } };
    chart.setOption(opt);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-charts-live', String(charts.length));
})();
`;

let echartsSource: string | null = null;

/** The ECharts build the report embeds (read once; Apache-2.0, its licence header kept). */
function echartsBuild(): string {
  if (echartsSource === null) {
    const require = createRequire(import.meta.url);
    echartsSource = readFileSync(require.resolve('echarts/dist/echarts.common.min.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
  }
  return echartsSource;
}

export function reportHtml(summary: BatchSummary): string {
  const names = summary.scenarios.map((s) => s.label).join(', ');
  const main = REPORT_METRICS.map((m) => figure(chartSpec(`m-${m}`, m, summary.scenarios, summary, false))).join('\n');
  const diffs = summary.differences.length ? REPORT_METRICS.map((m) => figure(chartSpec(`d-${m}`, m, summary.differences, summary, true))).join('\n') : '';
  const resolution = REPORT_METRICS.map((m) => `${labelOf(m).label} ${summary.quantile_resolution[m]}`).join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tariff-sim batch: ${esc(names)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em 2em; color: #222; }
.charts { display: flex; flex-direction: column; gap: 1.5em; }
figure.chart { margin: 0; width: 100%; }
figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); } /* the chart draws its own title; this one is for screen readers and tools */
.plot { width: 100%; }
.plot > svg { width: 100%; height: auto; display: block; }
table.summary { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
table.summary td, table.summary th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: right; font-variant-numeric: tabular-nums; }
table.summary td:first-child { text-align: left; }
</style>
</head>
<body>
<h1>tariff-sim batch</h1>
<p>${esc(names)}: ${summary.runs} runs, seed ${esc(summary.seed)}${summary.baseline ? `, baseline ${esc(summary.baseline)}` : ''}. Solid lines: the median across runs; dashed lines and the light band: the 5th to 95th percentile. A 0/1 outcome is shown as the share of runs in which it holds. Runs share their parameter draws and shocks across scenarios (common random numbers). Hover a chart for its values; click a legend entry to hide that scenario.</p>
<h2>Scenarios over time</h2>
<div class="charts">
${main}
</div>
${diffs ? `<h2>Paired differences from ${esc(summary.baseline ?? '')}, run by run</h2>
<p>Each run of a scenario minus the same run of the baseline (same parameters, same shocks): the median difference and its 5th to 95th percentile.</p>
<div class="charts">
${diffs}
</div>` : ''}
<h2>Summary at the horizon</h2>
${summaryTableHtml(summary)}
<p><small>Numbers are shown to the quantiles' resolution (bin width per metric): ${esc(resolution)}.</small></p>
<script>${echartsBuild()}</script>
<script>${CLIENT}</script>
</body>
</html>
`;
}
