// The metric contract (README, "The metric contract"). These names are a public interface: add, never rename.

export const CONTRACT_METRICS = [
  'us_tariff_on_cn_pct',
  'cn_tariff_on_us_pct',
  'rare_earth_curb',
  'us_rare_earth_supply_index',
  'soybean_purchases_mmt',
  'us_imports_from_cn_bn',
  'us_exports_to_cn_bn',
  'us_tariff_revenue_bn',
  'us_consumer_price_pct',
  'us_deadweight_loss_bn',
  'escalation_index',
  'truce_active',
] as const;

/** Further per-step metrics, after the contract's twelve. */
export const EXTRA_METRICS = [
  'cn_soybean_tariff_pct',
  'soybean_commitment_mmt',
  'soybean_purchased_cumulative_mmt',
  'brazil_soybeans_to_cn_mmt',
  'us_magnet_inventory_weeks',
  'non_china_magnet_capacity_share',
  'us_tariff_on_others_pct',
  'us_tech_restriction',
  'precursor_cooperation',
  // The leverage ledgers (README "Who has leverage?"): each side's cost, $bn a year, and its parts.
  'magnet_price_index',
  'us_output_at_risk_bn',
  'cn_rare_earth_export_loss_bn',
  'us_tech_export_loss_bn',
  'cn_output_at_risk_bn',
  'us_soybean_farm_loss_bn',
  'cn_soybean_cost_premium_bn',
  'us_port_fee_cost_bn',
  'cn_port_fee_cost_bn',
  'cn_export_surplus_loss_bn',
  'cn_retaliation_loss_bn',
  'us_economic_cost_bn',
  'cn_economic_cost_bn',
  'leverage_balance',
  // Who gives way first: 1 from the step a side made its first concession of its own (a rule's
  // or a strategy's move that lowered tension), if the other side had made none before it.
  'us_conceded_first',
  'cn_conceded_first',
  'us_tariff_refunds_bn',
  // The US tariff on China weighted by the step's own import values by segment (economy.ts), beside
  // the contract's fixed-2024-weight average (PIIE's method): trackers that weight by recent imports.
  'us_tariff_on_cn_import_weighted_pct',
] as const;

export const METRIC_NAMES = [...CONTRACT_METRICS, ...EXTRA_METRICS] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export type Metrics = Record<MetricName, number>;

export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}

/**
 * A step's metrics into `out` from `at`, in METRIC_NAMES order (a test holds the two lists together).
 * Spelled out because the batch's hot loop calls it for every step of every run.
 */
export function writeMetrics(m: Metrics, out: Float64Array, at: number): void {
  out[at] = m.us_tariff_on_cn_pct;
  out[at + 1] = m.cn_tariff_on_us_pct;
  out[at + 2] = m.rare_earth_curb;
  out[at + 3] = m.us_rare_earth_supply_index;
  out[at + 4] = m.soybean_purchases_mmt;
  out[at + 5] = m.us_imports_from_cn_bn;
  out[at + 6] = m.us_exports_to_cn_bn;
  out[at + 7] = m.us_tariff_revenue_bn;
  out[at + 8] = m.us_consumer_price_pct;
  out[at + 9] = m.us_deadweight_loss_bn;
  out[at + 10] = m.escalation_index;
  out[at + 11] = m.truce_active;
  out[at + 12] = m.cn_soybean_tariff_pct;
  out[at + 13] = m.soybean_commitment_mmt;
  out[at + 14] = m.soybean_purchased_cumulative_mmt;
  out[at + 15] = m.brazil_soybeans_to_cn_mmt;
  out[at + 16] = m.us_magnet_inventory_weeks;
  out[at + 17] = m.non_china_magnet_capacity_share;
  out[at + 18] = m.us_tariff_on_others_pct;
  out[at + 19] = m.us_tech_restriction;
  out[at + 20] = m.precursor_cooperation;
  out[at + 21] = m.magnet_price_index;
  out[at + 22] = m.us_output_at_risk_bn;
  out[at + 23] = m.cn_rare_earth_export_loss_bn;
  out[at + 24] = m.us_tech_export_loss_bn;
  out[at + 25] = m.cn_output_at_risk_bn;
  out[at + 26] = m.us_soybean_farm_loss_bn;
  out[at + 27] = m.cn_soybean_cost_premium_bn;
  out[at + 28] = m.us_port_fee_cost_bn;
  out[at + 29] = m.cn_port_fee_cost_bn;
  out[at + 30] = m.cn_export_surplus_loss_bn;
  out[at + 31] = m.cn_retaliation_loss_bn;
  out[at + 32] = m.us_economic_cost_bn;
  out[at + 33] = m.cn_economic_cost_bn;
  out[at + 34] = m.leverage_balance;
  out[at + 35] = m.us_conceded_first;
  out[at + 36] = m.cn_conceded_first;
  out[at + 37] = m.us_tariff_refunds_bn;
  out[at + 38] = m.us_tariff_on_cn_import_weighted_pct;
}

/** The step's metrics back from `out` at `at` (the inverse of writeMetrics: the same numbers). */
export function readMetrics(out: Float64Array, at: number): Metrics {
  return {
    us_tariff_on_cn_pct: out[at],
    cn_tariff_on_us_pct: out[at + 1],
    rare_earth_curb: out[at + 2],
    us_rare_earth_supply_index: out[at + 3],
    soybean_purchases_mmt: out[at + 4],
    us_imports_from_cn_bn: out[at + 5],
    us_exports_to_cn_bn: out[at + 6],
    us_tariff_revenue_bn: out[at + 7],
    us_consumer_price_pct: out[at + 8],
    us_deadweight_loss_bn: out[at + 9],
    escalation_index: out[at + 10],
    truce_active: out[at + 11],
    cn_soybean_tariff_pct: out[at + 12],
    soybean_commitment_mmt: out[at + 13],
    soybean_purchased_cumulative_mmt: out[at + 14],
    brazil_soybeans_to_cn_mmt: out[at + 15],
    us_magnet_inventory_weeks: out[at + 16],
    non_china_magnet_capacity_share: out[at + 17],
    us_tariff_on_others_pct: out[at + 18],
    us_tech_restriction: out[at + 19],
    precursor_cooperation: out[at + 20],
    magnet_price_index: out[at + 21],
    us_output_at_risk_bn: out[at + 22],
    cn_rare_earth_export_loss_bn: out[at + 23],
    us_tech_export_loss_bn: out[at + 24],
    cn_output_at_risk_bn: out[at + 25],
    us_soybean_farm_loss_bn: out[at + 26],
    cn_soybean_cost_premium_bn: out[at + 27],
    us_port_fee_cost_bn: out[at + 28],
    cn_port_fee_cost_bn: out[at + 29],
    cn_export_surplus_loss_bn: out[at + 30],
    cn_retaliation_loss_bn: out[at + 31],
    us_economic_cost_bn: out[at + 32],
    cn_economic_cost_bn: out[at + 33],
    leverage_balance: out[at + 34],
    us_conceded_first: out[at + 35],
    cn_conceded_first: out[at + 36],
    us_tariff_refunds_bn: out[at + 37],
    us_tariff_on_cn_import_weighted_pct: out[at + 38],
  };
}
