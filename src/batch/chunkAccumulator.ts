// Accumulating one series over a chunk of runs, in the worker's hot loop: no allocation per value.
// What a value costs matters here (a 52-step run has 1,092, and the run evicts them from the cache),
// so the loop is one pass in memory order over the run's values and a compact state; a paired
// difference has its own loop rather than a branch per value; and a value equal to the first run's
// is only counted, to be added in at the next fold (about half of a scenario's values, the scripted
// ones, are the same in every run).

import type { Layout } from './bins.js';
import { binBases, METRICS, MICRO, type Series, totalBins } from './series.js';
import { type SparseSeries, sparseCounts } from './sparseSeries.js';

/** Fold float partial sums into exact bigints this often: 512 runs of |x| < 1.7e7 stay below 2^53. */
const FOLD_RUNS = 512;
const LIMIT = 1.7e7;

/** Everything kept per value index i = t * METRICS + m, in one array: SLOTS doubles at i * SLOTS. */
const FIRST = 0; // the first run's value (NaN before it): later runs' repeats of it are only counted
const REPEATS = 1; // repeats of the first run's value(s) since the last fold
const SUM_MICROS = 2; // the sum since the last fold, in micro-units (an integer)
const MIN = 3;
const MAX = 4;
const SLOTS = 5;

/** Per metric m, at m * 3: 1 / bin width, the first bin's centre in widths, the last bin's index. */
const INV_WIDTH = 0;
const FIRST_BIN = 1;
const LAST_BIN = 2;

/** Counts are kept in 16 bits (half the cache lines: most of add's cost between runs is memory) and widened this often. */
const WIDEN_RUNS = 64 * FOLD_RUNS;

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

/** The bin of x (as bins.ts binOf): values beyond the range fall into the edge bins. */
function binOf(x: number, perMetric: Float64Array, p: number): number {
  const k = roundHalfUp(x * perMetric[p + INV_WIDTH]) - perMetric[p + FIRST_BIN];
  return k < 0 ? 0 : k > perMetric[p + LAST_BIN] ? perMetric[p + LAST_BIN] : k;
}

export class ChunkAccumulator {
  /** Counts since the last widening, and (once widened) everything before. */
  private readonly counts: Uint16Array;
  private widened: Uint32Array | null = null;
  private readonly state: Float64Array;
  /** For a difference: the first run's subtracted values. */
  private readonly firstMinus: Float64Array;
  /** Per value index: where its metric's bins for its step start in `counts`. */
  private readonly binStart: Int32Array;
  private readonly perMetric: Float64Array;
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
    this.counts = new Uint16Array(totalBins(layouts) * steps);
    this.sumsMicros = new Array<bigint>(n).fill(0n);
    this.state = new Float64Array(n * SLOTS);
    for (let s = 0; s < n * SLOTS; s += SLOTS) {
      this.state[s + FIRST] = NaN; // equal to nothing
      this.state[s + MIN] = Infinity;
      this.state[s + MAX] = -Infinity;
    }
    this.firstMinus = new Float64Array(n);
    const bases = binBases(layouts);
    this.binStart = new Int32Array(n);
    for (let t = 0; t < steps; t++) for (let m = 0; m < METRICS; m++) this.binStart[t * METRICS + m] = bases[m] * steps + t * layouts[m].bins; // the layout of series.ts
    this.perMetric = new Float64Array(METRICS * 3);
    layouts.forEach((l, m) => {
      this.perMetric[m * 3 + INV_WIDTH] = 1 / l.width;
      this.perMetric[m * 3 + FIRST_BIN] = l.first;
      this.perMetric[m * 3 + LAST_BIN] = l.bins - 1;
    });
  }

  /** One run's values, step-major (t * METRICS + m); `minus`, if given, is subtracted (paired difference). */
  add(values: Float64Array, minus: Float64Array | null = null): void {
    this.paired ??= minus !== null;
    if (this.paired !== (minus !== null)) throw new Error(`${this.label}: a series holds values or differences, not both`);
    if (minus) this.addDifference(values, minus);
    else this.addValues(values);
    if (this.runs === 0) {
      // Only after the first run is added in full: min and max hold it, so skipping a repeat cannot change them.
      for (let i = 0; i < values.length; i++) this.state[i * SLOTS + FIRST] = values[i];
      if (minus) this.firstMinus.set(minus);
    }
    if (++this.runs % FOLD_RUNS === 0) this.fold();
  }

  private addValues(values: Float64Array): void {
    const { steps, state, perMetric, binStart, counts } = this;
    for (let t = 0, i = 0, s = 0; t < steps; t++) {
      for (let m = 0, p = 0; m < METRICS; m++, i++, s += SLOTS, p += 3) {
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
        counts[(binStart[i] + binOf(x, perMetric, p)) | 0]++; // an int32 index is cheaper
      }
    }
  }

  private addDifference(values: Float64Array, minus: Float64Array): void {
    const { steps, state, firstMinus, perMetric, binStart, counts } = this;
    for (let t = 0, i = 0, s = 0; t < steps; t++) {
      for (let m = 0, p = 0; m < METRICS; m++, i++, s += SLOTS, p += 3) {
        const v = values[i];
        const w = minus[i];
        if (v === state[s + FIRST] && w === firstMinus[i]) {
          state[s + REPEATS]++;
          continue;
        }
        const x = v - w;
        if (!(Math.abs(x) < LIMIT)) this.outOfRange(values, minus);
        // The difference of the rounded values: the difference of the two series' sums, exactly.
        state[s + SUM_MICROS] += microsOf(v) - microsOf(w);
        if (x < state[s + MIN]) state[s + MIN] = x;
        if (x > state[s + MAX]) state[s + MAX] = x;
        counts[(binStart[i] + binOf(x, perMetric, p)) | 0]++;
      }
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

  /** Adds the counted repeats in, moves the float partial sums into the exact bigint ones, and widens the counts when due. */
  private fold(): void {
    const { state } = this;
    for (let i = 0, s = 0; i < this.sumsMicros.length; i++, s += SLOTS) {
      const n = state[s + REPEATS];
      if (n !== 0) {
        const v = state[s + FIRST];
        const w = this.firstMinus[i];
        state[s + SUM_MICROS] += n * (this.paired ? microsOf(v) - microsOf(w) : roundHalfUp(v * MICRO));
        this.counts[(this.binStart[i] + binOf(this.paired ? v - w : v, this.perMetric, (i % METRICS) * 3)) | 0] += n;
        state[s + REPEATS] = 0;
      }
      if (state[s + SUM_MICROS] !== 0) this.sumsMicros[i] += BigInt(state[s + SUM_MICROS]);
      state[s + SUM_MICROS] = 0;
    }
    if (this.runs % WIDEN_RUNS === 0) this.widen();
  }

  private widen(): void {
    if (!this.widened) this.widened = new Uint32Array(this.counts); // a native copy: the usual case, at the end of a chunk
    else for (let k = 0; k < this.counts.length; k++) this.widened[k] += this.counts[k];
    this.counts.fill(0);
  }

  /** The chunk's series; the accumulator is done with. */
  result(): Series<Uint32Array> {
    const rest = this.finish();
    this.widen();
    return { ...rest, counts: this.widened! };
  }

  /** The chunk's series with only the bins it touched (what crosses to the main thread); the accumulator is done with. */
  sparseResult(): SparseSeries {
    const rest = this.finish();
    return { ...rest, ...sparseCounts(this.counts, this.widened) };
  }

  private finish(): Omit<Series, 'counts'> {
    this.fold();
    const n = this.sumsMicros.length;
    const min = new Float64Array(n);
    const max = new Float64Array(n);
    for (let i = 0, s = 0; i < n; i++, s += SLOTS) {
      min[i] = this.state[s + MIN];
      max[i] = this.state[s + MAX];
    }
    return { steps: this.steps, runs: this.runs, sums: this.sumsMicros, min, max };
  }
}
