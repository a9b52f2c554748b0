// Hand-made inputs for the trade and tariff functions: a US layer with nothing suspended, threatened
// or expiring, and trade parameters with complete pass-through, no fees, no controls.
import type { TradeParams } from '../../src/model/economics/trade.js';
import type { TariffLayer } from '../../src/model/types.js';

export function usLayer(id: string, rate_pct: number, applies_to: TariffLayer['applies_to'] = 'partner', scope: string[] = ['all']): TariffLayer {
  return { id, imposer: 'us', label: id, scope, applies_to, rate_pct, suspended_pct: 0, threatened_pct: 0, expires_step: null, snapback_rate_pct: null };
}

export function tradeParams(over: Partial<TradeParams> = {}): TradeParams {
  return {
    pass_through: 1,
    sigma: 2,
    demand_elasticity: 1,
    short_run_elasticity: 0.5,
    adjustment: 1,
    fee_pct: 0,
    counterfactual_tariff_pct: 0,
    controlled_segment: null,
    controlled_factor: 1,
    skip_segment: null,
    ...over,
  };
}
