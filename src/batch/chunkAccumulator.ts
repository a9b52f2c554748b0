// Accumulating one series over a chunk of runs, in the worker's hot loop: no allocation per value.
// What a value costs matters here (a 52-step run has 1,092, and the run between two adds evicts
// the accumulator from the cache), so runs are buffered a few at a time and then taken value by
// value across them: a value's running sum, min and max stay in registers and its bins in the
// cache while the buffered runs go by. A paired difference has its own loop rather than a branch
// per value; and a value equal to the first run's is only counted, to be added in at the next fold
// (about half of a scenario's values, the scripted ones, are the same in every run).

import type { Layout } from './bins.js';
import { binBases, METRICS, MICRO, type Series, totalBins } from './series.js';
import { rangeCounts, type SparseSeries } from './sparseSeries.js';

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

/** Runs buffered before they are added (divides FOLD_RUNS: a fold always finds the buffer empty). */
const BUFFERED_RUNS = 16;

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
function binIn(x: number, invWidth: number, firstBin: number, lastBin: number): number {
  const k = roundHalfUp(x * invWidth) - firstBin;
  return k < 0 ? 0 : k > lastBin ? lastBin : k;
}

/** The same, with the metric's layout read from perMetric at p. */
function binOf(x: number, perMetric: Float64Array, p: number): number {
  return binIn(x, perMetric[p + INV_WIDTH], perMetric[p + FIRST_BIN], perMetric[p + LAST_BIN]);
}

/**
 * The large arrays of accumulators that are done with, for the next chunk's (a worker runs one chunk
 * at a time). Fresh ones every chunk (some 3 MB for a 52-step series) were garbage outside the JS
 * heap that only a full collection frees: tens of MB per worker thread before one came. Their counts
 * are all zero again (sparseResult clears what the chunk touched).
 */
const spares: { counts: Uint16Array; buffered: Float64Array; bufferedMinus: Float64Array }[] = [];
/** The bin ranges a chunk touched (sparseResult): reused, two numbers per value. */
let ranges = new Int32Array(0);
const MAX_SPARES = 8;

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
  /** Runs not yet added: run r's values at r * n (and what they are paired with, for a difference). */
  private readonly buffered: Float64Array;
  private readonly bufferedMinus: Float64Array;
  private bufferedRuns = 0;

  constructor(
    private readonly steps: number,
    layouts: readonly Layout[],
    private readonly label: string,
  ) {
    const n = steps * METRICS;
    const bins = totalBins(layouts) * steps;
    const spare = spares.findIndex((x) => x.counts.length === bins && x.buffered.length === n * BUFFERED_RUNS);
    const reused = spare < 0 ? null : spares.splice(spare, 1)[0];
    this.counts = reused ? reused.counts : new Uint16Array(bins);
    this.sumsMicros = new Array<bigint>(n).fill(0n);
    this.state = new Float64Array(n * SLOTS);
    for (let s = 0; s < n * SLOTS; s += SLOTS) {
      this.state[s + FIRST] = NaN; // equal to nothing
      this.state[s + MIN] = Infinity;
      this.state[s + MAX] = -Infinity;
    }
    this.firstMinus = new Float64Array(n);
    // Written before they are read (bufferedRuns counts what they hold): no need to clear them.
    this.buffered = reused ? reused.buffered : new Float64Array(n * BUFFERED_RUNS);
    this.bufferedMinus = reused ? reused.bufferedMinus : new Float64Array(n * BUFFERED_RUNS);
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
    const n = this.state.length / SLOTS;
    if (values.length !== n || (minus && minus.length !== n)) throw new Error(`${this.label}: a run of ${values.length} values, expected ${n}`);
    this.buffered.set(values, this.bufferedRuns * n);
    if (minus) this.bufferedMinus.set(minus, this.bufferedRuns * n);
    this.runs++;
    if (++this.bufferedRuns === BUFFERED_RUNS) this.addBuffered();
    if (this.runs % FOLD_RUNS === 0) this.fold();
  }

  /** Adds the buffered runs, in run order per value (sums of integers and extrema: the order does not matter). */
  private addBuffered(): void {
    const k = this.bufferedRuns;
    if (k === 0) return;
    const n = this.state.length / SLOTS;
    const firstRun = Number.isNaN(this.state[FIRST]); // the chunk's first run is among them
    if (this.paired) this.addDifferences(k);
    else this.addValues(k);
    if (firstRun) {
      // Only now that the first run is added in full: min and max hold it, so skipping a repeat cannot change them.
      for (let i = 0; i < n; i++) this.state[i * SLOTS + FIRST] = this.buffered[i];
      if (this.paired) this.firstMinus.set(this.bufferedMinus.subarray(0, n));
    }
    this.bufferedRuns = 0;
  }

  private addValues(k: number): void {
    const { state, perMetric, binStart, counts, buffered } = this;
    const n = state.length / SLOTS;
    for (let i = 0, s = 0, p = 0; i < n; i++, s += SLOTS, p = p === (METRICS - 1) * 3 ? 0 : p + 3) {
      const first = state[s + FIRST];
      const invWidth = perMetric[p + INV_WIDTH];
      const firstBin = perMetric[p + FIRST_BIN];
      const lastBin = perMetric[p + LAST_BIN];
      const start = binStart[i];
      let repeats = 0;
      let sum = 0;
      let min = state[s + MIN];
      let max = state[s + MAX];
      for (let r = 0, at = i; r < k; r++, at += n) {
        const x = buffered[at];
        if (x === first) {
          repeats++;
          continue;
        }
        if (!(Math.abs(x) < LIMIT)) this.outOfRange(k); // NaN too
        // Micro-units are rounded per value, so the sum is exact whatever order runs arrive in.
        sum += roundHalfUp(x * MICRO);
        if (x < min) min = x;
        if (x > max) max = x;
        counts[(start + binIn(x, invWidth, firstBin, lastBin)) | 0]++; // an int32 index is cheaper
      }
      state[s + REPEATS] += repeats;
      state[s + SUM_MICROS] += sum;
      state[s + MIN] = min;
      state[s + MAX] = max;
    }
  }

  private addDifferences(k: number): void {
    const { state, firstMinus, perMetric, binStart, counts, buffered, bufferedMinus } = this;
    const n = state.length / SLOTS;
    for (let i = 0, s = 0, p = 0; i < n; i++, s += SLOTS, p = p === (METRICS - 1) * 3 ? 0 : p + 3) {
      const first = state[s + FIRST];
      const firstW = firstMinus[i];
      const invWidth = perMetric[p + INV_WIDTH];
      const firstBin = perMetric[p + FIRST_BIN];
      const lastBin = perMetric[p + LAST_BIN];
      const start = binStart[i];
      let repeats = 0;
      let sum = 0;
      let min = state[s + MIN];
      let max = state[s + MAX];
      for (let r = 0, at = i; r < k; r++, at += n) {
        const v = buffered[at];
        const w = bufferedMinus[at];
        if (v === first && w === firstW) {
          repeats++;
          continue;
        }
        const x = v - w;
        if (!(Math.abs(x) < LIMIT)) this.outOfRange(k);
        // The difference of the rounded values: the difference of the two series' sums, exactly.
        sum += microsOf(v) - microsOf(w);
        if (x < min) min = x;
        if (x > max) max = x;
        counts[(start + binIn(x, invWidth, firstBin, lastBin)) | 0]++;
      }
      state[s + REPEATS] += repeats;
      state[s + SUM_MICROS] += sum;
      state[s + MIN] = min;
      state[s + MAX] = max;
    }
  }

  /**
   * Throws for the first buffered run with a value outside the summarisable range, at its first
   * such value metric by metric then step by step (as always reported).
   */
  private outOfRange(k: number): void {
    const n = this.state.length / SLOTS;
    for (let r = 0; r < k; r++)
      for (let m = 0; m < METRICS; m++)
        for (let t = 0; t < this.steps; t++) {
          const i = r * n + t * METRICS + m;
          const x = this.paired ? this.buffered[i] - this.bufferedMinus[i] : this.buffered[i];
          if (!(x < LIMIT && x > -LIMIT)) throw new Error(`${this.label}: metric ${m} at step ${t} is ${x}, outside the summarisable range`);
        }
  }

  /** Adds the counted repeats in, moves the float partial sums into the exact bigint ones, and widens the counts when due. */
  private fold(): void {
    this.addBuffered();
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
    const n = this.touchedRanges();
    const sparse = rangeCounts(this.counts, this.widened, ranges, n);
    for (let j = 0; j < n; j++) this.counts.fill(0, ranges[2 * j], ranges[2 * j + 1]);
    if (spares.length === MAX_SPARES) spares.shift();
    spares.push({ counts: this.counts, buffered: this.buffered, bufferedMinus: this.bufferedMinus });
    return { ...rest, ...sparse };
  }

  /**
   * Into `ranges`, ascending (metric by metric, step by step: the counts' layout), the bins from each
   * value's minimum to its maximum: every value it counted lies between them, as binning is monotone.
   * How many ranges.
   */
  private touchedRanges(): number {
    const { state, binStart, perMetric, steps } = this;
    if (ranges.length < 2 * steps * METRICS) ranges = new Int32Array(2 * steps * METRICS);
    let n = 0;
    for (let m = 0; m < METRICS; m++)
      for (let t = 0; t < steps; t++) {
        const i = t * METRICS + m;
        const min = state[i * SLOTS + MIN];
        if (!(min <= state[i * SLOTS + MAX])) continue; // no run (Infinity, -Infinity)
        ranges[2 * n] = binStart[i] + binOf(min, perMetric, m * 3);
        ranges[2 * n + 1] = binStart[i] + binOf(state[i * SLOTS + MAX], perMetric, m * 3) + 1;
        n++;
      }
    return n;
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
