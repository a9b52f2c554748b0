// Accumulating one series over a chunk of runs, in the worker's hot loop: no allocation per value.
// What a value costs matters here (a 52-step run has 1,092), so the loop is one pass in memory order
// over the run's values and one state array; a paired difference has its own loop rather than a
// branch per value; and a value equal to the first run's is only counted, to be added in at the next
// fold (about half of a scenario's values, the scripted ones, are the same in every run).

import type { Layout } from './bins.js';
import { binBases, METRICS, MICRO, type Series, totalBins } from './series.js';

/** Fold float partial sums into exact bigints this often: 512 runs of |x| < 1.7e7 stay below 2^53. */
const FOLD_RUNS = 512;
const LIMIT = 1.7e7;

/**
 * Everything kept per value index i = t * METRICS + m: SLOTS doubles at i * SLOTS, so that the hot
 * loop is one pass over one array (V8 reloads a typed array's bounds and base pointer per access).
 */
const FIRST = 0; // the first run's value (NaN before it): later runs' repeats of it are only counted
const FIRST_MINUS = 1; // for a difference, the first run's subtracted value
const REPEATS = 2; // repeats of the first run's value(s) since the last fold
const SUM_MICROS = 3; // the sum since the last fold, in micro-units (an integer)
const MIN = 4;
const MAX = 5;
const INV_WIDTH = 6; // 1 / the metric's bin width
const BIN_OFFSET = 7; // x's bin is at round(x / width) + BIN_OFFSET in `counts`...
const BIN_LO = 8; // ...clamped to the first and last bins of this metric and step
const BIN_HI = 9;
const SLOTS = 10;

const JUST_BELOW_HALF = 0.49999999999999994; // 0.5 - 2^-54

/**
 * Math.round(y) for |y| < 2^52, up to the sign of a zero (which neither a sum nor a bin index sees),
 * at a fraction of its cost in V8 (measured: Math.round was most of this loop's time). floor(y + 0.5)
 * is the same number but at 0.5 - 2^-54, where y + 0.5 rounds up to 1.
 */
function roundHalfUp(y: number): number {
  return y === JUST_BELOW_HALF ? 0 : Math.floor(y + 0.5);
}

/** Math.round(x * MICRO) for any x: a paired difference's own values are not range-checked. */
function microsOf(x: number): number {
  const y = x * MICRO;
  return Math.abs(y) < 2 ** 52 ? roundHalfUp(y) : Math.round(y);
}

/** Where x counts in `counts`, for the value index whose slots start at s (as bins.ts binOf, beyond the range into the edge bins). */
function binIndex(state: Float64Array, s: number, x: number): number {
  const k = roundHalfUp(x * state[s + INV_WIDTH]) + state[s + BIN_OFFSET];
  return (k < state[s + BIN_LO] ? state[s + BIN_LO] : k > state[s + BIN_HI] ? state[s + BIN_HI] : k) | 0; // an int32 index is cheaper
}

export class ChunkAccumulator {
  /** Int32 for the increments (a chunk never holds 2^31 runs); handed out as the Uint32Array a Series has. */
  private readonly counts: Int32Array;
  private readonly state: Float64Array;
  private readonly sumsMicros: bigint[];
  /** Whether the series is of paired differences: fixed by the first run (repeats are added back as one or the other). */
  private paired: boolean | null = null;
  private runs = 0;

  constructor(
    private readonly steps: number,
    layouts: readonly Layout[],
    private readonly label: string,
  ) {
    const n = steps * METRICS;
    this.counts = new Int32Array(totalBins(layouts) * steps);
    this.sumsMicros = new Array<bigint>(n).fill(0n);
    const bases = binBases(layouts);
    const state = new Float64Array(n * SLOTS);
    for (let t = 0; t < steps; t++)
      for (let m = 0; m < METRICS; m++) {
        const s = (t * METRICS + m) * SLOTS;
        const l = layouts[m];
        const firstBinAt = bases[m] * steps + t * l.bins; // the counts layout of series.ts
        state[s + FIRST] = NaN; // equal to nothing
        state[s + FIRST_MINUS] = NaN;
        state[s + MIN] = Infinity;
        state[s + MAX] = -Infinity;
        state[s + INV_WIDTH] = 1 / l.width;
        state[s + BIN_OFFSET] = firstBinAt - l.first;
        state[s + BIN_LO] = firstBinAt;
        state[s + BIN_HI] = firstBinAt + l.bins - 1;
      }
    this.state = state;
  }

  /** One run's values, step-major (t * METRICS + m); `minus`, if given, is subtracted (paired difference). */
  add(values: Float64Array, minus: Float64Array | null = null): void {
    this.paired ??= minus !== null;
    if (this.paired !== (minus !== null)) throw new Error(`${this.label}: a series holds values or differences, not both`);
    if (minus) this.addDifference(values, minus);
    else this.addValues(values);
    if (this.runs === 0) {
      // Only after the first run is added in full: min and max hold it, so skipping a repeat cannot change them.
      for (let i = 0, s = 0; i < values.length; i++, s += SLOTS) {
        this.state[s + FIRST] = values[i];
        if (minus) this.state[s + FIRST_MINUS] = minus[i];
      }
    }
    if (++this.runs % FOLD_RUNS === 0) this.fold();
  }

  private addValues(values: Float64Array): void {
    const { state, counts } = this;
    for (let i = 0, s = 0; i < values.length; i++, s += SLOTS) {
      const x = values[i];
      if (x === state[s + FIRST]) {
        state[s + REPEATS]++;
        continue;
      }
      if (!(Math.abs(x) < LIMIT)) this.outOfRange(values, null); // NaN too
      // Micro-units are rounded per value, so the sum is exact whatever order runs arrive in.
      state[s + SUM_MICROS] += roundHalfUp(x * MICRO);
      if (x < state[s + MIN]) state[s + MIN] = x;
      if (x > state[s + MAX]) state[s + MAX] = x;
      counts[binIndex(state, s, x)]++;
    }
  }

  private addDifference(values: Float64Array, minus: Float64Array): void {
    const { state, counts } = this;
    for (let i = 0, s = 0; i < values.length; i++, s += SLOTS) {
      const v = values[i];
      const w = minus[i];
      if (v === state[s + FIRST] && w === state[s + FIRST_MINUS]) {
        state[s + REPEATS]++;
        continue;
      }
      const x = v - w;
      if (!(Math.abs(x) < LIMIT)) this.outOfRange(values, minus);
      // The difference of the rounded values: the difference of the two series' sums, exactly.
      state[s + SUM_MICROS] += microsOf(v) - microsOf(w);
      if (x < state[s + MIN]) state[s + MIN] = x;
      if (x > state[s + MAX]) state[s + MAX] = x;
      counts[binIndex(state, s, x)]++;
    }
  }

  /** Throws for the first value outside the summarisable range, metric by metric then step by step (as always reported). */
  private outOfRange(values: Float64Array, minus: Float64Array | null): void {
    for (let m = 0; m < METRICS; m++)
      for (let t = 0; t < this.steps; t++) {
        const i = t * METRICS + m;
        const x = minus ? values[i] - minus[i] : values[i];
        if (!(x < LIMIT && x > -LIMIT)) throw new Error(`${this.label}: metric ${m} at step ${t} is ${x}, outside the summarisable range`);
      }
  }

  /** Adds the counted repeats in, then moves the float partial sums into the exact bigint ones. */
  private fold(): void {
    const { state } = this;
    for (let i = 0, s = 0; i < this.sumsMicros.length; i++, s += SLOTS) {
      const n = state[s + REPEATS];
      if (n !== 0) {
        const v = state[s + FIRST];
        const w = state[s + FIRST_MINUS];
        state[s + SUM_MICROS] += n * (this.paired ? microsOf(v) - microsOf(w) : roundHalfUp(v * MICRO));
        this.counts[binIndex(state, s, this.paired ? v - w : v)] += n;
        state[s + REPEATS] = 0;
      }
      if (state[s + SUM_MICROS] !== 0) this.sumsMicros[i] += BigInt(state[s + SUM_MICROS]);
      state[s + SUM_MICROS] = 0;
    }
  }

  result(): Series<Uint32Array> {
    this.fold();
    const n = this.sumsMicros.length;
    const min = new Float64Array(n);
    const max = new Float64Array(n);
    for (let i = 0, s = 0; i < n; i++, s += SLOTS) {
      min[i] = this.state[s + MIN];
      max[i] = this.state[s + MAX];
    }
    return { steps: this.steps, runs: this.runs, counts: new Uint32Array(this.counts.buffer), sums: this.sumsMicros, min, max };
  }
}
