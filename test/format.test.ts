// fixed(): the numbers people read in `run`, `batch`, `play` and the report, written without
// Intl.NumberFormat (whose first use loads ICU's number data) but byte for byte as it writes them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixed } from '../src/sim/format.js';

describe('fixed', () => {
  it('writes en-US thousands separators and exactly the digits asked for (worked by hand)', () => {
    expect(fixed(1234567.891, 2)).toBe('1,234,567.89');
    expect(fixed(-1234567.891, 2)).toBe('-1,234,567.89');
    expect(fixed(999, 0)).toBe('999');
    expect(fixed(1000, 0)).toBe('1,000');
    expect(fixed(123456, 1)).toBe('123,456.0');
    expect(fixed(0, 2)).toBe('0.00');
    expect(fixed(0.5, 2)).toBe('0.50');
    expect(fixed(1.5e-7, 3)).toBe('0.000');
    expect(fixed(1e21, 1)).toBe('1,000,000,000,000,000,000,000.0');
    expect(fixed(0.1 + 0.2, 17)).toBe('0.30000000000000004');
  });

  it('rounds the shortest decimal of the number half away from zero, as Intl does', () => {
    // 1.005 is stored as 1.00499999999999989...: Intl (and so fixed) rounds the decimal 1.005 up,
    // where toFixed rounds the stored value down.
    expect(fixed(1.005, 2)).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(fixed(0.145, 2)).toBe('0.15');
    expect(fixed(14.45, 1)).toBe('14.5');
    expect(fixed(2.5, 0)).toBe('3');
    expect(fixed(-2.5, 0)).toBe('-3');
    expect(fixed(0.444, 2)).toBe('0.44');
    // A carry runs through the nines into a new digit and a new separator.
    expect(fixed(999.995, 2)).toBe('1,000.00');
    expect(fixed(-999999.5, 0)).toBe('-1,000,000');
    expect(fixed(9.96, 1)).toBe('10.0');
  });

  it('keeps the sign of a negative number that rounds to zero, and of -0, as Intl does', () => {
    expect(fixed(-0.004, 2)).toBe('-0.00');
    expect(fixed(-0.4, 0)).toBe('-0');
    expect(fixed(-0, 1)).toBe('-0.0');
    expect(fixed(0.004, 2)).toBe('0.00');
  });

  it('writes NaN and the infinities as Intl does', () => {
    expect(fixed(NaN, 2)).toBe('NaN');
    expect(fixed(Infinity, 0)).toBe('∞');
    expect(fixed(-Infinity, 1)).toBe('-∞');
  });

  it('refuses digits Intl refuses', () => {
    expect(() => fixed(1, -1)).toThrow(RangeError);
    expect(() => fixed(1, 101)).toThrow(RangeError);
    expect(() => fixed(1, 1.5)).toThrow(RangeError);
  });

  it('gives the bytes of Intl.NumberFormat en-US for any number and the digits in use', () => {
    const formats = [0, 1, 2, 3, 6].map((d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
    // Any double (tiny, huge, negative), and decimals with a 5 where rounding decides, as metrics have.
    const anyDouble = fc.double({ noNaN: true });
    const ties = fc.tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => (n + 0.5) / 10 ** k);
    fc.assert(
      fc.property(fc.oneof(anyDouble, ties), fc.integer({ min: 0, max: 4 }), (x, i) => {
        expect(fixed(x, [0, 1, 2, 3, 6][i])).toBe(formats[i].format(x));
      }),
      { numRuns: 20_000 },
    );
  });
});
