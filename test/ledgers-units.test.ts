// The leverage ledgers' closed forms (model/economics/ledgers.ts), each by hand at round parameters.
// leverage.test.ts holds the same parts to the published magnitudes through runs.

import { describe, expect, it } from 'vitest';
import {
  CN_LEDGER_PARTS,
  cnRareEarthExportLossBn,
  cnTechOutputAtRiskBn,
  type LedgerParams,
  leverageBalance,
  magnetOutputAtRiskBn,
  magnetPriceIndex,
  US_LEDGER_PARTS,
  usTechExportLossBn,
} from '../src/model/economics/ledgers.js';
import { isMetricName } from '../src/model/metrics.js';

const p: LedgerParams = {
  magnet_dependent_output_bn: 1000,
  output_loss_at_10pct: 0.05,
  output_loss_convexity: 2,
  magnet_price_exponent: -2, // a short-run elasticity of demand of 0.5
  magnet_price_cap: 6,
  cn_rare_earth_exports_to_us_bn: 0.8,
  tech_sales_loss_per_breadth_bn: 20,
  cn_tech_output_multiplier: 3,
  cn_tech_substitution_share: 0.4,
  farm_loss_per_lost_sale: 0.5,
  soybean_substitute_premium: 0.1,
  soybean_bn_per_mmt: 0.4,
  cn_export_margin_share: 0.2,
  cn_absorbed_share: 0.2,
};

describe('US output idled by a magnet shortfall', () => {
  it('a (x / 0.1)^c of the output, all of it at most, none without a shortfall', () => {
    expect(magnetOutputAtRiskBn(0.1, p)).toBeCloseTo(50, 9); // 1000 x 0.05 x 1^2
    expect(magnetOutputAtRiskBn(0.2, p)).toBeCloseTo(200, 9); // 1000 x 0.05 x 2^2
    expect(magnetOutputAtRiskBn(0.05, p)).toBeCloseTo(12.5, 9); // 1000 x 0.05 x 0.5^2
    expect(magnetOutputAtRiskBn(0.5, p)).toBe(1000); // 0.05 x 5^2 = 1.25 of the output: capped at all of it
    expect(magnetOutputAtRiskBn(0, p)).toBe(0);
    expect(magnetOutputAtRiskBn(-0.1, p)).toBe(0); // more than demand: nothing idled ((-1)^2 would say 50)
  });
});

describe('the magnet price', () => {
  it('the share available to the power -1/elasticity, between 1 and the cap', () => {
    expect(magnetPriceIndex(0.5, p)).toBeCloseTo(4, 12); // 0.5^-2
    expect(magnetPriceIndex(0.8, p)).toBeCloseTo(1.5625, 12); // 0.8^-2
    expect(magnetPriceIndex(0.25, p)).toBe(6); // 0.25^-2 = 16: buyers stop bidding at the cap
    expect(magnetPriceIndex(1, p)).toBe(1);
    expect(magnetPriceIndex(1.3, p)).toBe(1); // a surplus does not lower it below 2024's
    expect(magnetPriceIndex(0, p)).toBe(6);
    expect(magnetPriceIndex(-0.2, p)).toBe(6);
    expect(magnetPriceIndex(-0.9, p)).toBe(6); // none available: the cap ((-0.9)^-2 would say 1.23)
  });
});

describe('the other parts', () => {
  it('each a product of its parameters', () => {
    expect(cnRareEarthExportLossBn(0.5, p)).toBeCloseTo(0.4, 12); // 0.8 x 0.5
    expect(usTechExportLossBn(0.5, p)).toBeCloseTo(10, 12); // 20 x 0.5
    expect(cnTechOutputAtRiskBn(10, p)).toBeCloseTo(18, 12); // 10 x 3 x (1 - 0.4)
  });

  it("the balance is China's share of the two costs, even when neither pays", () => {
    expect(leverageBalance(30, 10)).toBe(0.25);
    expect(leverageBalance(0, 5)).toBe(1);
    expect(leverageBalance(5, 0)).toBe(0);
    expect(leverageBalance(0, 0)).toBe(0.5);
  });

  it('the named parts are distinct metrics of their side, in $bn', () => {
    for (const [side, parts] of [
      ['us_', US_LEDGER_PARTS],
      ['cn_', CN_LEDGER_PARTS],
    ] as const) {
      expect(parts.length).toBeGreaterThan(1);
      expect(new Set(parts).size).toBe(parts.length);
      for (const m of parts) {
        expect(isMetricName(m), m).toBe(true);
        expect(m.startsWith(side) && m.endsWith('_bn'), m).toBe(true);
      }
    }
  });
});
