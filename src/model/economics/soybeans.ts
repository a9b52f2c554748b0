// China's purchases of US soybeans: private crushers respond to the tariff gap with Brazil
// (constant elasticity of substitution); state buyers follow policy (a boycott, or a commitment
// honoured with some compliance). China's demand is met by the US, Brazil and other suppliers.

import type { SoybeanState } from '../types.js';

export interface SoybeanParams {
  /** Swing of US sales to China over the year (0: none; 1: none at all in late May). */
  season_amplitude: number;
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

/**
 * Private demand or the state buyers' commitment, whichever is more; Brazil supplies the rest. The
 * split buyers settle at outside the season: a step moves toward soybeanTargetMmt instead.
 */
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

/**
 * US sales to China follow the marketing year: they peak after the US harvest (September-February,
 * highest about 20 November) and fall away while Brazil's crop ships (March-August). The factor on a
 * year's rate, by day of the year: 1 on average over a year.
 */
export const SEASON_PEAK_DAY = 323;
export const SEASON_RADIANS_PER_DAY = (2 * Math.PI) / 365.25;

/**
 * The season's cosine at steps 0..length-1 of a run starting on day `startDay` of its year, steps
 * `daysPerStep` apart: a step's factor is 1 + amplitude x this (soybeanSeason, by step).
 */
export function seasonCosines(startDay: number, daysPerStep: number, length: number): Float64Array {
  const fromPeak = startDay - SEASON_PEAK_DAY;
  const table = new Float64Array(length);
  for (let i = 0; i < length; i++) table[i] = Math.cos(SEASON_RADIANS_PER_DAY * (fromPeak + i * daysPerStep));
  return table;
}

export function soybeanSeason(day: number, p: SoybeanParams): number {
  return 1 + p.season_amplitude * Math.cos(SEASON_RADIANS_PER_DAY * (day - SEASON_PEAK_DAY));
}

/**
 * The rate China's purchases of US beans head for, MMT a year: what private crushers buy at the
 * tariff or what state buyers honour of a yearly commitment, whichever is more, through the season;
 * or, while a dated tranche is open, the pace that buys the rest of it by its date (honoured with
 * the same compliance), if faster. A boycott stops state purchases, tranche included. At most what
 * China needs from the US and Brazil. (A step spells this out in model/economy.ts: it is the same.)
 */
export function soybeanTargetMmt(soy: SoybeanState, market: number, season: number, trancheYearsLeft: number, p: SoybeanParams): number {
  const committed = soy.boycott ? 0 : soy.commitment_mmt * soy.compliance;
  let target = (market > committed ? market : committed) * season;
  if (!soy.boycott && trancheYearsLeft > 0) {
    const remaining = soy.tranche_mmt - soy.tranche_bought_mmt;
    const pace = remaining > 0 ? (soy.compliance * remaining) / trancheYearsLeft : 0;
    if (pace > target) target = pace;
  }
  const cap = p.demand_mmt - Math.min(p.other_suppliers_mmt, p.demand_mmt);
  return target < cap ? target : cap;
}
