// Trade's welfare measures at a counterfactual tariff other than 2024's (model/economics/trade.ts):
// the deadweight loss and the basket's cost rise, with export controls, incomplete pass-through and
// other-origin tariffs, and the caches asked for one parameter changed at a time. Every expected
// value is the CES formula (helpers/ces.ts) and the exact deadweight-loss area written out here
// (docs/calibration.md section 6), not the module's functions.

import { describe, expect, it } from 'vitest';
import { directionFlows, longRunDeadweightLossBn, prices, settledPosition, type TradeParams, welfareOf } from '../src/model/economics/trade.js';
import type { TariffLayer, TradeSegment } from '../src/model/types.js';
import { armington, buyersPrice } from './helpers/ces.js';
import { tradeParams, usLayer } from './helpers/trade.js';

const goods: TradeSegment = { name: 'goods', share: 0.5, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 };
const chips: TradeSegment = { name: 'chips', share: 0.5, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 };
const base = tradeParams();

/** The partner at `partner`%, other origins at `others`%, in a new array (no cache has seen it). */
const mk = (partner = 30, others = 20): TariffLayer[] => [usLayer('p', partner), usLayer('o', others, 'other_origins')];

const settled = (layers: TariffLayer[], segs: TradeSegment[], value: number, p: TradeParams) =>
  directionFlows(layers, segs, settledPosition(layers, segs, value, p), value, p).result;

/**
 * The buyers' surplus lost between P0 and P1 under the constant-elasticity demand through (P0, M0)
 * and (P1, M1), less the duty above the counterfactual on M1: with e = ln(M0/M1) / ln(P1/P0), the
 * area under the curve is (M0 P0 - M1 P1) / (e - 1). Prices in world-price units (1 + tariff).
 */
function dwl(m0: number, m1: number, p0: number, p1: number): number {
  const e = Math.log(m0 / m1) / Math.log(p1 / p0);
  return (m0 * p0 - m1 * p1) / (e - 1) - (p1 - p0) * m1;
}

describe('the deadweight loss against a counterfactual tariff of 10%', () => {
  // s = 1/2, sigma = 2, e = 1; the partner at 30% (P1 = 1.3), others at 20% (o = 1.2), P0 = 1.1.
  const p = { ...base, counterfactual_tariff_pct: 10 };

  it('complete pass-through, no controls', () => {
    const m1 = 50 * armington(1.3, 1.2, 0.5, 2, 1);
    const m0 = 50 * armington(1.1, 1.2, 0.5, 2, 1);
    const r = settled(mk(), [goods], 100, p);
    expect(r.imports_bn).toBeCloseTo(m1, 12);
    expect(r.deadweight_loss_bn).toBeCloseTo(dwl(m0, m1, 1.1, 1.3), 10);
    expect(r.deadweight_loss_bn).toBeGreaterThan(0);
    // The Harberger triangle 1/2 (t1 - t0)(M0 - M1) is close for a wedge this small.
    expect(r.deadweight_loss_bn / (0.5 * 0.2 * (m0 - m1))).toBeGreaterThan(0.9);
    expect(r.deadweight_loss_bn / (0.5 * 0.2 * (m0 - m1))).toBeLessThan(1.1);
  });

  it('export controls keep a quarter of the segment: both quantities scale, and so does the loss', () => {
    const q = { ...p, controlled_segment: 'goods', controlled_factor: 0.25 };
    const m1 = 0.25 * 50 * armington(1.3, 1.2, 0.5, 2, 1);
    const m0 = 0.25 * 50 * armington(1.1, 1.2, 0.5, 2, 1);
    const r = settled(mk(), [goods], 100, q);
    expect(r.imports_bn).toBeCloseTo(m1, 12);
    expect(r.deadweight_loss_bn).toBeCloseTo(dwl(m0, m1, 1.1, 1.3), 10);
  });

  it('pass-through 1/2: buyers pay half the wedge, and the counterfactual world price is 1.05 / 1.1', () => {
    const q = { ...p, pass_through: 0.5 };
    const pb1 = buyersPrice(30, 0, 0.5); // 1.15
    const pb0 = buyersPrice(10, 0, 0.5); // 1.05
    const o = buyersPrice(20, 0, 0.5); // 1.1
    const m1 = 50 * armington(pb1, o, 0.5, 2, 1) * (pb1 / 1.3);
    const m0 = 50 * armington(pb0, o, 0.5, 2, 1) * (pb0 / 1.1);
    const r = settled(mk(), [goods], 100, q);
    expect(r.imports_bn).toBeCloseTo(m1, 12);
    expect(r.deadweight_loss_bn).toBeCloseTo(dwl(m0, m1, 1.1, 1.3), 10);
  });

  it('a segment skipped here, or one at the counterfactual, adds no loss', () => {
    // Goods are half of the 2024 value in both: $50bn.
    const two = [goods, chips];
    const one = settled(mk(), [goods], 100, p).deadweight_loss_bn;
    expect(settled(mk(), two, 100, { ...p, skip_segment: 'chips' }).deadweight_loss_bn).toBeCloseTo(one, 10);
    expect(settled(mk(10), [goods], 100, p).deadweight_loss_bn).toBe(0);
  });
});

describe("the basket's cost rise against the counterfactual", () => {
  // The basket is the segment's 2024 imports from everyone, V / s = 50 / 0.5 = 100, and its price
  // index moves by ((s p^-1 + (1-s) o^-1) / (s p0^-1 + (1-s) o^-1))^(1/(1-2)) at sigma = 2.
  const ratio = (pp: number, p0: number, o: number) => (0.5 / p0 + 0.5 / o) / (0.5 / pp + 0.5 / o);

  it('from 2024 prices and from a 10% counterfactual', () => {
    expect(welfareOf(prices(mk(), [goods], 100, base)).basket_cost_rise_bn).toBeCloseTo(100 * (ratio(1.3, 1, 1.2) - 1), 12);
    expect(welfareOf(prices(mk(), [goods], 100, { ...base, counterfactual_tariff_pct: 10 })).basket_cost_rise_bn).toBeCloseTo(100 * (ratio(1.3, 1.1, 1.2) - 1), 12);
  });
});

describe('the caches, one parameter changed at a time on the same layers and segments', () => {
  it('export controls: another factor on the same segment', () => {
    // No tariffs: imports are the 2024 values times the controls' factor, 50 + 50 x f.
    const none: TariffLayer[] = [];
    const two = [goods, chips];
    const imports = (f: number) => settled(none, two, 100, { ...base, controlled_segment: 'chips', controlled_factor: f }).imports_bn;
    expect(imports(0.5)).toBeCloseTo(75, 12);
    expect(imports(0.2)).toBeCloseTo(60, 12);
    expect(imports(1)).toBeCloseTo(100, 12);
  });

  it('skipping another segment', () => {
    const none: TariffLayer[] = [];
    const two = [goods, { ...chips, share: 0.3 }];
    expect(settled(none, two, 100, { ...base, skip_segment: 'chips' }).imports_bn).toBeCloseTo(50, 12);
    expect(settled(none, two, 100, { ...base, skip_segment: 'goods' }).imports_bn).toBeCloseTo(30, 12);
  });

  it('the counterfactual alone, on new layer arrays (the other side is shared between them)', () => {
    const segs = [goods];
    const loss = (t0: number) => settled(mk(), segs, 100, { ...base, counterfactual_tariff_pct: t0 }).deadweight_loss_bn;
    const m1 = 50 * armington(1.3, 1.2, 0.5, 2, 1);
    expect(loss(10)).toBeCloseTo(dwl(50 * armington(1.1, 1.2, 0.5, 2, 1), m1, 1.1, 1.3), 10);
    expect(loss(20)).toBeCloseTo(dwl(50 * armington(1.2, 1.2, 0.5, 2, 1), m1, 1.2, 1.3), 10);
    expect(loss(10)).toBeCloseTo(dwl(50 * armington(1.1, 1.2, 0.5, 2, 1), m1, 1.1, 1.3), 10);
  });

  it('the fee alone on the same layers', () => {
    // A 10% fee on top of 30%: the buyers' price is 1.4, the world price 1.4 / 1.4 = 1.
    const layers = mk();
    const segs = [goods];
    expect(settled(layers, segs, 100, base).imports_bn).toBeCloseTo(50 * armington(1.3, 1.2, 0.5, 2, 1), 12);
    expect(settled(layers, segs, 100, { ...base, fee_pct: 10 }).imports_bn).toBeCloseTo(50 * armington(1.4, 1.2, 0.5, 2, 1), 12);
  });

  it('another segment list at the same 2024 value', () => {
    const none: TariffLayer[] = [];
    expect(settled(none, [goods, chips], 100, base).imports_bn).toBeCloseTo(100, 12);
    expect(settled(none, [goods], 100, base).imports_bn).toBeCloseTo(50, 12);
  });

  it('export controls moved to another segment at the same factor', () => {
    const none: TariffLayer[] = [];
    const two = [goods, { ...chips, share: 0.3 }];
    // 50 x 0.5 + 30 = 55, then 50 + 30 x 0.5 = 65
    expect(settled(none, two, 100, { ...base, controlled_segment: 'goods', controlled_factor: 0.5 }).imports_bn).toBeCloseTo(55, 12);
    expect(settled(none, two, 100, { ...base, controlled_segment: 'chips', controlled_factor: 0.5 }).imports_bn).toBeCloseTo(65, 12);
  });

  it('the demand elasticity or the 2024 value alone, on new layer arrays: the loss follows', () => {
    const segs = [goods];
    const p = { ...base, counterfactual_tariff_pct: 10 };
    const loss = (q: TradeParams, value = 100) => settled(mk(), segs, value, q).deadweight_loss_bn;
    const at = (e: number, v: number) => dwl(v * armington(1.1, 1.2, 0.5, 2, e), v * armington(1.3, 1.2, 0.5, 2, e), 1.1, 1.3);
    expect(loss(p)).toBeCloseTo(at(1, 50), 10);
    expect(loss({ ...p, demand_elasticity: 2 })).toBeCloseTo(at(2, 50), 10);
    expect(loss(p, 200)).toBeCloseTo(at(1, 100), 10);
  });
});

describe('the deadweight loss once trade has adjusted (China\'s side of the ledger)', () => {
  // At the long-run quantities of the prices: the same area as a settled position's.
  const p = { ...base, counterfactual_tariff_pct: 10 };
  it('one segment, two, a skipped one and one at the counterfactual', () => {
    const one = dwl(50 * armington(1.1, 1.2, 0.5, 2, 1), 50 * armington(1.3, 1.2, 0.5, 2, 1), 1.1, 1.3);
    expect(longRunDeadweightLossBn(prices(mk(), [goods], 100, p))).toBeCloseTo(one, 10);
    // Goods and chips alike, $50bn each: twice the loss.
    expect(longRunDeadweightLossBn(prices(mk(), [goods, chips], 100, p))).toBeCloseTo(2 * one, 10);
    expect(longRunDeadweightLossBn(prices(mk(), [goods, chips], 100, { ...p, skip_segment: 'chips' }))).toBeCloseTo(one, 10);
    // The partner's tariff at the counterfactual (10%) or below it: no loss.
    expect(longRunDeadweightLossBn(prices(mk(10), [goods], 100, p))).toBe(0);
    expect(longRunDeadweightLossBn(prices(mk(5), [goods], 100, p))).toBe(0);
    // At 60% on the partner: P1 = 1.6.
    const high = dwl(50 * armington(1.1, 1.2, 0.5, 2, 1), 50 * armington(1.6, 1.2, 0.5, 2, 1), 1.1, 1.6);
    expect(longRunDeadweightLossBn(prices(mk(60), [goods], 100, p))).toBeCloseTo(high, 10);
  });
});

describe('a step with buyers still above the counterfactual quantity', () => {
  it('no loss yet: buyers lose nothing while they still buy more than at the counterfactual price', () => {
    // Settled with no tariff (quantity 50 x armington(1, 1.2)), then 30% arrives with no short-run
    // response and no adjustment: they still buy that, more than M0 = 50 x armington(1.1, 1.2).
    const p = { ...base, counterfactual_tariff_pct: 10, short_run_elasticity: 0, adjustment: 0 };
    const pos = settledPosition(mk(0), [goods], 100, p);
    const r = directionFlows(mk(30), [goods], pos, 100, p).result;
    expect(r.imports_bn).toBeCloseTo(50 * armington(1, 1.2, 0.5, 2, 1), 12);
    expect(r.imports_bn).toBeGreaterThan(50 * armington(1.1, 1.2, 0.5, 2, 1));
    expect(r.deadweight_loss_bn).toBe(0);
    expect(r.excess_duty_bn).toBeCloseTo(0.2 * r.imports_bn, 12); // the duty above 10% is still collected
  });
});
