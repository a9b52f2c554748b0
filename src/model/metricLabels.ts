// The metrics' names for people: a label with its unit ("US tariff on CN, %"), a short form, the
// unit alone, and the digits worth showing. Plain data beside the contract (metrics.ts), read by
// play, `run`'s and `batch`'s tables and the HTML report. Every metric needs one: a test fails for
// a metric without a label.

import type { MetricName } from './metrics.js';

export interface MetricLabel {
  /** Name and unit, as a row or a chart title reads: "US tariff on CN, %". */
  label: string;
  /** A few characters for a panel's title. */
  short: string;
  /** The unit alone, for an axis: "%", "$bn/yr". */
  unit: string;
  digits: number;
  /** A 0/1 outcome: shown as the share of runs in which it holds. */
  binary?: boolean;
}

export const METRIC_LABELS: Partial<Record<MetricName, MetricLabel>> = {
  us_tariff_on_cn_pct: { label: 'US tariff on CN, %', short: 'US on CN %', unit: '%', digits: 1 },
  cn_tariff_on_us_pct: { label: 'CN tariff on US, %', short: 'CN on US %', unit: '%', digits: 1 },
  rare_earth_curb: { label: 'Rare-earth curb, 0-1', short: 'curb 0-1', unit: '0-1', digits: 2 },
  us_rare_earth_supply_index: { label: 'US magnet supply, 0-1', short: 'supply 0-1', unit: '0-1', digits: 2 },
  soybean_purchases_mmt: { label: 'Soybean buys, MMT/yr', short: 'buys MMT/yr', unit: 'MMT/yr', digits: 1 },
  us_imports_from_cn_bn: { label: 'Imports from CN, $bn/yr', short: 'imports $bn', unit: '$bn/yr', digits: 0 },
  us_exports_to_cn_bn: { label: 'Exports to CN, $bn/yr', short: 'exports $bn', unit: '$bn/yr', digits: 0 },
  us_tariff_revenue_bn: { label: 'Tariff revenue, $bn/yr', short: 'revenue $bn', unit: '$bn/yr', digits: 0 },
  us_consumer_price_pct: { label: 'US prices, +%', short: 'prices +%', unit: '+%', digits: 2 },
  us_deadweight_loss_bn: { label: 'Deadweight loss, $bn/yr', short: 'DWL $bn', unit: '$bn/yr', digits: 1 },
  escalation_index: { label: 'Escalation, 0-100', short: 'index 0-100', unit: '0-100', digits: 0 },
  truce_active: { label: 'Truce in force, 0/1', short: 'truce 0/1', unit: '0/1', digits: 0, binary: true },
  cn_soybean_tariff_pct: { label: 'CN tariff on US soybeans, %', short: 'soy tariff %', unit: '%', digits: 1 },
  soybean_commitment_mmt: { label: 'Soy commitment, MMT/yr', short: 'commit MMT/yr', unit: 'MMT/yr', digits: 1 },
  soybean_purchased_cumulative_mmt: { label: 'Soy bought to date, MMT', short: 'bought MMT', unit: 'MMT', digits: 1 },
  brazil_soybeans_to_cn_mmt: { label: 'Brazil soybeans to CN, MMT/yr', short: 'Brazil MMT/yr', unit: 'MMT/yr', digits: 1 },
  us_magnet_inventory_weeks: { label: 'Magnet inventory, weeks', short: 'inventory wk', unit: 'weeks', digits: 1 },
  non_china_magnet_capacity_share: { label: 'Non-China magnet capacity, share', short: 'non-CN share', unit: 'share', digits: 2 },
  us_tariff_on_others_pct: { label: 'US tariff on others, %', short: 'on others %', unit: '%', digits: 1 },
  us_tech_restriction: { label: 'US tech restriction, 0-1', short: 'tech 0-1', unit: '0-1', digits: 2 },
  precursor_cooperation: { label: 'Precursor cooperation, 0-1', short: 'precursors 0-1', unit: '0-1', digits: 2 },
  magnet_price_index: { label: 'Magnet price, 2024=1', short: 'magnet 2024=1', unit: '2024=1', digits: 2 },
  us_output_at_risk_bn: { label: 'US output at risk, $bn/yr', short: 'US output $bn', unit: '$bn/yr', digits: 0 },
  cn_rare_earth_export_loss_bn: { label: 'CN rare-earth export loss, $bn/yr', short: 'CN RE loss $bn', unit: '$bn/yr', digits: 2 },
  us_tech_export_loss_bn: { label: 'US tech export loss, $bn/yr', short: 'US tech $bn', unit: '$bn/yr', digits: 1 },
  cn_output_at_risk_bn: { label: 'CN output at risk, $bn/yr', short: 'CN output $bn', unit: '$bn/yr', digits: 0 },
  us_soybean_farm_loss_bn: { label: 'US soybean farm loss, $bn/yr', short: 'farm loss $bn', unit: '$bn/yr', digits: 2 },
  cn_soybean_cost_premium_bn: { label: 'CN soybean premium, $bn/yr', short: 'CN soy $bn', unit: '$bn/yr', digits: 2 },
  us_port_fee_cost_bn: { label: 'US port-fee cost, $bn/yr', short: 'US fees $bn', unit: '$bn/yr', digits: 2 },
  cn_port_fee_cost_bn: { label: 'CN port-fee cost, $bn/yr', short: 'CN fees $bn', unit: '$bn/yr', digits: 2 },
  cn_export_surplus_loss_bn: { label: 'CN export surplus loss, $bn/yr', short: 'CN surplus $bn', unit: '$bn/yr', digits: 1 },
  cn_retaliation_loss_bn: { label: 'CN retaliation loss, $bn/yr', short: 'CN retal. $bn', unit: '$bn/yr', digits: 1 },
  us_economic_cost_bn: { label: 'US economic cost, $bn/yr', short: 'US cost $bn', unit: '$bn/yr', digits: 0 },
  cn_economic_cost_bn: { label: 'CN economic cost, $bn/yr', short: 'CN cost $bn', unit: '$bn/yr', digits: 0 },
  leverage_balance: { label: 'Leverage (CN cost share), 0-1', short: 'CN share 0-1', unit: '0-1', digits: 2 },
  us_conceded_first: { label: 'US conceded first, 0/1', short: 'US first 0/1', unit: '0/1', digits: 0, binary: true },
  cn_conceded_first: { label: 'CN conceded first, 0/1', short: 'CN first 0/1', unit: '0/1', digits: 0, binary: true },
  us_tariff_refunds_bn: { label: 'US tariff refunds, $bn/yr', short: 'refunds $bn', unit: '$bn/yr', digits: 1 },
  us_tariff_on_cn_import_weighted_pct: { label: 'US tariff on CN (import-weighted), %', short: 'US on CN imp-wt %', unit: '%', digits: 1 },
};

export function labelOf(m: MetricName): MetricLabel {
  return METRIC_LABELS[m] ?? { label: m, short: m, unit: '', digits: 2 };
}
