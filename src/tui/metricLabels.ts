// How the screen names and rounds the metrics it shows (units in the labels).

import type { MetricName } from '../model/metrics.js';
import { fixed } from '../sim/format.js';

export interface MetricLabel {
  label: string;
  short: string;
  digits: number;
}

export const METRIC_LABELS: Partial<Record<MetricName, MetricLabel>> = {
  us_tariff_on_cn_pct: { label: 'US tariff on CN, %', short: 'US on CN %', digits: 1 },
  cn_tariff_on_us_pct: { label: 'CN tariff on US, %', short: 'CN on US %', digits: 1 },
  rare_earth_curb: { label: 'Rare-earth curb, 0-1', short: 'curb 0-1', digits: 2 },
  us_rare_earth_supply_index: { label: 'US magnet supply, 0-1', short: 'supply 0-1', digits: 2 },
  us_magnet_inventory_weeks: { label: 'Magnet inventory, wk', short: 'inventory wk', digits: 1 },
  soybean_purchases_mmt: { label: 'Soybean buys, MMT/yr', short: 'buys MMT/yr', digits: 1 },
  soybean_commitment_mmt: { label: 'Soy commitment, MMT/yr', short: 'commit MMT/yr', digits: 1 },
  soybean_purchased_cumulative_mmt: { label: 'Soy bought to date, MMT', short: 'bought MMT', digits: 1 },
  us_imports_from_cn_bn: { label: 'Imports from CN, $bn/yr', short: 'imports $bn', digits: 0 },
  us_exports_to_cn_bn: { label: 'Exports to CN, $bn/yr', short: 'exports $bn', digits: 0 },
  us_tariff_revenue_bn: { label: 'Tariff revenue, $bn/yr', short: 'revenue $bn', digits: 0 },
  us_consumer_price_pct: { label: 'US prices, +%', short: 'prices +%', digits: 2 },
  us_deadweight_loss_bn: { label: 'Deadweight loss, $bn/yr', short: 'DWL $bn', digits: 1 },
  escalation_index: { label: 'Escalation, 0-100', short: 'escalation', digits: 0 },
  truce_active: { label: 'Truce in force, 0/1', short: 'truce', digits: 0 },
};

/** The metrics the compare table lists, in order. */
export const COMPARE_METRICS: MetricName[] = [
  'us_tariff_on_cn_pct', 'cn_tariff_on_us_pct', 'rare_earth_curb', 'us_rare_earth_supply_index', 'soybean_purchases_mmt',
  'us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'us_tariff_revenue_bn', 'us_consumer_price_pct', 'us_deadweight_loss_bn',
  'escalation_index', 'truce_active',
];

export function labelOf(m: MetricName): MetricLabel {
  return METRIC_LABELS[m] ?? { label: m, short: m, digits: 2 };
}

export function fmt(x: number | undefined, digits: number): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  return fixed(x, digits);
}

export function fmtDiff(x: number, digits: number): string {
  const s = fmt(x, digits);
  return x > 0 && s !== fmt(0, digits) ? `+${s}` : s;
}
