// Trade in one direction (model/economics/trade.ts) beyond the CES core: port fees, export controls,
// skipped segments, the counterfactual tariff, the value-only sum, and the caches. Expected values
// are worked by hand or with the CES formula written out (helpers/ces.ts); a cached answer must
// equal the answer for the same inputs in a fresh layer array (which the caches cannot have seen).

import { describe, expect, it } from 'vitest';
import { directionFlows, FLOW_SUMS, flowInPlace, prices, settledPosition, type TradeParams, welfareOf } from '../src/model/economics/trade.js';
import type { TariffLayer, TradeSegment } from '../src/model/types.js';
import { armington } from './helpers/ces.js';
import { tradeParams, usLayer } from './helpers/trade.js';

const layer = (rate_pct: number, applies_to: TariffLayer['applies_to'] = 'partner', scope = ['all']): TariffLayer => usLayer(`l${rate_pct}${applies_to}`, rate_pct, applies_to, scope);

const base: TradeParams = tradeParams();
const goods: TradeSegment = { name: 'goods', share: 0.5, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 };
const chips: TradeSegment = { name: 'chips', share: 0.3, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 };
const beans: TradeSegment = { name: 'beans', share: 0.2, partner_share: 0.5, reference_tariff_pct: 0, reference_other_tariff_pct: 0 };
const SEGS = [goods, chips, beans];

/** Settled imports ($bn) and revenue etc. for these layers, segments, 2024 value and parameters. */
function settled(layers: TariffLayer[], segs: TradeSegment[], value: number, p: TradeParams) {
  return directionFlows(layers, segs, settledPosition(layers, segs, value, p), value, p).result;
}

describe('fees, controls and skipped segments (s = 1/2, sigma = 2, e = 1)', () => {
  it('no tariff, no fee: 2024 values', () => {
    expect(settled([], SEGS, 100, base).imports_bn).toBeCloseTo(100, 12);
  });

  it('a 10% port fee raises the buyers\' price to 1.1 but is not a tariff: no revenue', () => {
    const r = settled([], [goods], 100, { ...base, fee_pct: 10 });
    expect(r.imports_bn).toBeCloseTo(100 * 0.5 * armington(1.1, 1, 0.5, 2, 1), 12);
    expect(r.revenue_bn).toBe(0);
  });

  it('export controls keep a share of the controlled segment; a skipped segment counts nothing', () => {
    const controlled = settled([], SEGS, 100, { ...base, controlled_segment: 'chips', controlled_factor: 0.25 });
    expect(controlled.imports_bn).toBeCloseTo(50 + 30 * 0.25 + 20, 12);
    const skipped = settled([], SEGS, 100, { ...base, skip_segment: 'beans' });
    expect(skipped.imports_bn).toBeCloseTo(80, 12);
  });

  it('revenue counts the whole tariff; the excess duty only what is above the counterfactual', () => {
    const p = { ...base, counterfactual_tariff_pct: 10 };
    const r = settled([layer(25)], [goods], 100, p);
    const q = armington(1.25, 1, 0.5, 2, 1);
    expect(r.imports_bn).toBeCloseTo(50 * q, 12);
    expect(r.revenue_bn).toBeCloseTo(0.25 * 50 * q, 12);
    expect(r.excess_duty_bn).toBeCloseTo(0.15 * 50 * q, 12);
    expect(r.deadweight_loss_bn).toBeGreaterThan(0);
    // At or below the counterfactual: no excess duty, no deadweight loss.
    const at = settled([layer(10)], [goods], 100, p);
    expect(at.excess_duty_bn).toBe(0);
    expect(at.deadweight_loss_bn).toBe(0);
    expect(at.revenue_bn).toBeCloseTo(0.1 * at.imports_bn, 12);
  });

  it('with pass-through 1/2 exporters absorb half: the world price falls', () => {
    // buyers' price 1 + 0.5 x 0.25 = 1.125; world price 1.125 / 1.25 = 0.9
    const r = settled([layer(25)], [goods], 100, { ...base, pass_through: 0.5 });
    expect(r.imports_bn).toBeCloseTo(50 * armington(1.125, 1, 0.5, 2, 1) * 0.9, 12);
  });
});

describe('the value-only sum (US exports)', () => {
  it('gives the same imports, and NaN for the rest', () => {
    const layers = [layer(25)];
    const p = { ...base, counterfactual_tariff_pct: 5 };
    const pr = prices(layers, SEGS, 100, p);
    const pos = settledPosition(layers, SEGS, 100, p);
    const full = new Float64Array(FLOW_SUMS);
    const only = new Float64Array(FLOW_SUMS + 2);
    flowInPlace(pr, pos.log_qty.slice(), pos.log_price, p, full, 0);
    flowInPlace(pr, pos.log_qty.slice(), pos.log_price, p, only, 2, true);
    expect(only[2]).toBe(full[0]);
    expect([only[3], only[4], only[5]].every(Number.isNaN)).toBe(true);
    expect([only[0], only[1]]).toEqual([0, 0]); // nothing written before `at`
  });
});

describe('the caches answer as a fresh computation does', () => {
  // The same layers array with other parameters, other segments or another 2024 value must not be
  // served from the cache: compare with the same layers in a new array.
  const layers = [layer(30), layer(20, 'other_origins')];
  const fresh = () => [layer(30), layer(20, 'other_origins')];
  const variants: [string, TradeParams][] = [
    ['pass_through', { ...base, pass_through: 0.6 }],
    ['sigma', { ...base, sigma: 3 }],
    ['demand_elasticity', { ...base, demand_elasticity: 2 }],
    ['fee_pct', { ...base, fee_pct: 5 }],
    ['counterfactual_tariff_pct', { ...base, counterfactual_tariff_pct: 10 }],
    ['controlled_segment', { ...base, controlled_segment: 'chips', controlled_factor: 0.5 }],
    ['controlled_factor', { ...base, controlled_segment: 'goods', controlled_factor: 0.3 }],
    ['skip_segment', { ...base, skip_segment: 'beans' }],
  ];

  it.each(variants)('another %s', (_name, p) => {
    settled(layers, SEGS, 100, base); // cached under `layers` with the base parameters
    const cached = settled(layers, SEGS, 100, p);
    const again = settled(fresh(), SEGS, 100, p);
    expect(cached.imports_bn).toBeCloseTo(again.imports_bn, 12);
    expect(cached.revenue_bn).toBeCloseTo(again.revenue_bn, 12);
    expect(cached.deadweight_loss_bn).toBeCloseTo(again.deadweight_loss_bn, 12);
    expect(welfareOf(prices(layers, SEGS, 100, p)).basket_cost_rise_bn).toBeCloseTo(welfareOf(prices(fresh(), SEGS, 100, p)).basket_cost_rise_bn, 12);
  });

  it('another 2024 value, other segments, or other tariffs on other origins', () => {
    settled(layers, SEGS, 100, base);
    expect(settled(layers, SEGS, 200, base).imports_bn).toBeCloseTo(settled(fresh(), SEGS, 200, base).imports_bn, 12);
    expect(settled(layers, [goods], 100, base).imports_bn).toBeCloseTo(settled(fresh(), [goods], 100, base).imports_bn, 12);
    // Third countries' tariffs differ, the partner's are the same: their side is worked out again.
    const moreOnOthers = [layer(30), layer(40, 'other_origins')];
    expect(settled(moreOnOthers, SEGS, 100, base).imports_bn).toBeGreaterThan(settled(layers, SEGS, 100, base).imports_bn);
  });
});

describe('consumer prices: a segment whose partner share is 0 in the seeds', () => {
  it('stays finite, at the limit of the index rise as the share goes to 0', () => {
    // (V/s)((s p^(1-sigma) + 1 - s)^(1/(1-sigma)) - 1) -> V (1 - p^(1-sigma)) / (sigma - 1) as s -> 0:
    // V = 50, p = 1.5, sigma = 2: 50 x (1 - 1/1.5) = 16.667
    const none: TradeSegment = { ...goods, partner_share: 0 };
    const w = welfareOf(prices([layer(50)], [none], 100, base));
    expect(w.basket_cost_rise_bn).toBeCloseTo(50 / 3, 4);
  });
});

describe('short-run response from a price other than 2024', () => {
  it('moves by the short-run elasticity on the change of log price, then closes the gap to the long run', () => {
    // Settled at 10%, the tariff goes to 50%: ln q = ln q_LR(1.1) - 0.5 (ln 1.5 - ln 1.1), then a
    // share `adjustment` (here 0.25) of the gap to ln q_LR(1.5).
    const p = { ...base, adjustment: 0.25 };
    const pos = settledPosition([layer(10)], [goods], 100, p);
    const r = directionFlows([layer(50)], [goods], pos, 100, p).result;
    const lr0 = Math.log(armington(1.1, 1, 0.5, 2, 1));
    const lr1 = Math.log(armington(1.5, 1, 0.5, 2, 1));
    const shortRun = lr0 - 0.5 * (Math.log(1.5) - Math.log(1.1));
    expect(r.imports_bn).toBeCloseTo(50 * Math.exp(shortRun + 0.25 * (lr1 - shortRun)), 12);
  });

  it('a position is not changed by stepping from it', () => {
    const pos = settledPosition([layer(10)], [goods], 100, base);
    const before = [...pos.log_qty];
    directionFlows([layer(50)], [goods], pos, 100, base);
    expect(pos.log_qty).toEqual(before);
  });
});

describe('consumer prices leave out a skipped segment', () => {
  it('the basket of goods and chips alone', () => {
    const all = [layer(40)];
    const skipped = welfareOf(prices(all, SEGS, 100, { ...base, skip_segment: 'beans' })).basket_cost_rise_bn;
    const twoOnly = welfareOf(prices([layer(40)], [goods, chips], 100, base)).basket_cost_rise_bn;
    expect(skipped).toBeCloseTo(twoOnly, 12);
    expect(skipped).toBeGreaterThan(0);
  });
});

describe('parameters varied in turn, each answer worked with the CES formula (no cache can serve a stale one)', () => {
  // The partner at 30%, other origins at 20%: p = 1.3, o = 1.2 with complete pass-through.
  const mk = () => [layer(30), layer(20, 'other_origins')];
  // One segments array throughout, as in a run (the caches compare it by identity).
  const ONE = [goods];
  const imports = (p: TradeParams, value = 100, segs = ONE) => settled(mk(), segs, value, p).imports_bn;
  it('sigma, elasticity, pass-through, the 2024 value and the segments', () => {
    expect(imports(base)).toBeCloseTo(50 * armington(1.3, 1.2, 0.5, 2, 1), 12);
    expect(imports({ ...base, sigma: 3 })).toBeCloseTo(50 * armington(1.3, 1.2, 0.5, 3, 1), 12);
    expect(imports({ ...base, demand_elasticity: 2 })).toBeCloseTo(50 * armington(1.3, 1.2, 0.5, 2, 2), 12);
    // pass-through 1/2: p = 1.15, o = 1.1, world price 1.15 / 1.3
    expect(imports({ ...base, pass_through: 0.5 })).toBeCloseTo(50 * armington(1.15, 1.1, 0.5, 2, 1) * (1.15 / 1.3), 12);
    expect(imports(base, 200)).toBeCloseTo(100 * armington(1.3, 1.2, 0.5, 2, 1), 12);
    expect(imports(base, 100, [chips])).toBeCloseTo(30 * armington(1.3, 1.2, 0.5, 2, 1), 12);
    expect(imports(base)).toBeCloseTo(50 * armington(1.3, 1.2, 0.5, 2, 1), 12);
  });

  it('other origins at another tariff', () => {
    expect(settled([layer(30), layer(50, 'other_origins')], ONE, 100, base).imports_bn).toBeCloseTo(50 * armington(1.3, 1.5, 0.5, 2, 1), 12);
    expect(settled([layer(30), layer(20, 'other_origins')], ONE, 100, base).imports_bn).toBeCloseTo(50 * armington(1.3, 1.2, 0.5, 2, 1), 12);
  });
});
