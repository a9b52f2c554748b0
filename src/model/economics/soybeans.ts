// China's purchases of US soybeans: private crushers respond to the tariff gap with Brazil
// (constant elasticity of substitution); state buyers follow policy (a boycott, or a commitment
// honoured with some compliance). China's demand is met by the US, Brazil and other suppliers.

import type { SoybeanState } from '../types.js';

export interface SoybeanParams {
  substitution_elasticity: number;
  demand_mmt: number;
  us_reference_mmt: number;
  other_suppliers_mmt: number;
  boycott_factor: number;
}

export interface SoybeanOutcome {
  us_mmt: number;
  brazil_mmt: number;
  other_mmt: number;
}

export function soybeanFlows(soy: SoybeanState, tariffPct: number, referenceTariffPct: number, p: SoybeanParams): SoybeanOutcome {
  return soybeanSplit(soy, privateSoybeanDemandMmt(tariffPct, referenceTariffPct, soy.boycott, p), p);
}

/** What private crushers buy from the US at this tariff (a boycott cuts it too); fixed while the tariff is. */
export function privateSoybeanDemandMmt(tariffPct: number, referenceTariffPct: number, boycott: boolean, p: SoybeanParams): number {
  const market = p.us_reference_mmt * Math.pow((1 + tariffPct / 100) / (1 + referenceTariffPct / 100), -p.substitution_elasticity);
  return boycott ? market * p.boycott_factor : market;
}

/** Private demand or the state buyers' commitment, whichever is more; Brazil supplies the rest. */
export function soybeanSplit(soy: SoybeanState, market: number, p: SoybeanParams): SoybeanOutcome {
  return soybeanSplitInto({ us_mmt: 0, brazil_mmt: 0, other_mmt: 0 }, soy, market, p);
}

/** The same, written into `out` (a stretch of steps re-uses one). */
export function soybeanSplitInto(out: SoybeanOutcome, soy: SoybeanState, market: number, p: SoybeanParams): SoybeanOutcome {
  const committed = soy.boycott ? 0 : soy.commitment_mmt * soy.compliance;
  const other = Math.min(p.other_suppliers_mmt, p.demand_mmt);
  const us = Math.min(Math.max(market, committed), p.demand_mmt - other);
  out.us_mmt = us;
  out.brazil_mmt = p.demand_mmt - other - us;
  out.other_mmt = other;
  return out;
}

/** Where compliance drifts: the parameter's level, eroded once tension passes 40. */
export function complianceTarget(base: number, escalation: number): number {
  return base * (1 - Math.min(1, Math.max(0, (escalation - 40) / 60)));
}
