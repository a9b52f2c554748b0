// Hard limits on parameter overrides: the values where the model's formulas still mean something.
// The seed ranges (seeds/parameters.yaml) are plausible values; these are merely possible ones,
// so a scenario may explore far outside the seeds but never feed the model a division by zero.

import type { ParamName } from '../model/params.js';

/** Inclusive bounds. Where a formula divides by a value (or by its distance from 1), the bound
 * keeps a margin: a value merely above zero can still overflow to Infinity. */
export interface ParamLimit {
  min: number;
  max: number;
}

const share: ParamLimit = { min: 0, max: 1 };
const elasticity: ParamLimit = { min: 0, max: 20 };
const weeks: ParamLimit = { min: 0.1, max: 520 };
const mmt: ParamLimit = { min: 0, max: 1000 };

export const PARAM_LIMITS: Record<ParamName, ParamLimit> = {
  import_price_pass_through: share,
  retail_pass_through: share,
  // The CES price index raises to 1 / (1 - sigma): sigma = 1 divides by zero, and near 1 it overflows.
  armington_sigma: { min: 1.1, max: 20 },
  import_demand_elasticity: elasticity,
  short_run_elasticity: elasticity,
  trade_adjustment_half_life_weeks: weeks,
  soybean_substitution_elasticity: elasticity,
  cn_soybean_demand_mmt: mmt,
  us_soybean_reference_mmt: mmt,
  other_soybean_suppliers_mmt: mmt,
  soybean_price_usd_per_t: { min: 0, max: 10_000 },
  soybean_boycott_factor: share,
  soybean_compliance_target: share,
  soybean_compliance_noise: share,
  curb_flow_loss: share,
  licence_delay_scale_weeks: weeks,
  pact_lag_multiplier: { min: 0, max: 10 },
  tech_export_loss: share,
  port_fee_cost_pct: { min: 0, max: 100 },
  us_mfn_tariff_pct: { min: 0, max: 1000 },
  // Divides the excess duty (consumer prices): a tiny economy makes the price effect overflow.
  us_consumption_bn: { min: 100, max: 1_000_000 },
  us_imports_from_cn_2024_bn: { min: 0, max: 100_000 },
  us_exports_to_cn_2024_bn: { min: 0, max: 100_000 },
  escalation_pull: share,
  escalation_noise: { min: 0, max: 100 },
  us_magnet_dependent_output_bn: { min: 0, max: 100_000 },
  magnet_output_loss_at_10pct: share,
  // The idled share is min(1, a (x / 0.1)^c): a power below 1 would make a small shortfall cost most.
  magnet_output_loss_convexity: { min: 1, max: 5 },
  // The price is the flow's ratio to demand raised to -1 / elasticity: zero divides by zero.
  magnet_demand_elasticity: { min: 0.05, max: 20 },
  magnet_price_cap: { min: 1, max: 1000 },
  cn_rare_earth_exports_to_us_bn: { min: 0, max: 1000 },
  tech_sales_loss_per_breadth_bn: { min: 0, max: 10_000 },
  cn_tech_output_multiplier: { min: 0, max: 100 },
  cn_tech_substitution_share: share,
  soybean_diversion_share: share,
  soybean_diversion_discount: share,
  soybean_substitute_premium: { min: 0, max: 10 },
  soybean_response_half_life_weeks: weeks,
  soybean_season_amplitude: share,
  cn_export_margin_share: share,
  cn_mfn_tariff_pct: { min: 0, max: 1000 },
  // As armington_sigma: the CES index raises to 1 / (1 - sigma).
  export_armington_sigma: { min: 1.1, max: 20 },
  export_demand_elasticity: elasticity,
  export_short_run_elasticity: elasticity,
  front_loading_elasticity: elasticity,
  front_loading_window_weeks: weeks,
  threat_uncertainty_elasticity: elasticity,
  // A share of GDP divides by it.
  us_gdp_2024_bn: { min: 1, max: 1_000_000 },
  cn_gdp_2024_bn: { min: 1, max: 1_000_000 },
};

/** Null when the value is possible, else why not. */
export function paramLimitProblem(name: ParamName, value: number): string | null {
  const l = PARAM_LIMITS[name];
  if (Number.isFinite(value) && value >= l.min && value <= l.max) return null;
  return `${value} is outside what the model can use: from ${l.min} up to ${l.max}`;
}
