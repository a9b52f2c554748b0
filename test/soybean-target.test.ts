// Where China's purchases of US soybeans head (model/economics/soybeans.ts): the marketing-year
// season and the target rate, by hand. leverage.test.ts checks them through runs.

import { describe, expect, it } from 'vitest';
import { type SoybeanParams, soybeanSeason, soybeanTargetMmt } from '../src/model/economics/soybeans.js';
import type { SoybeanState } from '../src/model/types.js';

// China needs 105 MMT a year, 6 of it from neither the US nor Brazil: at most 99 from the US.
const p: SoybeanParams = { season_amplitude: 0.5, substitution_elasticity: 8, demand_mmt: 105, us_reference_mmt: 27, other_suppliers_mmt: 6, boycott_factor: 0.05 };
const soy = (over: Partial<SoybeanState> = {}): SoybeanState => ({
  commitment_mmt: 0,
  compliance: 1,
  boycott: false,
  purchased_mmt: 0,
  flow_mmt: 0,
  tranche_mmt: 0,
  tranche_due_step: null,
  tranche_bought_mmt: 0,
  ...over,
});

describe('the season', () => {
  it('1 + amplitude x cos(2 pi (day - 323) / 365.25): peak on day 323 (about 20 November), trough half a year on', () => {
    expect(soybeanSeason(323, p)).toBeCloseTo(1.5, 12);
    expect(soybeanSeason(323 - 365.25 / 2, p)).toBeCloseTo(0.5, 12); // late May
    expect(soybeanSeason(323 - 365.25 / 4, p)).toBeCloseTo(1, 12); // a quarter-year before the peak
    expect(soybeanSeason(323 + 365.25 / 6, p)).toBeCloseTo(1.25, 12); // cos(60 degrees) = 1/2
    expect(soybeanSeason(100, { ...p, season_amplitude: 0 })).toBe(1);
  });
});

describe('the target rate', () => {
  it('what private crushers buy or what state buyers honour, whichever is more, through the season', () => {
    expect(soybeanTargetMmt(soy(), 20, 1.5, 0, p)).toBeCloseTo(30, 12); // the market, 20 x 1.5
    expect(soybeanTargetMmt(soy({ commitment_mmt: 25, compliance: 0.8 }), 10, 0.5, 0, p)).toBeCloseTo(10, 12); // honoured 20 x 0.5
    expect(soybeanTargetMmt(soy({ commitment_mmt: 25, compliance: 0.8 }), 30, 1, 0, p)).toBeCloseTo(30, 12); // the market is more
    expect(soybeanTargetMmt(soy({ commitment_mmt: 25, compliance: 0.8, boycott: true }), 1, 1, 0, p)).toBeCloseTo(1, 12); // a boycott: the market only
  });

  it('while a tranche is open, the pace that buys the rest of it by its date, if faster', () => {
    // 12 MMT due in a quarter of a year, 3 bought: 9 left at 0.8 compliance, 7.2 / 0.25 = 28.8 a year.
    const open = soy({ tranche_mmt: 12, tranche_bought_mmt: 3, compliance: 0.8 });
    expect(soybeanTargetMmt(open, 10, 1, 0.25, p)).toBeCloseTo(28.8, 12);
    expect(soybeanTargetMmt(open, 40, 1, 0.25, p)).toBeCloseTo(40, 12); // the market is faster
    expect(soybeanTargetMmt(open, 10, 1, 0, p)).toBeCloseTo(10, 12); // its date has passed
    expect(soybeanTargetMmt({ ...open, boycott: true }, 10, 1, 0.25, p)).toBeCloseTo(10, 12); // a boycott stops it too
    expect(soybeanTargetMmt({ ...open, tranche_bought_mmt: 12 }, 10, 1, 0.25, p)).toBeCloseTo(10, 12); // bought in full
    expect(soybeanTargetMmt({ ...open, tranche_bought_mmt: 13 }, 10, 1, 0.25, p)).toBeCloseTo(10, 12); // more than it
  });

  it('at most what China needs from the US and Brazil', () => {
    expect(soybeanTargetMmt(soy(), 90, 1.5, 0, p)).toBe(99); // 135 asked, 105 - 6 possible
    expect(soybeanTargetMmt(soy(), 99, 1, 0, p)).toBe(99);
    // Other suppliers above China's whole need leave nothing for the US.
    expect(soybeanTargetMmt(soy(), 20, 1, 0, { ...p, other_suppliers_mmt: 200 })).toBe(0);
  });
});
