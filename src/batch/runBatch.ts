// Running a batch (or one shard of it) on the worker pool: chunks in run-index order, a bounded
// window of chunks in flight, CSV handed on in run order, summaries merged exactly.

import { DIFF_LAYOUTS, METRIC_LAYOUTS } from './bins.js';
import { chunks, chunkSize, type Plan, seriesOrder } from './plan.js';
import { MAX_WORKERS, type Pool, workerPool } from './pool.js';
import type { ChunkResult } from './simulate.js';
import { emptySeries, type Series } from './series.js';
import { mergeSparseInto } from './sparseSeries.js';
import type { ScenarioSource } from '../scenario/compile.js';

/** Chunks dispatched and not yet merged and written: two per thread at MAX_WORKERS. */
export const MAX_IN_FLIGHT = 2 * MAX_WORKERS;

export interface BatchOptions {
  workers: number;
  /** The scenarios as data, by file (Scenario.source): the workers compile them without reading the files. */
  sources?: Record<string, ScenarioSource>;
  /** The run indices to compute (a shard); default all of [0, plan.runs). */
  range?: { start: number; end: number };
  /**
   * Receives the CSV rows of each chunk, in run order; awaited (back-pressure). Once it resolves the
   * bytes are done with: their buffer carries a later chunk's rows.
   */
  csv?: (bytes: Uint8Array) => void | Promise<void>;
  /** Runs done so far (of this range). */
  progress?: (runsDone: number) => void;
  /** A pool to use (and leave open), else one is started and closed for this batch. */
  pool?: Pool;
  /** Summaries of the runs before range.start, already done (a resumed batch); merged into. */
  initial?: Series[];
  /** Called after each chunk is merged and its CSV handed on: runs [range.start, runsEnd) are done. */
  afterChunk?: (runsEnd: number, merged: Series[]) => void | Promise<void>;
  /** Aborting stops dispatching and ends the pool; runBatch then throws Interrupted. */
  signal?: AbortSignal;
}

/** A batch stopped by its signal: the runs before `runsEnd` are done and summarised in `series`. */
export class Interrupted extends Error {
  override name = 'Interrupted';
  constructor(
    readonly runsEnd: number,
    readonly series: Series[],
  ) {
    super(`interrupted after run ${runsEnd}`);
  }
}

/**
 * A chunk's result, or 'aborted' if the signal fires first. The listener is removed once the chunk
 * settles: racing every chunk against one long-lived promise would keep every result alive.
 */
function orAbort<T>(chunk: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'aborted'> {
  if (!signal) return chunk;
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    chunk.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** The empty summaries of a plan's series, in seriesOrder. */
export function emptySummaries(plan: Plan): Series[] {
  return seriesOrder(plan).map(({ arm, minus }) => emptySeries(plan.arms[arm].steps, minus === null ? METRIC_LAYOUTS : DIFF_LAYOUTS));
}

export async function runBatch(plan: Plan, opts: BatchOptions): Promise<Series[]> {
  const range = opts.range ?? { start: 0, end: plan.runs };
  const size = chunkSize(range.end - range.start, opts.workers, plan.arms.length, Boolean(opts.csv));
  const list = chunks(range.start, range.end, size, opts.workers);
  const merged = opts.initial ?? emptySummaries(plan);
  if (list.length === 0) return merged;
  const pool: Pool = opts.pool ?? workerPool(Math.min(opts.workers, MAX_WORKERS, list.length));
  // A fixed number of chunks in flight, whatever the worker count: when the sink is slower than the
  // workers, they wait, and the main thread never holds more than MAX_IN_FLIGHT chunks' results.
  const window = MAX_IN_FLIGHT;
  const inFlight = new Map<number, Promise<ChunkResult>>();
  // The buffers of CSV rows already written, for the next chunks to write into: at most one per
  // chunk in flight. Fresh bytes for every chunk were garbage outside the JS heap, which only a full
  // collection frees: some 64 MB of them on this thread before one came.
  const csvBuffers: ArrayBuffer[] = [];
  let launched = 0;
  let done = 0;
  try {
    for (let j = 0; j < list.length; j++) {
      // Only between chunks: what is merged, written and checkpointed always ends at a chunk's end.
      // One turn of the event loop first: a signal that came while this thread was busy (or stopped)
      // is handled there, where the finished chunks' messages would otherwise all be merged first.
      if (opts.signal) await new Promise((r) => setImmediate(r));
      if (opts.signal?.aborted) throw new Interrupted(list[j].start, merged);
      while (launched < list.length && launched < j + window) {
        const p = pool.run({ plan, start: list[launched].start, end: list[launched].end, csv: Boolean(opts.csv), sources: opts.sources, csvBuffer: csvBuffers.pop() });
        p.catch(() => {}); // awaited in order below; this only keeps a later failure from going unhandled
        inFlight.set(launched++, p);
      }
      const r = await orAbort(inFlight.get(j)!, opts.signal);
      if (r === 'aborted') throw new Interrupted(list[j].start, merged);
      inFlight.delete(j);
      r.series.forEach((s, i) => mergeSparseInto(merged[i], s));
      if (opts.csv && r.csv !== null) {
        await opts.csv(r.csv);
        csvBuffers.push(r.csv.buffer as ArrayBuffer);
      }
      done += r.end - r.start;
      opts.progress?.(done);
      await opts.afterChunk?.(r.end, merged);
    }
  } finally {
    // Destroying the pool terminates workers mid-chunk: an interrupted batch stops at once.
    if (!opts.pool) await pool.close();
  }
  return merged;
}
