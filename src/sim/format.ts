// How numbers and CSV cells are written, in one place for `run`, `batch` and `play`: rounded to six
// decimals so that identical runs give identical bytes on every machine.

/** Six decimals: far below any figure's meaning, and the same bytes on every machine. */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

// One formatter per number of digits: toLocaleString builds a new one at every call, which cost
// tens of milliseconds per table and per frame.
const formats = new Map<number, Intl.NumberFormat>();

/** For people: en-US thousands separators and exactly `digits` decimals. */
export function fixed(x: number, digits: number): string {
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return f.format(x);
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
