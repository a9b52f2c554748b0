// us_tariff_on_cn_import_weighted_pct on a hand-made state: three segments whose import values are
// worked out by hand, against the fixed-2024-weight average (us_tariff_on_cn_pct) beside it.
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, readMetrics } from '../src/model/metrics.js';
import { quietSteps, step } from '../src/model/step.js';
import { rngFromState } from '../src/model/rng.js';
import type { State } from '../src/model/types.js';
import { central, eveState } from './helpers/state.js';
import { usLayer } from './helpers/trade.js';

// Complete pass-through, and import demand as elastic as substitution between suppliers
// (sigma = e = 2): the CES index drops out of the long-run quantity, q = p^(-2), with p the buyers'
// price over 2024's, (1 + t) / (1 + t_2024). 2024 imports $100bn. Customs prices stay at 1.
const P = central({ import_price_pass_through: 1, armington_sigma: 2, import_demand_elasticity: 2, us_imports_from_cn_2024_bn: 100 });

// a: 20% of 2024 imports, observed at 0%, now 100%: p = 2, q = 1/4, value 100 x 0.2 / 4 = 5.
// b: 30%, observed at 0%, still 0%: p = 1, value 30.
// c: 50%, observed at 25%, still 25%: p = 1, value 50.
// Fixed 2024 weights: 0.2 x 100 + 0.5 x 25 = 32.5.
// Weighted by the current import values: (5 x 100 + 30 x 0 + 50 x 25) / (5 + 30 + 50) = 1750 / 85 = 20.588...
const FIXED = 32.5;
const WEIGHTED = 1750 / 85;

function handMade(): State {
  const s = eveState(P);
  const seg = (name: string, share: number, reference_tariff_pct: number) => ({ name, share, partner_share: 0.3, reference_tariff_pct, reference_other_tariff_pct: 0 });
  return {
    ...s,
    us_import_segments: [seg('a', 0.2, 0), seg('b', 0.3, 0), seg('c', 0.5, 25)],
    us_layers: [usLayer('a100', 100, 'partner', ['a']), usLayer('c25', 25, 'partner', ['c'])],
    // Settled at those prices (log q = -2 ln 2 in a), so that quantities stay where they are.
    us_import_position: { log_qty: [-2 * Math.log(2), 0, 0], log_price: [Math.log(2), 0, 0] },
    us_import_stock_bn: 0,
    us_port_fees: false,
    agreements: [],
  };
}

describe('us_tariff_on_cn_import_weighted_pct', () => {
  it('weights each segment tariff by its current import value, beside the fixed 2024 weights', () => {
    const r = step(handMade(), [], P);
    expect(r.metrics.us_tariff_on_cn_pct).toBeCloseTo(FIXED, 9);
    expect(r.metrics.us_imports_from_cn_bn).toBeCloseTo(85, 9);
    expect(r.metrics.us_tariff_on_cn_import_weighted_pct).toBeCloseTo(WEIGHTED, 9);
  });

  it('gives the same in a quiet stretch of several steps', () => {
    const s = handMade();
    const count = 3;
    const out = new Float64Array(count * METRIC_NAMES.length);
    quietSteps(s, P, rngFromState(s.rng), count, out, 0, null);
    for (let k = 0; k < count; k++) {
      const m = readMetrics(out, k * METRIC_NAMES.length);
      expect(m.us_tariff_on_cn_pct).toBeCloseTo(FIXED, 9);
      expect(m.us_tariff_on_cn_import_weighted_pct).toBeCloseTo(WEIGHTED, 9);
    }
  });

  it('equals the fixed-weight average while imports keep their 2024 composition', () => {
    // Every segment at its 2024 tariff: values 20, 30, 50, so both weightings give 0.5 x 25 = 12.5.
    const s = handMade();
    const at2024: State = { ...s, us_layers: [usLayer('c25', 25, 'partner', ['c'])], us_import_position: { log_qty: [0, 0, 0], log_price: [0, 0, 0] } };
    const r = step(at2024, [], P);
    expect(r.metrics.us_tariff_on_cn_pct).toBeCloseTo(12.5, 9);
    expect(r.metrics.us_tariff_on_cn_import_weighted_pct).toBeCloseTo(12.5, 9);
  });
});
