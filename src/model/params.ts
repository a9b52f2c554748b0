// Model parameters: names and how a Monte Carlo run draws them. The values (central, low, high)
// live in seeds/parameters.yaml with their sources; the model only knows the names.

export const PARAM_NAMES = [
  'import_price_pass_through',
  'retail_pass_through',
  'armington_sigma',
  'import_demand_elasticity',
  'short_run_elasticity',
  'trade_adjustment_half_life_weeks',
  'soybean_substitution_elasticity',
  'cn_soybean_demand_mmt',
  'us_soybean_reference_mmt',
  'other_soybean_suppliers_mmt',
  'soybean_price_usd_per_t',
  'soybean_boycott_factor',
  'soybean_compliance_target',
  'soybean_compliance_noise',
  'curb_flow_loss',
  'licence_delay_scale_weeks',
  'pact_lag_multiplier',
  'tech_export_loss',
  'port_fee_cost_pct',
  'us_mfn_tariff_pct',
  'us_consumption_bn',
  'us_imports_from_cn_2024_bn',
  'us_exports_to_cn_2024_bn',
  'escalation_pull',
  'escalation_noise',
  // The leverage ledgers (README "Who has leverage?"): what each lever costs each side.
  'us_magnet_dependent_output_bn',
  'magnet_output_loss_at_10pct',
  'magnet_output_loss_convexity',
  'magnet_demand_elasticity',
  'magnet_price_cap',
  'cn_rare_earth_exports_to_us_bn',
  'tech_sales_loss_per_breadth_bn',
  'cn_tech_output_multiplier',
  'cn_tech_substitution_share',
  'soybean_diversion_share',
  'soybean_diversion_discount',
  'soybean_substitute_premium',
  'soybean_response_half_life_weeks',
  'soybean_season_amplitude',
  'cn_export_margin_share',
  'cn_mfn_tariff_pct',
  // US exports calibrated on their own (China's demand for US goods).
  'export_armington_sigma',
  'export_demand_elasticity',
  'export_short_run_elasticity',
  // Trade that sees a scheduled increase or a threat coming.
  'front_loading_elasticity',
  'front_loading_window_weeks',
  'threat_uncertainty_elasticity',
  // What a side's cost is measured against (the cost_threshold strategy's share of GDP).
  'us_gdp_2024_bn',
  'cn_gdp_2024_bn',
] as const;

export type ParamName = (typeof PARAM_NAMES)[number];
export type Params = Record<ParamName, number>;

export interface ParamSpec {
  central: number;
  low: number;
  high: number;
}
export type ParamSpecs = Record<ParamName, ParamSpec>;

export function isParamName(name: string): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}

export function centralParams(specs: ParamSpecs): Params {
  const out = {} as Params;
  for (const name of PARAM_NAMES) out[name] = specs[name].central;
  return out;
}

/** Inverse CDF of the triangular distribution (low, mode, high): ranges are often lopsided. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return mode;
  const f = (mode - low) / (high - low);
  return u < f
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** One Monte Carlo draw: each parameter from its triangular range, in PARAM_NAMES order. */
export function drawParams(specs: ParamSpecs, uniform: () => number): Params {
  const out = {} as Params;
  for (const name of PARAM_NAMES) {
    const s = specs[name];
    out[name] = triangular(uniform(), s.low, s.central, s.high);
  }
  return out;
}
