// The batch report as a reader gets it: every metric charted with its label and unit, paired
// differences as charts with their band, 0/1 outcomes as the share of runs, numbers to the
// quantiles' resolution, self-contained; and, where Chromium is installed, drawn live in it.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { METRIC_BINS } from '../src/batch/bins.js';
import { chartSpec, digitsFor, OKABE_ITO, reportHtml } from '../src/batch/report.js';
import type { BatchSummary, SeriesSummary } from '../src/batch/summary.js';
import { labelOf, METRIC_LABELS } from '../src/model/metricLabels.js';
import { METRIC_NAMES, type MetricName } from '../src/model/metrics.js';

const DATES = ['2025-10-30', '2025-11-06', '2025-11-13'];

/** A series whose every metric has the given quantiles at every date (the horizon too). */
function series(label: string, scenario: string, baseline: string | null, q: (m: MetricName) => { mean: number; p5: number; p50: number; p95: number }): SeriesSummary {
  const horizon = Object.fromEntries(METRIC_NAMES.map((m) => [m, q(m)])) as SeriesSummary['horizon'];
  const over = Object.fromEntries(METRIC_NAMES.map((m) => {
    const s = q(m);
    return [m, { mean: DATES.map(() => s.mean), p5: DATES.map(() => s.p5), p50: DATES.map(() => s.p50), p95: DATES.map(() => s.p95) }];
  })) as SeriesSummary['over_time'];
  return { label, scenario, value: null, baseline, runs: 100, dates: DATES, horizon, over_time: over, gives_way_first: null };
}

function summary(): BatchSummary {
  const q = (base: number) => (m: MetricName) => (m === 'truce_active' ? { mean: base > 40 ? 0.84 : 0.2, p5: 0, p50: 1, p95: 1 } : { mean: base, p5: base - 0.5 + 0.07104, p50: base, p95: base + 2 });
  return {
    seed: '7',
    runs: 100,
    baseline: 'busan-truce',
    sweep: null,
    quantile_resolution: Object.fromEntries(METRIC_NAMES.map((m) => [m, METRIC_BINS[m].width])) as BatchSummary['quantile_resolution'],
    scenarios: [series('busan-truce', 'busan-truce', null, q(48)), series('truce-lapses', 'truce-lapses', null, q(30))],
    differences: [series('truce-lapses - busan-truce', 'truce-lapses', 'busan-truce', () => ({ mean: -18, p5: -25, p50: -18, p95: -4 }))],
  };
}

describe('metric labels', () => {
  it('gives every metric a label that names its unit', () => {
    for (const m of METRIC_NAMES) {
      const l = METRIC_LABELS[m];
      expect(l, `${m} has no label in src/model/metricLabels.ts`).toBeDefined();
      expect(l!.unit.length, m).toBeGreaterThan(0);
      expect(l!.label.endsWith(`, ${l!.unit}`), `${m}: "${l!.label}" ends with its unit "${l!.unit}"`).toBe(true); // "name, unit"
    }
  });
});

describe('the HTML report', () => {
  const html = reportHtml(summary());
  const { document } = parseHTML(html);

  it('charts every metric, each titled with its label and unit, with a y-axis title', () => {
    for (const m of METRIC_NAMES) {
      const fig = document.querySelector(`figure#m-${m}`);
      expect(fig, m).not.toBeNull();
      const caption = fig!.querySelector('figcaption')!.textContent!;
      const { unit, binary } = labelOf(m);
      expect(caption, m).toContain(binary ? 'share of runs' : unit);
      expect(caption, m).not.toContain(m); // a label, not the id
      const svg = fig!.querySelector('svg')!;
      const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
      expect(texts, m).toContain(caption); // the chart's own title
      expect(texts, m).toContain(binary ? 'share of runs' : unit); // the y axis' title
    }
  });

  it('charts the paired differences with their p5-p95 band and a zero line', () => {
    for (const m of METRIC_NAMES) {
      const fig = document.querySelector(`figure#d-${m}`);
      expect(fig, m).not.toBeNull();
      expect(fig!.querySelector('figcaption')!.textContent, m).toMatch(/difference/);
    }
    const spec = chartSpec('d', 'us_tariff_on_cn_pct', summary().differences, summary(), true);
    const ids = (spec.option.series as { id: string }[]).map((s) => s.id);
    expect(ids).toEqual(['0:p5', '0:band', '0:p95', '0:p50', 'zero']);
  });

  it('shows a 0/1 outcome as the share of runs over time, not a band from 0 to 1', () => {
    const spec = chartSpec('t', 'truce_active', summary().scenarios, summary(), false);
    const lines = spec.option.series as { id: string; data: number[] }[];
    expect(lines.map((s) => s.id)).toEqual(['0:mean', '1:mean']);
    expect(lines[0].data).toEqual([0.84, 0.84, 0.84]);
    expect(spec.axis).toBe('share of runs');
  });

  it('outlines each band in its scenario\'s Okabe-Ito colour, so overlapping bands stay apart', () => {
    const spec = chartSpec('x', 'escalation_index', summary().scenarios, summary(), false);
    const s = spec.option.series as { id: string; lineStyle: { color?: string; type?: string; opacity?: number }; areaStyle?: { opacity: number } }[];
    for (const k of [0, 1]) {
      for (const edge of ['p5', 'p95']) expect(s.find((x) => x.id === `${k}:${edge}`)!.lineStyle).toMatchObject({ color: OKABE_ITO[k], type: 'dashed' });
      expect(s.find((x) => x.id === `${k}:band`)!.areaStyle!.opacity).toBeLessThanOrEqual(0.15);
    }
    // Okabe & Ito's blue and orange, not red against green.
    expect(OKABE_ITO.slice(0, 2)).toEqual(['#0072B2', '#E69F00']);
  });

  it('gives numbers to the quantiles\' resolution, with units in the row labels', () => {
    expect(digitsFor(0.5)).toBe(1);
    expect(digitsFor(0.005)).toBe(3);
    expect(digitsFor(1)).toBe(0);
    const row = [...document.querySelectorAll('table.summary td[data-metric="us_tariff_on_cn_pct"]')][0].parentElement!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    // p5 of 47.57104 at a 0.5 bin: 47.6, never 47.57104.
    expect(cells.slice(0, 5)).toEqual(['US tariff on CN, %', '48.0', '47.6', '48.0', '50.0']);
  });

  it('is self-contained: the charting code embedded, nothing fetched', () => {
    expect(html).not.toMatch(/<link|<script src|src="http|href="http/);
    const scripts = [...document.querySelectorAll('script:not([type])')].map((s) => s.textContent!);
    expect(scripts.some((s) => s.includes('Apache') && s.length > 100_000)).toBe(true);
    expect(document.querySelectorAll('figure.chart')).toHaveLength(2 * METRIC_NAMES.length);
  });
});

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync('which', [name], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

describe('the report in a real browser', () => {
  it('draws every chart live in headless Chromium with no console errors', (ctx) => {
    const chromium = findChromium();
    if (!chromium) return ctx.skip('no chromium on PATH (apt-get install chromium): the report was not opened in a browser');
    const file = join(mkdtempSync(join(tmpdir(), 'tariff-sim-report-')), 'r.html');
    writeFileSync(file, reportHtml(summary()));
    const r = spawnSync(
      chromium,
      ['--headless', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr', '--v=0', '--virtual-time-budget=5000', '--window-size=1200,900', '--dump-dom', `file://${file}`],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    // The client script marks the body with the number of live charts it drew.
    expect(r.stdout).toContain(`data-charts-live="${2 * METRIC_NAMES.length}"`);
    const errors = r.stderr.split('\n').filter((l) => /CONSOLE/.test(l) && /error|uncaught/i.test(l));
    expect(errors).toEqual([]);
    // Live charts are SVG too: one per figure, none left empty.
    const { document } = parseHTML(r.stdout);
    for (const fig of document.querySelectorAll('figure.chart')) expect(fig.querySelector('.plot svg'), fig.id).not.toBeNull();
  }, 120_000);
});
