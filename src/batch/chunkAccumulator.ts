// Accumulating one series over a chunk of runs, in the worker's hot loop: no allocation per value.

import type { Layout } from './bins.js';
import { binBases, METRICS, MICRO, type Series, totalBins } from './series.js';

/** Fold float partial sums into exact bigints this often: 512 runs of |x| < 1.7e7 stay below 2^53. */
const FOLD_RUNS = 512;
const LIMIT = 1.7e7;

export class ChunkAccumulator {
  private readonly counts: Uint32Array;
  private readonly partial: Float64Array;
  private readonly sums: bigint[];
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly bases: number[];
  private runs = 0;

  constructor(
    private readonly steps: number,
    private readonly layouts: readonly Layout[],
    private readonly label: string,
  ) {
    this.counts = new Uint32Array(totalBins(layouts) * steps);
    this.partial = new Float64Array(steps * METRICS);
    this.sums = new Array<bigint>(steps * METRICS).fill(0n);
    this.min = new Float64Array(steps * METRICS).fill(Infinity);
    this.max = new Float64Array(steps * METRICS).fill(-Infinity);
    this.bases = binBases(layouts).map((b) => b * steps);
  }

  /** One run's values, step-major (t * METRICS + m); `minus`, if given, is subtracted (paired difference). */
  add(values: Float64Array, minus: Float64Array | null = null): void {
    const { steps, layouts, bases, counts, partial, min, max } = this;
    for (let m = 0; m < METRICS; m++) {
      const l = layouts[m];
      const inv = 1 / l.width;
      const base = bases[m];
      for (let t = 0; t < steps; t++) {
        const i = t * METRICS + m;
        const x = minus ? values[i] - minus[i] : values[i];
        if (!(x < LIMIT && x > -LIMIT)) throw new Error(`${this.label}: metric ${m} at step ${t} is ${x}, outside the summarisable range`);
        // Micro-units are rounded per value, so the sum is exact whatever order runs arrive in.
        partial[i] += minus ? Math.round(values[i] * MICRO) - Math.round(minus[i] * MICRO) : Math.round(x * MICRO);
        if (x < min[i]) min[i] = x;
        if (x > max[i]) max[i] = x;
        let k = Math.round(x * inv) - l.first;
        if (k < 0) k = 0;
        else if (k >= l.bins) k = l.bins - 1;
        counts[base + t * l.bins + k]++;
      }
    }
    if (++this.runs % FOLD_RUNS === 0) this.fold();
  }

  private fold(): void {
    for (let i = 0; i < this.partial.length; i++) {
      if (this.partial[i] !== 0) this.sums[i] += BigInt(this.partial[i]);
      this.partial[i] = 0;
    }
  }

  result(): Series<Uint32Array> {
    this.fold();
    return { steps: this.steps, runs: this.runs, counts: this.counts, sums: this.sums, min: this.min, max: this.max };
  }
}
