// Trade that sees an increase coming (model/economics/anticipation.ts), function by function and by
// hand: which dated increase comes first and how large it is (pp of the 2024 basket, as a log price
// rise), what a threat not in force weighs, and how buying ahead builds up to the date.
// anticipation.test.ts checks the same through runs of a scenario.

import { describe, expect, it } from 'vitest';
import { frontLoadingFactor, scheduledIncrease, threatLogRise } from '../src/model/economics/anticipation.js';
import type { Move } from '../src/model/moves.js';
import type { Agreement, TariffLayer, TradeSegment } from '../src/model/types.js';
import { usLayer } from './helpers/trade.js';

// Goods are 60% of the 2024 basket, chips 40%.
const segments: TradeSegment[] = [
  { name: 'goods', share: 0.6, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 },
  { name: 'chips', share: 0.4, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 },
];

const layer = (id: string, rate_pct: number, scope: string[], over: Partial<TariffLayer> = {}): TariffLayer => ({ ...usLayer(id, rate_pct, 'partner', scope), ...over });
const expiring = (id: string, rate_pct: number, scope: string[], at: number, to: number, over: Partial<TariffLayer> = {}) =>
  layer(id, rate_pct, scope, { expires_step: at, snapback_rate_pct: to, ...over });
const agreement = (expires_step: number | null, on_lapse: Move[], active = true): Agreement => ({
  id: 'truce',
  label: 'truce',
  is_truce: true,
  active,
  expires_step,
  on_lapse,
  terms: [],
  breached_by: null,
});

describe('the first scheduled increase', () => {
  it('none: no step, no rise', () => {
    expect(scheduledIncrease([layer('a', 10, ['all'])], [], segments, 10)).toEqual({ step: Infinity, log_price_rise: 0 });
  });

  it("a layer's snapback, weighted by the share of the basket it covers", () => {
    // 10% -> 25% on everything at step 5: +15 pp x 1.0; the average tariff is 15%, so the buyers'
    // price rises by 15 / 115 of itself.
    const r = scheduledIncrease([expiring('a', 10, ['all'], 5, 25)], [], segments, 15);
    expect(r.step).toBe(5);
    expect(r.log_price_rise).toBeCloseTo(Math.log(1 + 15 / 115), 12);
    // The same on chips alone: +15 pp x 0.4 = 6 pp.
    expect(scheduledIncrease([expiring('a', 10, ['chips'], 5, 25)], [], segments, 15).log_price_rise).toBeCloseTo(Math.log(1 + 6 / 115), 12);
  });

  it('increases due at the same step add up; an earlier one wins; cuts and third-country layers do not count', () => {
    const a = expiring('a', 10, ['all'], 5, 25); // +15 pp at step 5
    const b = expiring('b', 0, ['chips'], 5, 20); // +20 x 0.4 = +8 pp at step 5
    const cut = expiring('c', 10, ['goods'], 3, 5); // -5 x 0.6 = -3 pp at step 3: not an increase
    const others = expiring('d', 0, ['all'], 2, 50, { applies_to: 'other_origins' }); // reaches no Chinese goods: 0 pp
    const undated = layer('u', 0, ['all'], { snapback_rate_pct: 50 }); // a snapback without a date: nothing scheduled
    const same = scheduledIncrease([undated, a, b, cut, others], [], segments, 15);
    expect(same.step).toBe(5);
    expect(same.log_price_rise).toBeCloseTo(Math.log(1 + 23 / 115), 12); // 15 + 8 = 23 pp
    // A later one after the first does not reset or add to it, in either order.
    const late = expiring('e', 0, ['all'], 9, 40);
    expect(scheduledIncrease([late, a], [], segments, 15).log_price_rise).toBeCloseTo(Math.log(1 + 15 / 115), 12);
    expect(scheduledIncrease([a, late], [], segments, 15).log_price_rise).toBeCloseTo(Math.log(1 + 15 / 115), 12);
    // An earlier increase replaces the later one: +10 x 0.6 = 6 pp at step 3.
    const early = scheduledIncrease([a, b, expiring('f', 0, ['goods'], 3, 10)], [], segments, 15);
    expect(early.step).toBe(3);
    expect(early.log_price_rise).toBeCloseTo(Math.log(1 + 6 / 115), 12);
  });

  it("a truce's lapse: the US moves that raise US layers, each by what it would add", () => {
    const layers = [
      layer('reciprocal', 10, ['all'], { suspended_pct: 24 }), // restore: +24 pp x 1.0 = 24
      layer('chips301', 0, ['chips']), // set to 50: +50 x 0.4 = 20
      layer('goods301', 10, ['goods']), // raise by 5: +5 x 0.6 = 3
      layer('threat', 0, ['chips'], { threatened_pct: 100 }), // impose the threat: +100 x 0.4 = 40
    ];
    const moves: Move[] = [
      { actor: 'us', type: 'restore_tariff', layer: 'reciprocal' },
      { actor: 'us', type: 'set_tariff', layer: 'chips301', rate_pct: 50 },
      { actor: 'us', type: 'raise_tariff', layer: 'goods301', by_pp: 5 },
      { actor: 'us', type: 'impose_threatened_tariff', layer: 'threat' },
      // None of these raises a US tariff on China:
      { actor: 'us', type: 'lower_tariff', layer: 'goods301', by_pp: 5 },
      { actor: 'us', type: 'lower_tariff', layer: 'threat', by_pp: 5 },
      { actor: 'us', type: 'drop_tariff_threat', layer: 'threat' },
      { actor: 'us', type: 'set_tariff', layer: 'goods301', rate_pct: 0 }, // a cut: -10 pp
      { actor: 'us', type: 'raise_tariff', layer: 'no-such-layer', by_pp: 50 },
      { actor: 'cn', type: 'raise_tariff', layer: 'goods301', by_pp: 50 },
    ];
    // 24 + 20 + 3 + 40 = 87 pp over an average of 13%: a price rise of 87 / 113.
    const r = scheduledIncrease(layers, [agreement(4, moves)], segments, 13);
    expect(r.step).toBe(4);
    expect(r.log_price_rise).toBeCloseTo(Math.log(1 + 87 / 113), 12);
  });

  it('an agreement that has ended, or has no deadline, schedules nothing', () => {
    const layers = [layer('reciprocal', 10, ['all'], { suspended_pct: 24 })];
    const moves: Move[] = [{ actor: 'us', type: 'restore_tariff', layer: 'reciprocal' }];
    expect(scheduledIncrease(layers, [agreement(4, moves, false)], segments, 13).step).toBe(Infinity);
    expect(scheduledIncrease(layers, [agreement(null, moves)], segments, 13).step).toBe(Infinity);
  });

  it('asked again with other layers or segments for the same agreements, it answers for those', () => {
    const agreements: Agreement[] = [];
    expect(scheduledIncrease([expiring('a', 10, ['all'], 5, 25)], agreements, segments, 15).step).toBe(5);
    expect(scheduledIncrease([expiring('a', 10, ['all'], 7, 25)], agreements, segments, 15).step).toBe(7);
    const layers = [expiring('a', 10, ['chips'], 5, 25)];
    expect(scheduledIncrease(layers, agreements, segments, 15).log_price_rise).toBeCloseTo(Math.log(1 + 6 / 115), 12);
    // Chips 100% of another basket: +15 pp.
    const chipsOnly = [{ ...segments[1], share: 1 }];
    expect(scheduledIncrease(layers, agreements, chipsOnly, 15).log_price_rise).toBeCloseTo(Math.log(1 + 15 / 115), 12);
  });
});

describe('a threat not in force', () => {
  it('weighs its rate by the share of the basket it covers', () => {
    // +100 pp threatened on chips (40%) and +50 on everything: 40 + 50 = 90 pp over an average of 10%.
    const layers = [layer('t1', 0, ['chips'], { threatened_pct: 100 }), layer('t2', 0, ['all'], { threatened_pct: 50 }), layer('none', 20, ['all'])];
    expect(threatLogRise(layers, segments, 10)).toBeCloseTo(Math.log(1 + 90 / 110), 12);
    expect(threatLogRise([layer('none', 20, ['all'])], segments, 10)).toBe(0);
  });

  it('a threat on a layer already in force weighs what imposing it adds, on top of the rate', () => {
    // impose_threatened_tariff takes a layer at 20% with +100 pp threatened to 120%: +100 pp on
    // chips (40%) = 40 pp, not (100 - 20) x 0.4.
    expect(threatLogRise([layer('t', 20, ['chips'], { threatened_pct: 100 })], segments, 10)).toBeCloseTo(Math.log(1 + 40 / 110), 12);
    // A threat smaller than the rate still adds: +10 pp on a 25% layer over everything.
    expect(threatLogRise([layer('t', 25, ['all'], { threatened_pct: 10 })], segments, 10)).toBeCloseTo(Math.log(1 + 10 / 110), 12);
  });

  it('a threat on third countries only moves nothing here', () => {
    expect(threatLogRise([layer('t', 0, ['all'], { threatened_pct: 100, applies_to: 'other_origins' })], segments, 10)).toBe(0);
  });
});

describe('buying ahead', () => {
  it('1 outside the window; inside it exp(elasticity x log rise x how far into the window)', () => {
    const rise = Math.log(1.2);
    expect(frontLoadingFactor(10, 8, rise, 2)).toBe(1); // before the window opens
    expect(frontLoadingFactor(8, 8, rise, 2)).toBe(1); // at its opening: 1 - 8/8 = 0, exp(0)
    expect(frontLoadingFactor(4, 8, rise, 2)).toBeCloseTo(Math.exp(2 * rise * 0.5), 12); // halfway: 1.2^1 = 1.2
    expect(frontLoadingFactor(4, 8, rise, 2)).toBeCloseTo(1.2, 12);
    expect(frontLoadingFactor(1, 8, rise, 2)).toBeCloseTo(1.2 ** (2 * 7 / 8), 12);
    expect(frontLoadingFactor(0, 8, rise, 2)).toBe(1); // the date itself: the increase is in force
    expect(frontLoadingFactor(-3, 8, rise, 2)).toBe(1); // after it
    expect(frontLoadingFactor(4, 8, 0, 2)).toBe(1); // nothing rises
    expect(frontLoadingFactor(4, 8, -rise, 2)).toBe(1); // a cut is not bought ahead of
    expect(frontLoadingFactor(NaN, 8, rise, 2)).toBe(1); // no increase scheduled (Infinity - step)
    expect(frontLoadingFactor(Infinity, 8, rise, 2)).toBe(1);
  });
});
