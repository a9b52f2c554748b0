// The tension index's target (model/economics/escalation.ts), worked by hand from its weights:
// 20 at rest (structural rivalry), +0.3 a point of average tariff above 10% each way, +25 a full
// rare-earth curb, +10 full tech controls, +3 port fees, -10 under a truce, +5 x (1 - cooperation)
// while a fentanyl tariff stands, +20 a point of magnet supply below 0.9; clamped to 0..100.

import { describe, expect, it } from 'vitest';
import { clamp, tensionFromMeasures, tensionTarget, tensionTargetAt, type TensionInputs } from '../src/model/economics/escalation.js';

const calm: TensionInputs = {
  us_tariff_pct: 0,
  cn_tariff_pct: 0,
  curb: 0,
  tech_restriction: 0,
  port_fees: 0,
  truce_active: false,
  precursor_cooperation: 0,
  fentanyl_tariff_pct: 0,
  supply_index: 1,
};

describe('tension from the measures in force', () => {
  it('is 20 with none, and tariffs count only above 10%', () => {
    expect(tensionFromMeasures(calm)).toBe(20);
    expect(tensionFromMeasures({ ...calm, us_tariff_pct: 10, cn_tariff_pct: 10 })).toBe(20);
    // 0.3 x (20 - 10) = 3 and 0.3 x (40 - 10) = 9
    expect(tensionFromMeasures({ ...calm, us_tariff_pct: 20 })).toBeCloseTo(23, 12);
    expect(tensionFromMeasures({ ...calm, cn_tariff_pct: 40 })).toBeCloseTo(29, 12);
  });

  it('adds each lever at its own weight', () => {
    expect(tensionFromMeasures({ ...calm, curb: 0.4 })).toBeCloseTo(30, 12); // 25 x 0.4
    expect(tensionFromMeasures({ ...calm, tech_restriction: 0.5 })).toBeCloseTo(25, 12); // 10 x 0.5
    expect(tensionFromMeasures({ ...calm, port_fees: 2 })).toBeCloseTo(26, 12); // 3 x 2
    expect(tensionFromMeasures({ ...calm, truce_active: true })).toBeCloseTo(10, 12);
  });

  it('a fentanyl tariff adds 5 x (1 - cooperation), nothing without one', () => {
    expect(tensionFromMeasures({ ...calm, fentanyl_tariff_pct: 10, precursor_cooperation: 0.4 })).toBeCloseTo(23, 12);
    expect(tensionFromMeasures({ ...calm, fentanyl_tariff_pct: 10, precursor_cooperation: 1 })).toBeCloseTo(20, 12);
    expect(tensionFromMeasures({ ...calm, fentanyl_tariff_pct: 0, precursor_cooperation: 0 })).toBe(20);
  });

  it('the Busan eve, all at once: 20 + 13.68 + 6.78 + 5 + 5 + 3 - 10 + 3 = 46.46', () => {
    const eve = { ...calm, us_tariff_pct: 55.6, cn_tariff_pct: 32.6, curb: 0.2, tech_restriction: 0.5, port_fees: 1, truce_active: true, precursor_cooperation: 0.4, fentanyl_tariff_pct: 10 };
    expect(tensionFromMeasures(eve)).toBeCloseTo(46.46, 10);
    expect(tensionTarget({ ...eve, supply_index: 0.5 })).toBeCloseTo(54.46, 10); // + 20 x 0.4
  });
});

describe('the target with magnet supply', () => {
  it('a shortage below 0.9 raises it by 20 a point', () => {
    expect(tensionTargetAt(30, 1)).toBe(30);
    expect(tensionTargetAt(30, 0.9)).toBe(30);
    expect(tensionTargetAt(30, 0.5)).toBeCloseTo(38, 12);
    expect(tensionTargetAt(30, 0)).toBeCloseTo(48, 12);
    expect(tensionTarget({ ...calm, supply_index: 0.4 })).toBeCloseTo(30, 12);
  });

  it('is clamped to 0..100', () => {
    expect(tensionTargetAt(95, 0)).toBe(100);
    expect(tensionTargetAt(-5, 1)).toBe(0);
    expect(tensionTargetAt(100, 1)).toBe(100);
    expect(tensionTargetAt(0, 1)).toBe(0);
  });
});

describe('clamp', () => {
  it('keeps a value inside, and the bounds themselves', () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(0, 0, 10)).toBe(0);
    expect(clamp(10, 0, 10)).toBe(10);
  });
});
