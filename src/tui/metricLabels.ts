// How the screen rounds the metrics it shows; the labels themselves live in model/metricLabels.ts.

import type { MetricName } from '../model/metrics.js';
import { fixed } from '../sim/format.js';

export { labelOf, METRIC_LABELS, type MetricLabel } from '../model/metricLabels.js';

/** The metrics the compare table lists, in order. */
export const COMPARE_METRICS: MetricName[] = [
  'us_tariff_on_cn_pct', 'cn_tariff_on_us_pct', 'rare_earth_curb', 'us_rare_earth_supply_index', 'soybean_purchases_mmt',
  'us_imports_from_cn_bn', 'us_exports_to_cn_bn', 'us_tariff_revenue_bn', 'us_consumer_price_pct', 'us_deadweight_loss_bn',
  'escalation_index', 'truce_active',
];

/** A number at the metric's resolution; never `-0`. */
export function fmt(x: number | undefined, digits: number): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  const s = fixed(x, digits);
  return /^-[0.,]*$/.test(s) ? s.slice(1) : s;
}

export function fmtDiff(x: number, digits: number): string {
  const s = fmt(x, digits);
  return x > 0 && s !== fmt(0, digits) ? `+${s}` : s;
}
