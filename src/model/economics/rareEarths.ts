// US rare-earth magnet supply as a quantity constraint: China's licensed flow, non-China capacity
// that ramps up with a lag after diversification pacts, and an inventory that buffers shortfalls.
// Quantities are shares of weekly US demand; the inventory is in weeks of demand.

import type { DiversificationPact, RareEarthState } from '../types.js';

export interface RareEarthParams {
  /** Share of China's flow a full curb (level 1) stops. */
  curb_flow_loss: number;
  /** Licence delays cut the flow by 1 / (1 + curb * delay / scale): the tighter the regime, the more they bite. */
  licence_delay_scale_weeks: number;
  pact_lag_multiplier: number;
  weeks_per_step: number;
}

/** China can ship above its usual share when unrestricted, so buyers can restock. */
const CHINA_SURGE = 1.25;
/** Buyers aim to rebuild a depleted inventory over about this many weeks. */
const RESTOCK_WEEKS = 8;

export function pactCapacityShare(pacts: DiversificationPact[], step: number, weeksPerStep: number, lagMultiplier: number): number {
  let cap = 0;
  for (const pact of pacts) {
    const weeks = (step - pact.signed_step) * weeksPerStep - pact.lag_weeks * lagMultiplier;
    if (weeks <= 0) continue;
    cap += pact.capacity_share * Math.min(1, pact.ramp_weeks > 0 ? weeks / pact.ramp_weeks : 1);
  }
  return cap;
}

export function chinaAvailableShare(re: RareEarthState, p: RareEarthParams): number {
  return re.china_supply_share * CHINA_SURGE * chinaFlowFactor(re, p);
}

/** The share of China's unrestricted flow the curb and its licence delays let through. */
export function chinaFlowFactor(re: RareEarthState, p: RareEarthParams): number {
  const licence = 1 / (1 + (re.curb * re.licence_delay_weeks) / p.licence_delay_scale_weeks);
  return (1 - re.curb * p.curb_flow_loss) * licence;
}

export interface RareEarthOutcome {
  supply_index: number;
  inventory_weeks: number;
  non_china_share: number;
}

export function rareEarthSupply(re: RareEarthState, pacts: DiversificationPact[], p: RareEarthParams, step: number): RareEarthOutcome {
  return rareEarthSupplyInto({ supply_index: 0, inventory_weeks: 0, non_china_share: 0 }, re, pacts, p, step);
}

/** The same, written into `out` (a stretch of steps re-uses one). */
export function rareEarthSupplyInto(out: RareEarthOutcome, re: RareEarthState, pacts: DiversificationPact[], p: RareEarthParams, step: number): RareEarthOutcome {
  const nonChina = re.base_non_china_share + pactCapacityShare(pacts, step, p.weeks_per_step, p.pact_lag_multiplier);
  const available = chinaAvailableShare(re, p) + nonChina;
  const desired = 1 + Math.max(0, re.inventory_target_weeks - re.inventory_weeks) / RESTOCK_WEEKS;
  const flow = Math.min(available, desired);
  const net = (flow - 1) * p.weeks_per_step;
  out.non_china_share = nonChina;
  if (net >= 0) {
    out.supply_index = 1;
    out.inventory_weeks = re.inventory_weeks + net;
    return out;
  }
  const draw = Math.min(re.inventory_weeks, -net);
  out.supply_index = Math.min(1, flow + draw / p.weeks_per_step);
  out.inventory_weeks = re.inventory_weeks - draw;
  return out;
}
