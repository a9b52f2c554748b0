// The Monte Carlo parameter draws (model/params.ts): 10,000 triangular draws against the
// distribution's closed form (mean (a + b + c)/3, CDF piecewise quadratic), with uniforms from
// seedrandom's Alea as an outside source. Tolerances are about four standard errors.

import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawParams, drawParamsFrom, PARAM_NAMES, paramsOf, type ParamSpecs, paramTable, triangular } from '../src/model/params.js';

const N = 10_000;

/** CDF of the triangular distribution (low a, mode c, high b), written from its definition. */
function cdf(x: number, a: number, c: number, b: number): number {
  if (x <= a) return 0;
  if (x >= b) return 1;
  return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
}

function draws(a: number, c: number, b: number, seed: string): number[] {
  const u = seedrandom.alea(seed);
  return Array.from({ length: N }, () => triangular(u(), a, c, b));
}

const quantile = (sorted: number[], p: number) => sorted[Math.ceil(p * sorted.length) - 1];

describe('triangular draws (low 0, mode 1, high 4: lopsided, as many ranges are)', () => {
  const xs = draws(0, 1, 4, 'triangular-test');
  const sorted = [...xs].sort((x, y) => x - y);

  it('stay inside [low, high]', () => {
    expect(sorted[0]).toBeGreaterThanOrEqual(0);
    expect(sorted.at(-1)).toBeLessThanOrEqual(4);
  });

  it('have the closed-form mean (0 + 1 + 4)/3 = 5/3 and variance 13/18', () => {
    const mean = xs.reduce((s, x) => s + x, 0) / N;
    // variance (a^2 + b^2 + c^2 - ab - ac - bc)/18 = (0 + 16 + 1 - 0 - 0 - 4)/18 = 13/18; s.e. of the mean 0.0085
    expect(Math.abs(mean - 5 / 3)).toBeLessThan(0.034);
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (N - 1);
    expect(Math.abs(variance - 13 / 18)).toBeLessThan(0.04);
  });

  it('have the closed-form quantiles: 2 sqrt(u) below the mode (u <= 1/4), 4 - sqrt(12 (1 - u)) above', () => {
    // By hand: u = 0.1 -> 2 sqrt(0.1) = 0.6325; u = 0.25 -> 1 (the mode); u = 0.5 -> 4 - sqrt(6) = 1.5505;
    // u = 0.9 -> 4 - sqrt(1.2) = 2.9046.
    for (const [u, x] of [
      [0.1, 0.6325],
      [0.25, 1],
      [0.5, 1.5505],
      [0.9, 2.9046],
    ]) {
      expect(Math.abs(quantile(sorted, u) - x), `quantile ${u}`).toBeLessThan(0.05);
    }
  });

  it('follow the closed-form CDF at every quarter point (s.e. of a share 0.005)', () => {
    for (let x = 0.25; x < 4; x += 0.25) {
      const share = xs.filter((v) => v <= x).length / N;
      expect(Math.abs(share - cdf(x, 0, 1, 4)), `P(X <= ${x})`).toBeLessThan(0.02);
    }
  });

  it('are the inverse CDF: each uniform maps to the point where the CDF reaches it', () => {
    for (const u of [0.01, 0.1, 0.2, 0.25, 0.3, 0.6, 0.99]) expect(cdf(triangular(u, 0, 1, 4), 0, 1, 4), `u = ${u}`).toBeCloseTo(u, 12);
    // The other way round too: mode near the top of the range.
    for (const u of [0.05, 0.5, 0.8, 0.95]) expect(cdf(triangular(u, 2, 9, 10), 2, 9, 10), `u = ${u}`).toBeCloseTo(u, 12);
  });

  it('a degenerate range (high <= low) gives the central value', () => {
    expect(triangular(0.3, 5, 5, 5)).toBe(5);
    expect(triangular(0.3, 6, 5, 4)).toBe(5);
  });
});

describe('drawParams', () => {
  it('draws every parameter from its own range, one uniform each, in PARAM_NAMES order', () => {
    const specs = Object.fromEntries(PARAM_NAMES.map((n, i) => [n, { central: i + 1, low: i, high: i + 4 }])) as ParamSpecs;
    let k = 0;
    const us = PARAM_NAMES.map((_, i) => (i % 10) / 10 + 0.05);
    const p = drawParams(specs, () => us[k++]);
    expect(k).toBe(PARAM_NAMES.length);
    PARAM_NAMES.forEach((n, i) => expect(cdf(p[n], i, i + 1, i + 4), n).toBeCloseTo(us[i], 12));
  });

  it('a batch draws from the ranges as a table: the same numbers, every parameter under its own name', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: PARAM_NAMES.length, maxLength: PARAM_NAMES.length }), fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true }), { minLength: PARAM_NAMES.length, maxLength: PARAM_NAMES.length }), (ranges, us) => {
        // low <= central <= high from a start, a width and where the mode sits in it.
        const specs = Object.fromEntries(PARAM_NAMES.map((n, i) => [n, { low: ranges[i][0], central: ranges[i][0] + ranges[i][1] * ranges[i][2], high: ranges[i][0] + ranges[i][1] }])) as ParamSpecs;
        let a = 0;
        let b = 0;
        expect(drawParamsFrom(paramTable(specs), () => us[b++])).toEqual(drawParams(specs, () => us[a++]));
        expect(b).toBe(PARAM_NAMES.length);
      }),
      { numRuns: 200 },
    );
  });

  it('paramsOf names the values in PARAM_NAMES order', () => {
    const v = Float64Array.from(PARAM_NAMES, (_, i) => i + 0.5);
    const p = paramsOf(v);
    expect(Object.keys(p)).toEqual([...PARAM_NAMES]);
    PARAM_NAMES.forEach((n, i) => expect(p[n], n).toBe(i + 0.5));
  });
});
