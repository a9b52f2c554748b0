import { describe, expect, it } from 'vitest';
import { pactCapacityShare, rareEarthSupply } from '../src/model/economics/rareEarths.js';
import { soybeanFlows } from '../src/model/economics/soybeans.js';
import { deadweightLoss, directionFlows, longRunQuantity, priceFactor, prices, settledPosition, type TradeParams, welfareOf } from '../src/model/economics/trade.js';
import type { RareEarthState, TariffLayer, TradeSegment } from '../src/model/types.js';
import { loadScenario } from '../src/scenario/load.js';
import { runScenario } from '../src/sim/run.js';
import { central } from './helpers/state.js';

const P = central();
const segment: TradeSegment = { name: 'goods', share: 1, partner_share: 0.3, reference_tariff_pct: 2.6, reference_other_tariff_pct: 2.6 };
const layer = (rate_pct: number): TariffLayer[] => [
  { id: 'l', imposer: 'us', label: 'l', scope: ['all'], applies_to: 'partner', rate_pct, suspended_pct: 0, threatened_pct: 0, expires_step: null, snapback_rate_pct: null },
];
const trade = (over: Partial<TradeParams> = {}): TradeParams => ({
  pass_through: 1,
  sigma: P.armington_sigma,
  demand_elasticity: P.import_demand_elasticity,
  short_run_elasticity: P.short_run_elasticity,
  adjustment: 1,
  fee_pct: 0,
  counterfactual_tariff_pct: 2.6,
  controlled_segment: null,
  controlled_factor: 1,
  skip_segment: null,
  ...over,
});

/** Long-run change in imports from the partner when its tariff goes from 2.6% to 16.6%. */
const decline2018 = (sigma: number, elasticity: number) =>
  1 - longRunQuantity(priceFactor(16.6, 2.6, 1), 1, segment.partner_share, sigma, elasticity);

describe('trade: exact constant-elasticity forms (CALIBRATION.md section 6)', () => {
  it('the 2018-19 tariffs (2.6% -> 16.6%) cut targeted imports by about what Fajgelbaum et al. report (~32%)', () => {
    const atCentral = decline2018(P.armington_sigma, P.import_demand_elasticity);
    expect(atCentral).toBeGreaterThan(0.2);
    expect(atCentral).toBeLessThan(0.4);
    // The reported decline lies inside what the parameter ranges allow.
    expect(decline2018(1.5, 0.5)).toBeLessThan(0.32);
    expect(decline2018(3.8, 4)).toBeGreaterThan(0.32);
  });

  it('with no other supplier the long run is the pure constant-elasticity form M1 = M0 ((1+t1)/(1+t0))^-e', () => {
    const q = longRunQuantity(priceFactor(145, 20, 1), 1, 1, 2.5, 2);
    expect(q).toBeCloseTo(Math.pow(2.45 / 1.2, -2), 12);
  });

  it('stays positive at 145% where the linear approximation would go below zero', () => {
    const e = 2.35;
    const linear = 1 - e * ((1.45 - 0.208) / 1.208);
    expect(linear).toBeLessThan(0);
    const exact = longRunQuantity(priceFactor(145, 20.8, 1), 1, 0.3, P.armington_sigma, P.import_demand_elasticity);
    expect(exact).toBeGreaterThan(0);
    expect(exact).toBeLessThan(0.2);
  });

  it('complete pass-through leaves the world price unchanged; incomplete lowers it', () => {
    const full = settledPosition(layer(16.6), [segment], 100, trade());
    const flows = directionFlows(layer(16.6), [segment], full, 100, trade()).result;
    const q = longRunQuantity(priceFactor(16.6, 2.6, 1), 1, 0.3, P.armington_sigma, P.import_demand_elasticity);
    expect(flows.imports_bn).toBeCloseTo(100 * q, 9);
    const partial = trade({ pass_through: 0.8 });
    const pos = settledPosition(layer(16.6), [segment], 100, partial);
    const p = priceFactor(16.6, 2.6, 0.8);
    const world = p / (1.166 / 1.026);
    const half = directionFlows(layer(16.6), [segment], pos, 100, partial).result;
    expect(world).toBeLessThan(1);
    expect(half.imports_bn).toBeCloseTo(100 * longRunQuantity(p, 1, 0.3, P.armington_sigma, P.import_demand_elasticity) * world, 9);
  });

  it('revenue is t x M; deadweight loss is the exact area under the demand curve through (P0, M0) and (P1, M1), less the duty', () => {
    const pos = settledPosition(layer(16.6), [segment], 300, trade());
    const r = directionFlows(layer(16.6), [segment], pos, 300, trade()).result;
    expect(r.revenue_bn).toBeCloseTo(0.166 * r.imports_bn, 9);
    expect(r.excess_duty_bn).toBeCloseTo(0.14 * r.imports_bn, 9);
    const [m0, m1, p0, p1] = [300, r.imports_bn, 1.026, 1.166]; // at the counterfactual (2.6%) the 2024 value itself
    const e = Math.log(m0 / m1) / Math.log(p1 / p0);
    // the integral of M1 (P / P1)^-e from P0 to P1
    const area = (m1 * Math.pow(p1, e) * (Math.pow(p1, 1 - e) - Math.pow(p0, 1 - e))) / (1 - e);
    expect(r.deadweight_loss_bn).toBeCloseTo(area - 0.14 * m1, 9);
    // For a wedge this size it is close to the Harberger triangle 1/2 (t1 - t0)(M0 - M1)...
    const triangle = 0.5 * 0.14 * (m0 - m1);
    expect(r.deadweight_loss_bn / triangle).toBeGreaterThan(0.9);
    expect(r.deadweight_loss_bn / triangle).toBeLessThan(1);
    // ...and of the size Amiti et al. and Fajgelbaum et al. report for 2018: a few $bn a year.
    expect(r.deadweight_loss_bn).toBeGreaterThan(3);
    expect(r.deadweight_loss_bn).toBeLessThan(15);
  });

  it('deadweight loss stays between 0 and the rectangle (t1 - t0)(M0 - M1), well below the triangle at prohibitive tariffs', () => {
    for (const t of [5, 16.6, 50, 100, 145, 300, 1000]) {
      const pos = settledPosition(layer(t), [segment], 300, trade());
      const r = directionFlows(layer(t), [segment], pos, 300, trade()).result;
      const wedge = (t - 2.6) / 100;
      expect(r.deadweight_loss_bn).toBeGreaterThan(0);
      expect(r.deadweight_loss_bn).toBeLessThan(wedge * (300 - r.imports_bn));
      if (t >= 145) expect(r.deadweight_loss_bn).toBeLessThan(0.75 * 0.5 * wedge * (300 - r.imports_bn));
    }
  });

  it('deadweight loss is continuous where the implied elasticity passes 1', () => {
    // e = 1 exactly: M1 = M0 P0 / P1, where the area is M1 P1 ln(P1/P0).
    const [m0, p0, p1] = [100, 1.03, 1.5];
    const at = (m1: number) => deadweightLoss(m0, m1, p1, p1 - p0, Math.log(p1 / p0), Math.log((m0 * p0) / (m1 * p1)));
    const unit = (m0 * p0) / p1;
    expect(at(unit)).toBeCloseTo(unit * p1 * Math.log(p1 / p0) - (p1 - p0) * unit, 12);
    expect(at(unit * (1 + 1e-8))).toBeCloseTo(at(unit), 6);
    expect(at(unit * (1 - 1e-8))).toBeCloseTo(at(unit), 6);
  });

  it('responds at the short-run elasticity first, then converges to the long run', () => {
    const p = trade({ adjustment: 0.1 });
    let pos = settledPosition(layer(2.6), [segment], 100, p);
    const first = directionFlows(layer(52.6), [segment], pos, 100, p);
    const shortRun = Math.exp(-P.short_run_elasticity * Math.log(1.526 / 1.026));
    const longRun = longRunQuantity(priceFactor(52.6, 2.6, 1), 1, 0.3, P.armington_sigma, P.import_demand_elasticity);
    // one step: the short-run response and a tenth of the way on to the long run
    expect(first.result.imports_bn).toBeCloseTo(100 * Math.exp(Math.log(shortRun) + 0.1 * (Math.log(longRun) - Math.log(shortRun))), 9);
    pos = first.position;
    for (let i = 0; i < 300; i++) pos = directionFlows(layer(52.6), [segment], pos, 100, p).position;
    expect(Math.exp(pos.log_qty[0])).toBeCloseTo(longRun, 9);
  });
});

describe('consumer prices: the CES price index of the basket', () => {
  // One segment, the other suppliers at their 2024 price: their part of the index is (1 - s).
  const s = segment.partner_share;
  const sigma = P.armington_sigma;
  const rise = (tariffPct: number, over: Partial<TradeParams> = {}) => welfareOf(prices(layer(tariffPct), [segment], 300, trade(over))).basket_cost_rise_bn;

  it('is the 2024 basket from every supplier times the rise of its exact index', () => {
    const p = priceFactor(100, 2.6, 1);
    const ratio = Math.pow(s * Math.pow(p, 1 - sigma) + (1 - s), 1 / (1 - sigma));
    expect(rise(100)).toBeCloseTo((300 / s) * (ratio - 1), 9);
    // with partial pass-through the index moves less: the price buyers face moves less
    const half = priceFactor(100, 2.6, 0.5);
    expect(rise(100, { pass_through: 0.5 })).toBeCloseTo((300 / s) * (Math.pow(s * Math.pow(half, 1 - sigma) + (1 - s), 1 / (1 - sigma)) - 1), 9);
    expect(rise(2.6)).toBe(0);
  });

  it('keeps rising as a tariff becomes prohibitive, up to the cost of doing without the partner', () => {
    const rates = [2.6, 10, 25, 50, 100, 145, 300, 1000, 10000];
    const rises = rates.map((t) => rise(t));
    for (let i = 1; i < rises.length; i++) expect(rises[i]).toBeGreaterThan(rises[i - 1]);
    // A prohibitive tariff leaves buyers the other suppliers' goods alone: index (1 - s)^(1/(1 - sigma)).
    const limit = (300 / s) * (Math.pow(1 - s, 1 / (1 - sigma)) - 1);
    expect(rises.at(-1)).toBeLessThan(limit);
    expect(rises.at(-1)).toBeGreaterThan(0.99 * limit);
    // The duty collected, by contrast, falls once imports collapse: the measure this one replaced.
    const duty = (t: number) => directionFlows(layer(t), [segment], settledPosition(layer(t), [segment], 300, trade()), 300, trade()).result.excess_duty_bn;
    expect(duty(1000)).toBeLessThan(duty(145));
  });

  it('puts the 2018-19 tariffs near the buyers\' loss Fajgelbaum et al. report ($51bn a year)', () => {
    // $303bn of targeted imports, 2.6% -> 16.6%, complete pass-through.
    const loss = welfareOf(prices(layer(16.6), [{ ...segment, share: 1 }], 303, trade())).basket_cost_rise_bn;
    expect(loss).toBeGreaterThan(25);
    expect(loss).toBeLessThan(75);
  });

  it('in a run, rises with the US tariff and holds while buyers switch suppliers', () => {
    const rows = runScenario(loadScenario('rare-earth-squeeze'), { steps: 78 }).rows;
    const byTariff = new Map<number, Set<number>>();
    for (const m of rows) {
      const seen = byTariff.get(m.us_tariff_on_cn_pct) ?? new Set<number>();
      byTariff.set(m.us_tariff_on_cn_pct, seen.add(m.us_consumer_price_pct));
    }
    // rare-earth-squeeze goes to 145% and beyond: imports fall by more than half while it lasts
    const tariffs = [...byTariff.keys()].sort((a, b) => a - b);
    expect(tariffs.at(-1)).toBeGreaterThan(145);
    const atTariff = tariffs.map((t) => [...(byTariff.get(t) as Set<number>)]);
    for (const values of atTariff) expect(values).toHaveLength(1);
    for (let i = 1; i < atTariff.length; i++) expect(atTariff[i][0]).toBeGreaterThan(atTariff[i - 1][0]);
  });
});

describe('rare earths as a quantity constraint', () => {
  const re: RareEarthState = { curb: 0, licence_delay_weeks: 0, inventory_weeks: 4, inventory_target_weeks: 4, china_supply_share: 0.94, base_non_china_share: 0.06 };
  const p = { curb_flow_loss: 0.95, licence_delay_scale_weeks: 8, pact_lag_multiplier: 1, weeks_per_step: 1 };

  it('is fully supplied without curbs, and an inventory covers a shortfall until it runs out', () => {
    expect(rareEarthSupply(re, [], p, 0)).toEqual({ supply_index: 1, inventory_weeks: 4, non_china_share: 0.06 });
    let state = { ...re, curb: 0.6, licence_delay_weeks: 8 };
    const available = 0.94 * 1.25 * (1 - 0.6 * 0.95) / (1 + (0.6 * 8) / 8) + 0.06;
    const first = rareEarthSupply(state, [], p, 1);
    expect(first.supply_index).toBe(1);
    expect(first.inventory_weeks).toBeCloseTo(4 - (1 - available), 12);
    let out = first;
    for (let i = 0; i < 20; i++) {
      out = rareEarthSupply(state, [], p, 2 + i);
      state = { ...state, inventory_weeks: out.inventory_weeks };
    }
    expect(out.inventory_weeks).toBe(0);
    expect(out.supply_index).toBeCloseTo(available, 12);
  });

  it('pact capacity arrives after its lag and ramps linearly', () => {
    const pacts = [{ partner: 'Japan', signed_step: 0, capacity_share: 0.1, lag_weeks: 10, ramp_weeks: 20 }];
    expect(pactCapacityShare(pacts, 10, 1, 1)).toBe(0);
    expect(pactCapacityShare(pacts, 20, 1, 1)).toBeCloseTo(0.05, 12);
    expect(pactCapacityShare(pacts, 40, 1, 1)).toBeCloseTo(0.1, 12);
    expect(pactCapacityShare(pacts, 20, 1, 2)).toBe(0);
  });
});

describe('soybeans', () => {
  const p = { season_amplitude: 0.9, substitution_elasticity: 8, demand_mmt: 105, us_reference_mmt: 27, other_suppliers_mmt: 6, boycott_factor: 0.05 };
  const soy = { commitment_mmt: 0, compliance: 0.8, boycott: false, purchased_mmt: 0, flow_mmt: 0, tranche_mmt: 0, tranche_due_step: null, tranche_bought_mmt: 0 };

  it('private buyers follow the tariff gap with Brazil; demand is met by the US, Brazil and others', () => {
    const at3 = soybeanFlows(soy, 3, 3, p);
    expect(at3).toEqual({ us_mmt: 27, brazil_mmt: 72, other_mmt: 6 });
    const at13 = soybeanFlows(soy, 13, 3, p);
    expect(at13.us_mmt).toBeCloseTo(27 * Math.pow(1.13 / 1.03, -8), 12);
    expect(at13.us_mmt + at13.brazil_mmt + at13.other_mmt).toBeCloseTo(105, 12);
  });

  it('a commitment sets a floor at commitment x compliance; a boycott stops state buyers', () => {
    expect(soybeanFlows({ ...soy, commitment_mmt: 25 }, 13, 3, p).us_mmt).toBeCloseTo(20, 12);
    expect(soybeanFlows({ ...soy, commitment_mmt: 25, boycott: true }, 13, 3, p).us_mmt).toBeCloseTo(0.05 * 27 * Math.pow(1.13 / 1.03, -8), 12);
  });
});
