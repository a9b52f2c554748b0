// The HTML report: one self-contained file (inline SVG, no scripts, no network) with a fan chart per
// key metric (p5-p95 band and median over time, scenarios overlaid) and the summary table.
// Charts are rendered to SVG in Node by ECharts' server-side renderer.

import * as echarts from 'echarts';
import { CONTRACT_METRICS, type MetricName } from '../model/metrics.js';
import type { BatchSummary, SeriesSummary } from './summary.js';

export const REPORT_METRICS: MetricName[] = [
  'us_tariff_on_cn_pct',
  'cn_tariff_on_us_pct',
  'escalation_index',
  'us_consumer_price_pct',
  'soybean_purchases_mmt',
  'us_rare_earth_supply_index',
  'us_imports_from_cn_bn',
  'us_deadweight_loss_bn',
];

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function fanChartSvg(metric: MetricName, series: SeriesSummary[], width = 640, height = 320): string {
  const dates = [...new Set(series.flatMap((s) => s.dates))].sort();
  const at = (s: SeriesSummary, xs: number[]) => dates.map((d) => {
    const i = s.dates.indexOf(d);
    return i < 0 ? null : r6(xs[i]);
  });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    title: { text: metric, left: 'center', top: 4, textStyle: { fontSize: 14 } },
    legend: { top: 32, data: series.map((s) => s.label) },
    grid: { left: 60, right: 20, top: 72, bottom: 40 },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', scale: true },
    series: series.flatMap((s, k) => {
      const colour = PALETTE[k % PALETTE.length];
      const ot = s.over_time[metric];
      const lower = at(s, ot.p5);
      const upper = at(s, ot.p95);
      const band = upper.map((u, i) => (u === null || lower[i] === null ? null : r6(u - (lower[i] as number))));
      const quiet = { showSymbol: false, silent: true, lineStyle: { opacity: 0 } };
      return [
        { name: `${s.label} p5`, type: 'line', stack: `band${k}`, data: lower, ...quiet },
        { name: `${s.label} p5-p95`, type: 'line', stack: `band${k}`, data: band, ...quiet, areaStyle: { color: colour, opacity: 0.18 } },
        { name: s.label, type: 'line', data: at(s, ot.p50), showSymbol: false, lineStyle: { color: colour, width: 2 }, itemStyle: { color: colour } },
      ];
    }),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

function summaryTableHtml(summary: BatchSummary): string {
  const rows = (list: SeriesSummary[], title: string) => {
    if (list.length === 0) return '';
    const head = `<tr><th>${esc(title)}</th>${list.map((s) => `<th colspan="4">${esc(s.label)}</th>`).join('')}</tr>`;
    const sub = `<tr><th>metric</th>${list.map(() => '<th>mean</th><th>p5</th><th>p50</th><th>p95</th>').join('')}</tr>`;
    const body = CONTRACT_METRICS.map((m) => `<tr><td>${m}</td>${list.map((s) => {
      const h = s.horizon[m];
      return [h.mean, h.p5, h.p50, h.p95].map((x) => `<td>${r6(x)}</td>`).join('');
    }).join('')}</tr>`).join('\n');
    return `<table class="summary">\n${head}\n${sub}\n${body}\n</table>`;
  };
  return [rows(summary.scenarios, 'At the horizon'), rows(summary.differences, `Paired differences from ${summary.baseline ?? ''}`)].filter(Boolean).join('\n');
}

export function reportHtml(summary: BatchSummary): string {
  const names = summary.scenarios.map((s) => s.label).join(', ');
  const charts = REPORT_METRICS.map((m) => `<figure class="fan" data-metric="${m}">\n${fanChartSvg(m, summary.scenarios)}\n</figure>`).join('\n');
  const resolution = CONTRACT_METRICS.map((m) => `${m} ${summary.quantile_resolution[m]}`).join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tariff-sim batch: ${esc(names)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0; }
table.summary { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
table.summary td, table.summary th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: right; }
table.summary td:first-child { text-align: left; }
</style>
</head>
<body>
<h1>tariff-sim batch</h1>
<p>${esc(names)}: ${summary.runs} runs, seed ${esc(summary.seed)}${summary.baseline ? `, baseline ${esc(summary.baseline)}` : ''}. Bands: 5th to 95th percentile across runs; lines: the median. Runs share their parameter draws and shocks across scenarios (common random numbers).</p>
<div class="charts">
${charts}
</div>
<h2>Summary at the horizon</h2>
${summaryTableHtml(summary)}
<p><small>Quantile resolution (bin width) per metric: ${esc(resolution)}.</small></p>
</body>
</html>
`;
}
