// Fixed histogram bins per metric: the quantiles' resolution. Bin k is centred on a multiple of the
// width, so a quantile is reported as a multiple of the width (clamped to the observed min and max).

import { METRIC_NAMES, type MetricName } from '../model/metrics.js';

export interface BinSpec {
  /** Bin width in the metric's own unit: the quantiles' resolution (within half a width). */
  width: number;
  /** The lowest and highest bin centres; values beyond fall into the edge bins. */
  min: number;
  max: number;
}

/** Ranges wide enough for any scenario's ten-year horizon; widths well below a figure's meaning. */
export const METRIC_BINS: Record<MetricName, BinSpec> = {
  us_tariff_on_cn_pct: { width: 0.5, min: 0, max: 400 },
  cn_tariff_on_us_pct: { width: 0.5, min: 0, max: 400 },
  rare_earth_curb: { width: 0.005, min: 0, max: 1 },
  us_rare_earth_supply_index: { width: 0.005, min: 0, max: 1 },
  soybean_purchases_mmt: { width: 0.1, min: 0, max: 40 },
  us_imports_from_cn_bn: { width: 1, min: 0, max: 800 },
  us_exports_to_cn_bn: { width: 0.5, min: 0, max: 300 },
  us_tariff_revenue_bn: { width: 1, min: 0, max: 800 },
  us_consumer_price_pct: { width: 0.01, min: 0, max: 10 },
  us_deadweight_loss_bn: { width: 1, min: 0, max: 800 },
  escalation_index: { width: 0.25, min: 0, max: 100 },
  truce_active: { width: 1, min: 0, max: 1 },
  cn_soybean_tariff_pct: { width: 0.5, min: 0, max: 400 },
  soybean_commitment_mmt: { width: 0.1, min: 0, max: 40 },
  soybean_purchased_cumulative_mmt: { width: 0.25, min: 0, max: 400 },
  brazil_soybeans_to_cn_mmt: { width: 0.25, min: 0, max: 150 },
  us_magnet_inventory_weeks: { width: 0.05, min: 0, max: 20 },
  non_china_magnet_capacity_share: { width: 0.0025, min: 0, max: 1 },
  us_tariff_on_others_pct: { width: 0.25, min: 0, max: 200 },
  us_tech_restriction: { width: 0.005, min: 0, max: 1 },
  precursor_cooperation: { width: 0.005, min: 0, max: 1 },
  magnet_price_index: { width: 0.02, min: 0, max: 10 },
  us_output_at_risk_bn: { width: 2, min: 0, max: 2400 },
  cn_rare_earth_export_loss_bn: { width: 0.002, min: 0, max: 1 },
  us_tech_export_loss_bn: { width: 0.25, min: 0, max: 200 },
  cn_output_at_risk_bn: { width: 1, min: 0, max: 800 },
  us_soybean_farm_loss_bn: { width: 0.05, min: 0, max: 30 },
  cn_soybean_cost_premium_bn: { width: 0.01, min: 0, max: 5 },
  us_port_fee_cost_bn: { width: 0.05, min: 0, max: 20 },
  cn_port_fee_cost_bn: { width: 0.05, min: 0, max: 20 },
  cn_export_surplus_loss_bn: { width: 0.25, min: 0, max: 200 },
  cn_retaliation_loss_bn: { width: 0.25, min: 0, max: 200 },
  us_economic_cost_bn: { width: 2, min: 0, max: 4000 },
  cn_economic_cost_bn: { width: 1, min: 0, max: 1000 },
  leverage_balance: { width: 0.005, min: 0, max: 1 },
  us_conceded_first: { width: 1, min: 0, max: 1 },
  cn_conceded_first: { width: 1, min: 0, max: 1 },
  us_tariff_refunds_bn: { width: 1, min: -800, max: 0 },
  us_tariff_on_cn_import_weighted_pct: { width: 0.5, min: 0, max: 400 },
};

/** Differences between two scenarios span the metric's range both ways, at the same width. */
export function diffBins(b: BinSpec): BinSpec {
  const span = b.max - b.min;
  return { width: b.width, min: -span, max: span };
}

/** A bin layout in integer units of the width, for the hot loop. */
export interface Layout {
  width: number;
  /** round(min / width): the first bin's centre in widths. */
  first: number;
  bins: number;
}

export function layoutOf(b: BinSpec): Layout {
  const first = Math.round(b.min / b.width);
  return { width: b.width, first, bins: Math.round(b.max / b.width) - first + 1 };
}

export function binOf(l: Layout, x: number): number {
  const k = Math.round(x * (1 / l.width)) - l.first; // as the hot loop bins
  return k < 0 ? 0 : k >= l.bins ? l.bins - 1 : k;
}

export function centreOf(l: Layout, bin: number): number {
  // Multiply by an integer and divide by the inverse where it is one, so centres print cleanly (0.1*3).
  const inv = 1 / l.width;
  const k = bin + l.first;
  return Number.isInteger(inv) ? k / inv : k * l.width;
}

export const METRIC_LAYOUTS: Layout[] = METRIC_NAMES.map((m) => layoutOf(METRIC_BINS[m]));
export const DIFF_LAYOUTS: Layout[] = METRIC_NAMES.map((m) => layoutOf(diffBins(METRIC_BINS[m])));
