// The metric contract (DESIGN.md section 4). These names are a public interface: add, never rename.

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
] as const;

export const METRIC_NAMES = [...CONTRACT_METRICS, ...EXTRA_METRICS] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export type Metrics = Record<MetricName, number>;

export function isMetricName(name: string): name is MetricName {
  return (METRIC_NAMES as readonly string[]).includes(name);
}
