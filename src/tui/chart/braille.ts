// A small braille line chart: each character cell is 2x4 dots. Pure: series in, rows of
// coloured runs out, so the component only maps kinds to colours.

export type DotKind = 'line' | 'overlay' | 'fan';
export type CellKind = DotKind | 'blank' | 'marker';

export interface ChartInput {
  /** Values at steps 0..history.length-1. */
  history: number[];
  /** A second line to overlay (compare), at steps 0..overlay.length-1. */
  overlay?: number[];
  /** The band ahead, index j at step fanFrom + j. */
  fan?: { from: number; lo: number[]; hi: number[] };
  /** Steps across the full width. */
  horizon: number;
  width: number;
  height: number;
  /** The step on screen: its column is marked where nothing else is drawn. */
  marker?: number;
}

export interface Run {
  text: string;
  kind: CellKind;
}

const BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];
const PRIORITY: Record<DotKind, number> = { fan: 1, overlay: 2, line: 3 };

export function chartRange(input: ChartInput): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const take = (xs: number[] | undefined) => {
    for (const x of xs ?? []) if (Number.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
  };
  take(input.history);
  take(input.overlay);
  take(input.fan?.lo);
  take(input.fan?.hi);
  if (lo === Infinity) return [0, 1];
  if (hi - lo < 1e-9) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

export function renderChart(input: ChartInput): Run[][] {
  const w = Math.max(1, input.width);
  const h = Math.max(1, input.height);
  const dotsX = w * 2;
  const dotsY = h * 4;
  const bits = new Uint8Array(w * h);
  const kind = new Uint8Array(w * h);
  const [lo, hi] = chartRange(input);
  const xOf = (step: number) => Math.min(dotsX - 1, Math.round((step * (dotsX - 1)) / Math.max(1, input.horizon - 1)));
  // The top dot row stays empty, so the line never touches the text above the chart.
  const top = dotsY > 4 ? 1 : 0;
  const yOf = (v: number) => dotsY - 1 - Math.round(((v - lo) / (hi - lo)) * (dotsY - 1 - top));
  const dot = (x: number, y: number, k: DotKind) => {
    const cell = Math.floor(y / 4) * w + Math.floor(x / 2);
    bits[cell] |= BITS[x % 2][y % 4];
    if (PRIORITY[k] > kind[cell]) kind[cell] = PRIORITY[k];
  };
  const span = (x: number, y0: number, y1: number, k: DotKind) => {
    for (let y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) dot(x, y, k);
  };
  if (input.fan) {
    // Every dot column from one step to the next, so a wide chart shows a band, not a comb.
    const { from, lo: l, hi: u } = input.fan;
    for (let j = 0; j < l.length; j++) {
      if (!Number.isFinite(l[j]) || !Number.isFinite(u[j])) continue;
      const x0 = xOf(from + j);
      const x1 = j + 1 < l.length ? xOf(from + j + 1) : x0 + 1;
      for (let x = x0; x < Math.max(x0 + 1, x1); x++) span(Math.min(dotsX - 1, x), yOf(l[j]), yOf(u[j]), 'fan');
    }
  }
  const line = (xs: number[] | undefined, k: DotKind) => {
    if (!xs) return;
    for (let j = 0; j < xs.length; j++) {
      if (!Number.isFinite(xs[j])) continue;
      const y = yOf(xs[j]);
      // Join to the previous point so steps read as a line, not scattered dots.
      const prev = j > 0 && Number.isFinite(xs[j - 1]) ? yOf(xs[j - 1]) : y;
      const x0 = j > 0 ? xOf(j - 1) : xOf(j);
      const x1 = xOf(j);
      for (let x = x0 + 1; x < x1; x++) dot(x, prev, k);
      span(x1, prev, y, k);
    }
  };
  line(input.overlay, 'overlay');
  line(input.history, 'line');
  const names: CellKind[] = ['blank', 'fan', 'overlay', 'line'];
  const markerCol = input.marker !== undefined && input.marker >= 0 && input.marker < input.horizon ? Math.floor(xOf(input.marker) / 2) : -1;
  const rows: Run[][] = [];
  for (let r = 0; r < h; r++) {
    const runs: Run[] = [];
    for (let c = 0; c < w; c++) {
      const i = r * w + c;
      const marked = !bits[i] && c === markerCol;
      const ch = bits[i] ? String.fromCharCode(0x2800 + bits[i]) : marked ? '┊' : ' ';
      const k = marked ? 'marker' : names[kind[i]];
      const last = runs.at(-1);
      if (last && last.kind === k) last.text += ch;
      else runs.push({ text: ch, kind: k });
    }
    rows.push(runs);
  }
  return rows;
}
