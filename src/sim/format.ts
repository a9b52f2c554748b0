// How numbers and CSV cells are written, in one place for `run`, `batch` and `play`: rounded to six
// decimals so that identical runs give identical bytes on every machine.

/** Six decimals: far below any figure's meaning, and the same bytes on every machine. */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * For people: en-US thousands separators and exactly `digits` decimals, the bytes that
 * Intl.NumberFormat('en-US') writes, without it: its first use loads ICU's number data, which took
 * a tenth of `run`'s start-up. As ICU does, it rounds the shortest decimal that reads back as `x`
 * (what String(x) writes), half away from zero: 1.005 is "1.01" at 2 digits, where toFixed, which
 * rounds the binary value (1.00499...), says "1.00". A negative number that rounds to zero keeps
 * its sign ("-0.00"), as in Intl; callers that do not want it strip it.
 */
export function fixed(x: number, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 100) throw new RangeError(`fixed: digits must be a whole number from 0 to 100, got ${digits}`);
  if (Number.isNaN(x)) return 'NaN';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return `${sign}∞`;
  // String(x) is "123.45", "0.000123", "1e+21" or "1.5e-7": its digits, and where the point falls in them.
  const [, whole, frac = '', exp = '0'] = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)))!;
  const point = whole.length + Number(exp);
  let all = whole + frac;
  if (point <= 0) all = '0'.repeat(1 - point) + all; // "0" then the fraction's leading zeros
  const at = Math.max(point, 1); // where the point falls in `all` now
  const kept = (all.length < at + digits ? all.padEnd(at + digits, '0') : all.slice(0, at + digits)).split('');
  // Half away from zero: the first dropped digit decides; a carry may run into a new leading digit.
  if ((all[at + digits] ?? '0') >= '5') {
    let i = kept.length - 1;
    for (; i >= 0 && kept[i] === '9'; i--) kept[i] = '0';
    if (i >= 0) kept[i] = String(Number(kept[i]) + 1);
    else kept.unshift('1');
  }
  const intDigits = kept.slice(0, kept.length - digits).join('');
  const grouped = intDigits.replace(/\B(?=(\d{3})+$)/g, ',');
  return digits > 0 ? `${sign}${grouped}.${kept.slice(kept.length - digits).join('')}` : `${sign}${grouped}`;
}

export function csvCell(v: unknown): string {
  if (typeof v === 'number') return String(round6(v));
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}
