// The readable run summary: the key metrics (rows) at telling dates (columns), sized to the terminal.

import type { MetricName } from '../model/metrics.js';
import type { SimEvent } from '../model/types.js';
import { fixed } from '../sim/format.js';
import type { Row } from '../sim/run.js';

interface MetricView {
  name: MetricName;
  label: string;
  digits: number;
}

export const KEY_METRICS: MetricView[] = [
  { name: 'us_tariff_on_cn_pct', label: 'US tariff on CN, %', digits: 1 },
  { name: 'cn_tariff_on_us_pct', label: 'CN tariff on US, %', digits: 1 },
  { name: 'rare_earth_curb', label: 'Rare-earth curb, 0-1', digits: 2 },
  { name: 'us_rare_earth_supply_index', label: 'US magnet supply, 0-1', digits: 2 },
  { name: 'soybean_purchases_mmt', label: 'Soybean buys, MMT/yr', digits: 1 },
  { name: 'us_imports_from_cn_bn', label: 'Imports from CN, $bn', digits: 0 },
  { name: 'us_exports_to_cn_bn', label: 'Exports to CN, $bn', digits: 0 },
  { name: 'us_tariff_revenue_bn', label: 'Tariff revenue, $bn', digits: 0 },
  { name: 'us_consumer_price_pct', label: 'US prices, +%', digits: 2 },
  { name: 'us_deadweight_loss_bn', label: 'Deadweight loss, $bn', digits: 1 },
  { name: 'escalation_index', label: 'Escalation, 0-100', digits: 0 },
  { name: 'truce_active', label: 'Truce in force', digits: 0 },
  // The leverage ledgers (README "Who has leverage?"); `--json` gives their parts.
  { name: 'us_economic_cost_bn', label: 'US cost, $bn/yr', digits: 1 },
  { name: 'cn_economic_cost_bn', label: 'CN cost, $bn/yr', digits: 1 },
  { name: 'leverage_balance', label: 'CN share of costs', digits: 2 },
];

const LABEL_WIDTH = 23;
const COLUMN_WIDTH = 11;

/** The steps worth a column: the start, steps where something happened, the end; evenly filled. */
export function tellingSteps(rows: Row[], events: SimEvent[], columns: number): number[] {
  const last = rows.length - 1;
  const picked = new Set<number>([0, last]);
  const eventful = [...new Set(events.filter((e) => e.kind === 'move' || e.kind === 'lapse' || e.kind === 'breach').map((e) => e.step))].filter((s) => s > 0 && s < last);
  for (const s of eventful) {
    if (picked.size >= columns) break;
    picked.add(s);
  }
  const n = Math.min(columns, rows.length);
  for (let parts = Math.max(1, n - 1); picked.size < n && parts <= 2 * last; parts *= 2)
    for (let k = 1; k < parts && picked.size < n; k++) picked.add(Math.round((k * last) / parts));
  return [...picked].sort((a, b) => a - b);
}

export function summaryTable(rows: Row[], events: SimEvent[], width: number): string {
  const columns = Math.max(2, Math.floor((width - LABEL_WIDTH) / COLUMN_WIDTH));
  const steps = tellingSteps(rows, events, columns);
  const pad = (s: string, n: number) => s.padStart(n);
  const lines = [`${'date'.padEnd(LABEL_WIDTH)}${steps.map((s) => pad(rows[s].date, COLUMN_WIDTH)).join('')}`];
  lines.push(`${'step'.padEnd(LABEL_WIDTH)}${steps.map((s) => pad(String(s), COLUMN_WIDTH)).join('')}`);
  for (const m of KEY_METRICS) {
    const cells = steps.map((s) => pad(m.name === 'truce_active' ? (rows[s][m.name] ? 'yes' : 'no') : fixed(rows[s][m.name], m.digits), COLUMN_WIDTH));
    lines.push(`${m.label.padEnd(LABEL_WIDTH)}${cells.join('')}`);
  }
  return lines.join('\n');
}

/** The event log, one line each with who decided at the end, skipping repeated shortage notes; `limit` null: all. */
export function eventLines(events: SimEvent[], dateOf: (step: number) => string, limit: number | null = 40): string[] {
  const out: string[] = [];
  let lastShortage = -2;
  for (const e of events) {
    if (e.kind === 'shortage') {
      if (e.step === lastShortage + 1) {
        lastShortage = e.step;
        continue;
      }
      lastShortage = e.step;
    }
    out.push(`${dateOf(e.step)}  ${e.text}  [${e.source}]`);
  }
  return limit !== null && out.length > limit ? [...out.slice(0, limit), `... and ${out.length - limit} more (use --json for all)`] : out;
}
