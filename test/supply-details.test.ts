// Rare-earth supply and soybean purchases at their edges (model/economics/rareEarths.ts,
// soybeans.ts), worked by hand.

import { describe, expect, it } from 'vitest';
import { chinaAvailableShare, pactCapacityShare, rareEarthSupply } from '../src/model/economics/rareEarths.js';
import { privateSoybeanDemandMmt, soybeanSplit } from '../src/model/economics/soybeans.js';
import type { RareEarthState } from '../src/model/types.js';

const re: RareEarthState = { curb: 0, licence_delay_weeks: 0, inventory_weeks: 0, inventory_target_weeks: 0, china_supply_share: 0.94, base_non_china_share: 0.06 };
const p = { curb_flow_loss: 0.95, licence_delay_scale_weeks: 8, pact_lag_multiplier: 1, weeks_per_step: 1 };

describe('rare earths', () => {
  it("China's flow: 0.94 x 1.25 surge x (1 - curb x 0.95) / (1 + curb x delay / 8)", () => {
    expect(chinaAvailableShare(re, p)).toBeCloseTo(1.175, 12);
    // curb 0.5, delay 4: 0.94 x 1.25 x 0.525 x 0.8 = 0.4935
    expect(chinaAvailableShare({ ...re, curb: 0.5, licence_delay_weeks: 4 }, p)).toBeCloseTo(0.4935, 12);
    // delays do not bite without a curb
    expect(chinaAvailableShare({ ...re, licence_delay_weeks: 30 }, p)).toBeCloseTo(1.175, 12);
  });

  it('a pact without a ramp arrives whole after its lag; pacts add up; months count four weeks', () => {
    const now = { partner: 'X', signed_step: 0, capacity_share: 0.1, lag_weeks: 10, ramp_weeks: 0 };
    expect(pactCapacityShare([now], 10, 1, 1)).toBe(0);
    expect(pactCapacityShare([now], 11, 1, 1)).toBeCloseTo(0.1, 12);
    const ramp = { partner: 'Y', signed_step: 2, capacity_share: 0.2, lag_weeks: 4, ramp_weeks: 20 };
    // step 3 of 4-week steps: now (12 - 10 = 2 weeks past its lag, whole) + ramp ((3 - 2) x 4 - 4 = 0: nothing yet)
    expect(pactCapacityShare([now, ramp], 3, 4, 1)).toBeCloseTo(0.1, 12);
    // step 5: ramp has 12 - 4 = 8 of its 20 weeks: 0.2 x 0.4 = 0.08
    expect(pactCapacityShare([now, ramp], 5, 4, 1)).toBeCloseTo(0.18, 12);
    // a lag multiplier of 1.5 makes the first lag 15 weeks
    expect(pactCapacityShare([now], 15, 1, 1.5)).toBe(0);
    expect(pactCapacityShare([now], 16, 1, 1.5)).toBeCloseTo(0.1, 12);
  });

  it('a shortage draws the inventory down; what it cannot cover lowers supply', () => {
    const curbed = { ...re, curb: 1, licence_delay_weeks: 0, inventory_weeks: 0.3 };
    // flow 0.94 x 1.25 x 0.05 + 0.06 = 0.11875; one week short 0.88125, the inventory covers 0.3 of it
    const week = rareEarthSupply(curbed, [], p, 1);
    expect(week.inventory_weeks).toBe(0);
    expect(week.supply_index).toBeCloseTo(0.11875 + 0.3, 12);
    expect(week.non_china_share).toBeCloseTo(0.06, 12);
    // four-week steps: 0.3 weeks of stock spread over 4 weeks of shortfall
    const month = rareEarthSupply(curbed, [], { ...p, weeks_per_step: 4 }, 1);
    expect(month.supply_index).toBeCloseTo(0.11875 + 0.3 / 4, 12);
    // an inventory larger than the shortfall keeps supply whole
    const stocked = rareEarthSupply({ ...curbed, inventory_weeks: 5 }, [], p, 1);
    expect(stocked.supply_index).toBeCloseTo(1, 12);
    expect(stocked.inventory_weeks).toBeCloseTo(5 - 0.88125, 12);
  });

  it('pact capacity counts in supply and in the non-China share', () => {
    const curbed = { ...re, curb: 1 };
    const pact = { partner: 'X', signed_step: 0, capacity_share: 0.2, lag_weeks: 0, ramp_weeks: 0 };
    const r = rareEarthSupply(curbed, [pact], p, 1);
    expect(r.non_china_share).toBeCloseTo(0.26, 12);
    expect(r.supply_index).toBeCloseTo(0.11875 + 0.2, 12);
  });
});

describe('soybeans', () => {
  const sp = { season_amplitude: 0, substitution_elasticity: 8, demand_mmt: 105, us_reference_mmt: 27, other_suppliers_mmt: 6, boycott_factor: 0.05 };
  const soy = { commitment_mmt: 0, compliance: 1, boycott: false, purchased_mmt: 0, flow_mmt: 0, tranche_mmt: 0, tranche_due_step: null, tranche_bought_mmt: 0 };

  it('private demand: 27 x (1.13/1.03)^-8 at 13% against 3%; a boycott keeps 5% of it', () => {
    expect(privateSoybeanDemandMmt(3, 3, false, sp)).toBe(27);
    expect(privateSoybeanDemandMmt(13, 3, false, sp)).toBeCloseTo(27 * Math.pow(1.13 / 1.03, -8), 12);
    expect(privateSoybeanDemandMmt(3, 3, true, sp)).toBeCloseTo(1.35, 12);
  });

  it('a commitment above what China can take from the US is capped at demand less other suppliers', () => {
    expect(soybeanSplit({ ...soy, commitment_mmt: 200 }, 27, sp)).toEqual({ us_mmt: 99, brazil_mmt: 0, other_mmt: 6 });
    // compliance scales the commitment: 40 x 0.5 = 20 < 27 of private demand
    expect(soybeanSplit({ ...soy, commitment_mmt: 40, compliance: 0.5 }, 27, sp).us_mmt).toBe(27);
    expect(soybeanSplit({ ...soy, commitment_mmt: 40, compliance: 0.9 }, 27, sp).us_mmt).toBeCloseTo(36, 12);
    // a boycott sets the commitment aside
    expect(soybeanSplit({ ...soy, commitment_mmt: 40, boycott: true }, 2, sp).us_mmt).toBe(2);
  });

  it('other suppliers never exceed demand', () => {
    expect(soybeanSplit(soy, 27, { ...sp, other_suppliers_mmt: 150 })).toEqual({ us_mmt: 0, brazil_mmt: 0, other_mmt: 105 });
  });
});
