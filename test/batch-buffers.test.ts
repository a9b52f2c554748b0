// A worker reuses its large arrays from chunk to chunk, and a batch's CSV goes through a fixed set
// of buffers that travel between the main thread and the workers: fresh arrays per chunk were
// garbage outside the JS heap, which only a full collection frees (tens of MB per thread). Reuse
// must never change a number or a byte: each reused array starts as a fresh one would.

import { describe, expect, it } from 'vitest';
import { CsvRows } from '../src/batch/csv.js';
import { type Pool, runBatch } from '../src/batch/index.js';
import { MAX_IN_FLIGHT } from '../src/batch/runBatch.js';
import { type ChunkTask, simulateChunk } from '../src/batch/simulate.js';
import { stdoutSink } from '../src/batch/sink.js';
import { mergeSparseInto, rangeCounts } from '../src/batch/sparseSeries.js';
import { planBatch } from '../src/cli/commands/batch.js';
import { METRIC_NAMES } from '../src/model/metrics.js';

const utf8 = new TextDecoder();

describe('a chunk computed again in the same thread', () => {
  it('gives the same summaries and rows: the arrays it reuses start empty', async () => {
    const { plan, sources } = await planBatch(['busan-truce', 'truce-lapses'], { runs: '200', steps: '8', baseline: 'busan-truce', csv: true });
    const task: ChunkTask = { plan, start: 40, end: 90, csv: true, sources };
    const first = simulateChunk(task);
    const firstRows = utf8.decode(first.csv!);
    // Another chunk between, as a worker would run: its counts must not leak into the next.
    simulateChunk({ ...task, start: 90, end: 140 });
    const again = simulateChunk(task);
    expect(again.series.map((s) => s.runs)).toEqual([50, 50, 50]);
    expect(again.series).toEqual(first.series);
    expect(utf8.decode(again.csv!)).toBe(firstRows);
  });
});

const csvPlanned = await planBatch(['busan-truce'], { runs: '30', steps: '4', csv: true });

describe('CSV rows written into a given buffer', () => {
  const { plan, sources } = csvPlanned;
  const rowsOf = (buffer?: ArrayBuffer) => {
    const result = simulateChunk({ plan, start: 0, end: 30, csv: true, sources, csvBuffer: buffer });
    return result.csv!;
  };

  it('are written into it when it is large enough, and are the same bytes', () => {
    const fresh = utf8.decode(rowsOf());
    const buffer = new ArrayBuffer(1 << 20);
    new Uint8Array(buffer).fill(0x41); // what a buffer holds from an earlier chunk
    const rows = rowsOf(buffer);
    expect(rows.buffer).toBe(buffer);
    expect(utf8.decode(rows)).toBe(fresh);
    expect(fresh.split('\n')).toHaveLength(30 * 4 + 1); // a row per run and step, each ending in a newline
  });

  it('go into a larger buffer when it is too small, the same bytes', () => {
    const fresh = utf8.decode(rowsOf());
    const small = new ArrayBuffer(100);
    const rows = rowsOf(small);
    expect(rows.buffer).not.toBe(small);
    expect(utf8.decode(rows)).toBe(fresh);
  });

  it('are a view of the rows only: take() ends the rows at what was written', () => {
    const rows = new CsvRows(plan, new ArrayBuffer(1 << 16));
    const metrics = METRIC_NAMES.length;
    rows.addRun(0, 7, new Float64Array(4 * metrics).fill(1.5));
    const bytes = rows.take();
    const text = utf8.decode(bytes);
    // 4 steps of `busan-truce,7,step,date` and every metric at 1.5: the last byte is a newline.
    expect(text.split('\n')).toHaveLength(5);
    expect(text.startsWith('busan-truce,7,0,')).toBe(true);
    expect(text.endsWith(`${',1.5'.repeat(metrics)}\n`)).toBe(true);
  });
});

describe('the touched bins of a chunk', () => {
  it('travel as ranges with their counts side by side, widened counts added, and merge into those bins', () => {
    const counts = new Uint16Array(20);
    counts.set([3, 0, 7], 2); // bins 2..4
    counts[10] = 1;
    counts[11] = 65_535;
    counts[19] = 4; // the last bin
    const more = new Uint32Array(20);
    more[11] = 100_000; // counts widened before: 65,535 + 100,000
    more[3] = 2;
    const ranges = new Int32Array([2, 5, 10, 12, 19, 20, 99, 99]); // the last pair is beyond n
    const got = rangeCounts(counts, more, ranges, 3);
    expect(Array.from(got.ranges)).toEqual([2, 5, 10, 12, 19, 20]);
    expect(Array.from(got.counts)).toEqual([3, 2, 7, 1, 165_535, 4]);
    expect(Array.from(rangeCounts(counts, null, ranges, 2).counts)).toEqual([3, 0, 7, 1, 65_535]);

    const into = { steps: 1, runs: 5, counts: new Uint32Array(20).fill(1), sums: [0n], min: new Float64Array([2]), max: new Float64Array([3]) };
    mergeSparseInto(into, { steps: 1, runs: 2, ...got, sums: [7n], min: new Float64Array([1]), max: new Float64Array([2.5]) });
    const want = new Array(20).fill(1);
    [[2, 4], [3, 3], [4, 8], [10, 2], [11, 165_536], [19, 5]].forEach(([k, c]) => (want[k] = c));
    expect(Array.from(into.counts)).toEqual(want);
    expect({ runs: into.runs, sums: into.sums, min: [...into.min], max: [...into.max] }).toEqual({ runs: 7, sums: [7n], min: [1], max: [3] });
    const beyond = { steps: 1, runs: 1, ranges: new Uint32Array([19, 21]), counts: new Uint32Array(2), sums: [0n], min: new Float64Array(1), max: new Float64Array(1) };
    expect(() => mergeSparseInto(into, beyond)).toThrow('cannot merge series of different shapes');
  });
});

describe("a batch's CSV buffers", () => {
  it('go round: a chunk writes into the buffer of one already written, never more buffers than chunks in flight', async () => {
    const { plan, sources } = await planBatch(['busan-truce'], { runs: '5000', steps: '4', workers: '2', csv: true });
    const seen = new Set<ArrayBuffer>();
    let given = 0;
    let tasks = 0;
    const pool: Pool = {
      run: async (task) => {
        tasks++;
        if (task.csvBuffer) given++;
        const r = simulateChunk(task as ChunkTask);
        seen.add(r.csv!.buffer as ArrayBuffer);
        return r;
      },
      warm: () => {},
      close: async () => {},
    };
    let text = '';
    await runBatch(plan, { workers: 2, sources, pool, csv: (bytes) => void (text += utf8.decode(bytes)) });
    expect(tasks).toBeGreaterThan(2 * MAX_IN_FLIGHT);
    // All but the first window of chunks get a buffer back; the buffers are those of the first window.
    expect(given).toBe(tasks - MAX_IN_FLIGHT);
    expect(seen.size).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    // And nothing written was overwritten: every run's rows, in order.
    const runs = text.split('\n').filter(Boolean).map((row) => Number(row.split(',')[1]));
    expect(runs).toHaveLength(5000 * 4);
    expect(runs.every((r, i) => r === Math.floor(i / 4))).toBe(true);
  });
});

describe('the stdout sink', () => {
  it('gives a stream other than the process stdout its own copy: the caller may reuse the bytes at once', async () => {
    const got: Uint8Array[] = [];
    const sink = stdoutSink({ write: (t) => (got.push(t as Uint8Array), true), once: () => undefined });
    const bytes = new TextEncoder().encode('a,b\n');
    await sink.write(bytes);
    bytes.fill(0x7a);
    expect(utf8.decode(got[0])).toBe('a,b\n');
  });
});
