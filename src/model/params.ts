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

/**
 * The three numbers of each parameter's range, in PARAM_NAMES order (low, central, high at 3i):
 * what drawing a run's parameters reads, without a lookup by name per parameter.
 */
export function paramTable(specs: ParamSpecs): Float64Array {
  const t = new Float64Array(PARAM_NAMES.length * 3);
  PARAM_NAMES.forEach((name, i) => {
    t[3 * i] = specs[name].low;
    t[3 * i + 1] = specs[name].central;
    t[3 * i + 2] = specs[name].high;
  });
  return t;
}

/** Scratch for drawParamsFrom (nothing keeps it). */
const drawn = new Float64Array(PARAM_NAMES.length);

/**
 * drawParams from a paramTable: the same numbers. A batch draws a set for every run, and setting
 * 49 properties by name (each store a lookup and a change of the object's shape) cost more than
 * the draws themselves.
 */
export function drawParamsFrom(table: Float64Array, uniform: () => number): Params {
  const v = drawn;
  for (let i = 0; i < PARAM_NAMES.length; i++) v[i] = triangular(uniform(), table[3 * i], table[3 * i + 1], table[3 * i + 2]);
  return paramsOf(v);
}


/** A Params from its values in PARAM_NAMES order: one literal, so every set has one shape (a test holds the order). */
export function paramsOf(v: Float64Array): Params {
  return {
    import_price_pass_through: v[0],
    retail_pass_through: v[1],
    armington_sigma: v[2],
    import_demand_elasticity: v[3],
    short_run_elasticity: v[4],
    trade_adjustment_half_life_weeks: v[5],
    soybean_substitution_elasticity: v[6],
    cn_soybean_demand_mmt: v[7],
    us_soybean_reference_mmt: v[8],
    other_soybean_suppliers_mmt: v[9],
    soybean_price_usd_per_t: v[10],
    soybean_boycott_factor: v[11],
    soybean_compliance_target: v[12],
    soybean_compliance_noise: v[13],
    curb_flow_loss: v[14],
    licence_delay_scale_weeks: v[15],
    pact_lag_multiplier: v[16],
    tech_export_loss: v[17],
    port_fee_cost_pct: v[18],
    us_mfn_tariff_pct: v[19],
    us_consumption_bn: v[20],
    us_imports_from_cn_2024_bn: v[21],
    us_exports_to_cn_2024_bn: v[22],
    escalation_pull: v[23],
    escalation_noise: v[24],
    us_magnet_dependent_output_bn: v[25],
    magnet_output_loss_at_10pct: v[26],
    magnet_output_loss_convexity: v[27],
    magnet_demand_elasticity: v[28],
    magnet_price_cap: v[29],
    cn_rare_earth_exports_to_us_bn: v[30],
    tech_sales_loss_per_breadth_bn: v[31],
    cn_tech_output_multiplier: v[32],
    cn_tech_substitution_share: v[33],
    soybean_diversion_share: v[34],
    soybean_diversion_discount: v[35],
    soybean_substitute_premium: v[36],
    soybean_response_half_life_weeks: v[37],
    soybean_season_amplitude: v[38],
    cn_export_margin_share: v[39],
    cn_mfn_tariff_pct: v[40],
    export_armington_sigma: v[41],
    export_demand_elasticity: v[42],
    export_short_run_elasticity: v[43],
    front_loading_elasticity: v[44],
    front_loading_window_weeks: v[45],
    threat_uncertainty_elasticity: v[46],
    us_gdp_2024_bn: v[47],
    cn_gdp_2024_bn: v[48],
  };
}
