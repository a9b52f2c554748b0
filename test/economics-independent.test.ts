// Worked answers for the economics, each computed by hand (the arithmetic is in the comments) or
// from the published formula written out here, never with the module's own functions. Each test
// names the quantity it pins, so that a one-line change to it fails with that name.

import { describe, expect, it } from 'vitest';
import { rareEarthSupply } from '../src/model/economics/rareEarths.js';
import { complianceTarget } from '../src/model/economics/soybeans.js';
import { directionFlows, longRunQuantity, settledPosition, type TradeParams } from '../src/model/economics/trade.js';
import type { RareEarthState, TariffLayer, TradeSegment } from '../src/model/types.js';
import { armington } from './helpers/ces.js';
import { tradeParams, usLayer } from './helpers/trade.js';

const layer = (id: string, rate_pct: number, applies_to: TariffLayer['applies_to']): TariffLayer => usLayer(id, rate_pct, applies_to);

const trade = (sigma: number, elasticity: number): TradeParams => tradeParams({ sigma, demand_elasticity: elasticity });

describe("CES demand when the other suppliers' prices change (trade.ts otherTerm)", () => {
  it('s = 1/2, sigma = 2, e = 1: doubling the other suppliers\' price raises partner demand by a third', () => {
    // P^-1 = 0.5/1 + 0.5/2 = 0.75, so P = 4/3; q = P^-1 (1/P)^-2 = 0.75 x 16/9 = 4/3.
    expect(longRunQuantity(1, 2, 0.5, 2, 1)).toBeCloseTo(4 / 3, 12);
    // and halving it cuts demand: P^-1 = 0.5 + 1 = 1.5, P = 2/3; q = 1.5 x (3/2)^-2 = 1.5 x 4/9 = 2/3.
    expect(longRunQuantity(1, 0.5, 0.5, 2, 1)).toBeCloseTo(2 / 3, 12);
  });

  it('s = 1/4, sigma = 3, e = 2, both prices moving: the published nested-CES form', () => {
    for (const [p, o] of [
      [1.5, 1.2],
      [1.2, 1.5],
      [2.45, 1.1],
      [1, 1.25],
    ]) {
      expect(longRunQuantity(p, o, 0.25, 3, 2), `p=${p}, o=${o}`).toBeCloseTo(armington(p, o, 0.25, 3, 2), 12);
    }
    // Hand check of one: p = 1, o = 1.25: P^-2 = 0.25 + 0.75/1.5625 = 0.73, q = P^-2 (1/P)^-3 = P = 0.73^-0.5.
    expect(longRunQuantity(1, 1.25, 0.25, 3, 2)).toBeCloseTo(1 / Math.sqrt(0.73), 12);
  });

  it('a tariff on other origins alone raises imports from the partner (prices(): 2024 value x q x world price)', () => {
    // One segment, the partner half the market, 2024 tariffs 0: a 100% layer on other origins makes o = 2.
    const seg: TradeSegment = { name: 'goods', share: 1, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 };
    const layers = [layer('others', 100, 'other_origins')];
    const p = trade(2, 1);
    const pos = settledPosition(layers, [seg], 120, p);
    const r = directionFlows(layers, [seg], pos, 120, p).result;
    // The partner's price is unchanged (world price 1), its quantity 4/3 as above: 120 x 4/3 = 160.
    expect(r.imports_bn).toBeCloseTo(160, 9);
    expect(r.revenue_bn).toBe(0);
    // The same layer on all origins moves both prices to 2: P = 2, q = P^-e = 1/2, and the world price stays 1.
    const all = [layer('all', 100, 'all_origins')];
    const both = directionFlows(all, [seg], settledPosition(all, [seg], 120, p), 120, p).result;
    expect(both.imports_bn).toBeCloseTo(60, 9);
    expect(both.revenue_bn).toBeCloseTo(60, 9); // 100% of 60
  });
});

describe('restocking toward the inventory target (rareEarths.ts RESTOCK_WEEKS = 8)', () => {
  // No curb: China can ship 0.94 x 1.25 = 1.175 of demand, plus 0.06 from elsewhere = 1.235.
  const re: RareEarthState = { curb: 0, licence_delay_weeks: 0, inventory_weeks: 3, inventory_target_weeks: 4, china_supply_share: 0.94, base_non_china_share: 0.06 };
  const weekly = { curb_flow_loss: 0.95, licence_delay_scale_weeks: 8, pact_lag_multiplier: 1, weeks_per_step: 1 };

  it('buyers close an eighth of the gap to the target each week when supply allows', () => {
    // desired flow = 1 + (4 - 3) / 8 = 1.125 < 1.235 available: the inventory gains 0.125 weeks.
    const one = rareEarthSupply(re, [], weekly, 1);
    expect(one.inventory_weeks).toBeCloseTo(3.125, 12);
    expect(one.supply_index).toBe(1);
    // Week after week the gap shrinks by 7/8: after k weeks it is (7/8)^k; after 8 weeks 0.34361...
    let state = re;
    for (let k = 0; k < 8; k++) state = { ...state, inventory_weeks: rareEarthSupply(state, [], weekly, k + 1).inventory_weeks };
    expect(4 - state.inventory_weeks).toBeCloseTo(Math.pow(7 / 8, 8), 12);
    expect(4 - state.inventory_weeks).toBeCloseTo(0.343609, 6);
  });

  it('a four-week step restocks half the gap (4/8 of it); a large gap is capped by what can be shipped', () => {
    // desired flow = 1 + 1/8 per week for 4 weeks: +0.5 weeks.
    expect(rareEarthSupply(re, [], { ...weekly, weeks_per_step: 4 }, 1).inventory_weeks).toBeCloseTo(3.5, 12);
    // Empty, target 4: desired 1 + 4/8 = 1.5 > 1.235 available; the inventory gains 0.235.
    expect(rareEarthSupply({ ...re, inventory_weeks: 0 }, [], weekly, 1).inventory_weeks).toBeCloseTo(0.235, 12);
    // At the target nothing is added (desired flow 1).
    expect(rareEarthSupply({ ...re, inventory_weeks: 4 }, [], weekly, 1).inventory_weeks).toBe(4);
  });
});

describe('compliance erosion with tension (soybeans.ts complianceTarget: erodes from 40 to nothing at 100)', () => {
  it('is the base level up to tension 40, falls linearly over the next 60 points, and is 0 from 100', () => {
    expect(complianceTarget(0.9, 0)).toBeCloseTo(0.9, 12);
    expect(complianceTarget(0.9, 40)).toBeCloseTo(0.9, 12);
    // 55: a quarter of the way (15/60) -> 0.9 x 0.75
    expect(complianceTarget(0.9, 55)).toBeCloseTo(0.675, 12);
    // 70: half way (30/60) -> 0.45
    expect(complianceTarget(0.9, 70)).toBeCloseTo(0.45, 12);
    // 85: 45/60 = 0.75 of it gone -> 0.225
    expect(complianceTarget(0.9, 85)).toBeCloseTo(0.225, 12);
    expect(complianceTarget(0.9, 100)).toBe(0);
    expect(complianceTarget(0.9, 100 + 1e-9)).toBe(0);
  });
});
