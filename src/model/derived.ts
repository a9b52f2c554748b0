// Per-run constants derived from the parameters: a regime reads them (the engine keeps the last few
// sets, src/engine/lookups.ts, so a run works them out once rather than once a regime).

import { weeksPerStep } from './calendar.js';
import type { LedgerParams } from './economics/ledgers.js';
import type { RareEarthParams } from './economics/rareEarths.js';
import type { SoybeanParams } from './economics/soybeans.js';
import type { TradeParams } from './economics/trade.js';
import type { Params } from './params.js';
import type { StepUnit } from './types.js';

export interface Derived {
  weeks_per_step: number;
  sqrt_weeks: number;
  trade_adjustment: number;
  tension_pull: number;
  compliance_speed: number;
  soybeans: SoybeanParams;
  rare_earths: RareEarthParams;
  ledger: LedgerParams;
  /** Share of the gap to the target soybean flow closed in one step (purchases respond over weeks). */
  soybean_response: number;
  /** Share of the goods bought ahead that buyers work off in one step (half-life: half the window). */
  import_stock_drawdown: number;
  /** US imports from China, without and with US port fees. */
  imports: [TradeParams, TradeParams];
  /** US exports to China by (China's port fees, control restriction). */
  exports(fees: boolean, restriction: number): TradeParams;
}

export function derived(p: Params, unit: StepUnit): Derived {
  const w = weeksPerStep(unit);
  const adjustment = 1 - Math.pow(0.5, w / p.trade_adjustment_half_life_weeks);
  // Object literals with every field (no spreads): one shape for every TradeParams.
  // US exports have elasticities of their own (China's demand for US goods: Fajgelbaum et al.).
  const trade = (fee_pct: number, counterfactual_tariff_pct: number, controlled: string | null, controlled_factor: number, skip_segment: string | null, exports = false): TradeParams => ({
    pass_through: p.import_price_pass_through,
    sigma: exports ? p.export_armington_sigma : p.armington_sigma,
    demand_elasticity: exports ? p.export_demand_elasticity : p.import_demand_elasticity,
    short_run_elasticity: exports ? p.export_short_run_elasticity : p.short_run_elasticity,
    adjustment,
    fee_pct,
    counterfactual_tariff_pct,
    controlled_segment: controlled,
    controlled_factor,
    skip_segment,
  });
  return {
    weeks_per_step: w,
    sqrt_weeks: Math.sqrt(w),
    trade_adjustment: adjustment,
    tension_pull: 1 - Math.pow(1 - p.escalation_pull, w),
    compliance_speed: 1 - Math.pow(0.5, w / 8),
    soybeans: {
      season_amplitude: p.soybean_season_amplitude,
      substitution_elasticity: p.soybean_substitution_elasticity,
      demand_mmt: p.cn_soybean_demand_mmt,
      us_reference_mmt: p.us_soybean_reference_mmt,
      other_suppliers_mmt: p.other_soybean_suppliers_mmt,
      boycott_factor: p.soybean_boycott_factor,
    },
    rare_earths: {
      curb_flow_loss: p.curb_flow_loss,
      licence_delay_scale_weeks: p.licence_delay_scale_weeks,
      pact_lag_multiplier: p.pact_lag_multiplier,
      weeks_per_step: w,
    },
    ledger: {
      magnet_dependent_output_bn: p.us_magnet_dependent_output_bn,
      output_loss_at_10pct: p.magnet_output_loss_at_10pct,
      output_loss_convexity: p.magnet_output_loss_convexity,
      magnet_price_exponent: -1 / p.magnet_demand_elasticity,
      magnet_price_cap: p.magnet_price_cap,
      cn_rare_earth_exports_to_us_bn: p.cn_rare_earth_exports_to_us_bn,
      tech_sales_loss_per_breadth_bn: p.tech_sales_loss_per_breadth_bn,
      cn_tech_output_multiplier: p.cn_tech_output_multiplier,
      cn_tech_substitution_share: p.cn_tech_substitution_share,
      farm_loss_per_lost_sale: 1 - p.soybean_diversion_share * (1 - p.soybean_diversion_discount),
      soybean_substitute_premium: p.soybean_substitute_premium,
      soybean_bn_per_mmt: p.soybean_price_usd_per_t / 1000,
      cn_export_margin_share: p.cn_export_margin_share,
      cn_absorbed_share: 1 - p.import_price_pass_through,
    },
    soybean_response: 1 - Math.pow(0.5, w / p.soybean_response_half_life_weeks),
    import_stock_drawdown: 1 - Math.pow(0.5, w / (p.front_loading_window_weeks / 2)),
    imports: [trade(0, p.us_mfn_tariff_pct, null, 1, null), trade(p.port_fee_cost_pct, p.us_mfn_tariff_pct, null, 1, null)],
    exports(fees, restriction) {
      return trade(fees ? p.port_fee_cost_pct : 0, p.cn_mfn_tariff_pct, 'technology', 1 - p.tech_export_loss * restriction, 'soybeans', true);
    },
  };
}
