// What each lever costs each side, $bn a year: the parts of the two ledgers and their sums. Each
// part is a closed form of quantities a step already has (the magnet shortfall, the breadth of the
// technology controls, the soybean flows, the trade values), so the hot loop pays a few
// multiplications for them and a quiet stretch gives what single steps give.

export interface LedgerParams {
  /** 2024 output of the US magnet-dependent sectors, $bn a year. */
  magnet_dependent_output_bn: number;
  /** Share of that output idled by a 10% shortfall, and the power the share grows with. */
  output_loss_at_10pct: number;
  output_loss_convexity: number;
  /** -1 / the short-run price elasticity of magnet demand, and the price where buyers stop bidding. */
  magnet_price_exponent: number;
  magnet_price_cap: number;
  cn_rare_earth_exports_to_us_bn: number;
  tech_sales_loss_per_breadth_bn: number;
  cn_tech_output_multiplier: number;
  cn_tech_substitution_share: number;
  /** US growers' revenue lost per $ of sales China does not make: 1 - diverted share x (1 - discount). */
  farm_loss_per_lost_sale: number;
  soybean_substitute_premium: number;
  /** $bn per MMT of soybeans. */
  soybean_bn_per_mmt: number;
  cn_export_margin_share: number;
  /** The share of a US tariff Chinese exporters absorb (1 - pass-through). */
  cn_absorbed_share: number;
}

/**
 * US output idled by a magnet shortfall (1 - supply index, once inventory is gone), $bn a year. A
 * critical input with little short-run substitution: the idled share is a (x / 0.1)^c, c > 1, with
 * a from Goldman Sachs' $150bn of world output for a 10% disruption; it cannot pass the whole output.
 */
export function magnetOutputAtRiskBn(shortfall: number, p: LedgerParams): number {
  if (shortfall <= 0) return 0;
  const share = p.output_loss_at_10pct * Math.pow(shortfall / 0.1, p.output_loss_convexity);
  return p.magnet_dependent_output_bn * (share < 1 ? share : 1);
}

/**
 * Magnet price relative to 2024: the price at which demand (short-run elasticity) matches the flow
 * available (China's licensed flow and other capacity, as a share of demand), up to the cap where
 * buyers idle lines rather than bid more (IEA: European prices about 6x China's in October 2025).
 */
export function magnetPriceIndex(availableShare: number, p: LedgerParams): number {
  if (availableShare >= 1) return 1;
  if (availableShare <= 0) return p.magnet_price_cap;
  const price = Math.pow(availableShare, p.magnet_price_exponent);
  return price < p.magnet_price_cap ? price : p.magnet_price_cap;
}

/** China's rare-earth export revenue lost on the share of its US flow it withholds, $bn a year at 2024 prices. */
export function cnRareEarthExportLossBn(withheldShare: number, p: LedgerParams): number {
  return p.cn_rare_earth_exports_to_us_bn * withheldShare;
}

/** US sellers' lost sales to China, $bn a year, by the breadth of the controls (the Affiliates Rule counts in it). */
export function usTechExportLossBn(restriction: number, p: LedgerParams): number {
  return p.tech_sales_loss_per_breadth_bn * restriction;
}

/** China's output held back by the chips, software and equipment denied, net of what it replaces at home. */
export function cnTechOutputAtRiskBn(deniedBn: number, p: LedgerParams): number {
  return deniedBn * p.cn_tech_output_multiplier * (1 - p.cn_tech_substitution_share);
}

/** The named parts of each ledger (metrics): each ledger is their sum. */
export const US_LEDGER_PARTS = ['us_deadweight_loss_bn', 'us_output_at_risk_bn', 'us_soybean_farm_loss_bn', 'us_tech_export_loss_bn', 'us_port_fee_cost_bn'] as const;
export const CN_LEDGER_PARTS = [
  'cn_export_surplus_loss_bn',
  'cn_retaliation_loss_bn',
  'cn_output_at_risk_bn',
  'cn_soybean_cost_premium_bn',
  'cn_rare_earth_export_loss_bn',
  'cn_port_fee_cost_bn',
] as const;

/** China's share of the two sides' costs (0.5 = even; 0.5 too when neither pays anything). */
export function leverageBalance(usCostBn: number, cnCostBn: number): number {
  const total = usCostBn + cnCostBn;
  return total > 0 ? cnCostBn / total : 0.5;
}
