// Damaged, truncated and wrong-format checkpoints and part files: whatever is in the file, the user
// gets one line naming it and exit 2 (the code exitCodeFor gives), nothing is written, and nothing
// crashes. The commands run in-process (no worker starts before the checkpoint is read); two cases
// go through the CLI's own entry as well (in this process: the same program, streams and exit code).
// Fields of the wrong type are in checkpoint-validation.test.ts.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointPaths } from '../src/batch/checkpoint.js';
import { readCheckpoint } from '../src/batch/checkpointRead.js';
import { mergeCommand } from '../src/cli/commands/merge.js';
import { METRIC_NAMES } from '../src/model/metrics.js';
import { cliInProcess as cli } from './helpers/cli.js';
import { batchCommand } from '../src/cli/commands/batch.js';
import { DAMAGED, Damaged, expectRefused, FLAGS, inProcessPool, RANGE, SHARD } from './helpers/damage.js';

let d: Damaged;
beforeAll(async () => {
  d = await Damaged.create();
});
afterAll(() => d.remove());

/** Sums per series in this 3-step batch: one per (step, metric). */
const CELLS = 3 * METRIC_NAMES.length;
const eachSeries = (g: Record<string, unknown>, f: (s: Record<string, unknown>) => unknown) => ({ ...g, series: (g.series as Record<string, unknown>[]).map(f) });

describe('a checkpoint that cannot be resumed', () => {
  it('the checkpoint as written reads back (the cases below damage this one)', () => {
    const out = join(d.dir, 'good.json');
    d.goodCheckpoint(out);
    expect(readCheckpoint(checkpointPaths(out), d.plan, RANGE, d.identity(), false).runsEnd).toBe(0);
  });

  it('truncated half-way through', async () => {
    const text = JSON.stringify(d.goodCheckpoint(join(d.dir, 'half.json')));
    expectRefused(await d.resumeFrom(text.slice(0, Math.floor(text.length / 2))), /^ is not a batch checkpoint/);
  });

  it('empty, binary, or JSON that is not an object', async () => {
    for (const text of ['', '\u0000\u0001\u00ff', 'null', '[]', '42']) expectRefused(await d.resumeFrom(text), /^ is not a batch checkpoint/);
  });

  it('another format (a part file, or a later version)', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, format: 'tariff-sim-batch-part/1' })), /^ is not a batch checkpoint/);
    expectRefused(await d.resumeFrom((g) => ({ ...g, format: 'tariff-sim-batch-checkpoint/2' })), /^ is not a batch checkpoint/);
  });

  it('another batch', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, batch: 'f'.repeat(64) })), /different batch/);
  });

  it('runs done beyond the batch, or before its start (the range check)', async () => {
    // Every other field agrees with the runs claimed (the series hold that many runs), so only the
    // range check stands between this file and a summary of 6 runs in a batch of 5, exit 0.
    const beyond = (g: Record<string, unknown>) => eachSeries({ ...g, runs_end: RANGE.end + 1 }, (s) => ({ ...s, runs: RANGE.end + 1 }));
    expectRefused(await d.resumeFrom(beyond, { at: 'end' }), /^: runs_end: 6 is outside the batch's runs 0-5 /);
    // SHARD is runs 2-5: run 1 exists, but is not this shard's
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: SHARD.start - 1 }), { shard: true }), /^: runs_end: 1 is outside the batch's runs 2-5 /);
    // the bounds themselves are fine: resuming at the end has nothing left to run
    const out = join(d.dir, 'at-end.json');
    d.goodCheckpoint(out, 'end');
    expect(readCheckpoint(checkpointPaths(out), d.plan, RANGE, d.identity(), false).runsEnd).toBe(RANGE.end);
    d.goodCheckpoint(out, 'start', true);
    expect(readCheckpoint(checkpointPaths(out), d.plan, SHARD, d.identity(SHARD), false).runsEnd).toBe(SHARD.start);
  });

  it('a range edited to hold the runs claimed: the batch decides its range, not the file', async () => {
    const wider = (g: Record<string, unknown>) => eachSeries({ ...g, range: { start: 0, end: 6 }, runs_end: 6 }, (s) => ({ ...s, runs: 6 }));
    expectRefused(await d.resumeFrom(wider, { at: 'end' }), /^: range: runs 0-6, but the batch's runs are 0-5 /);
  });

  it('each refusal says the way on, and the way on works', async () => {
    const r = await d.resumeFrom((g) => ({ ...g, runs_end: 99 }));
    expectRefused(r, DAMAGED);
    await batchCommand(['busan-truce'], { ...FLAGS, out: r.out, fresh: true }, inProcessPool);
    expect(JSON.parse(readFileSync(r.out, 'utf8')).scenarios[0].runs).toBe(RANGE.end);
    expect(existsSync(r.bad), 'the damaged checkpoint is gone once the batch is done').toBe(false);
  });

  it('series missing, null, of another count, of another length, with counts past the last bin, or sums not numbers', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, series: undefined })), /^: series: .*expected array/i);
    expectRefused(await d.resumeFrom((g) => ({ ...g, series: [null] })), /^: series\[0\]: .*expected object/i);
    expectRefused(await d.resumeFrom((g) => ({ ...g, series: [] })), /^: series: 0 series, but the batch has 1 /);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, steps: 99 }))), /^: series\[0\]\.steps: 99, but the batch runs 3 /);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, counts: [1e9, 1] }))), /^: series\[0\]\.counts\[0\]: a bin outside the series /);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, sums: (s.sums as string[]).map(() => 'x') }))), /^: series\[0\]\.sums\[0\]: expected a whole number/);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, sums: (s.sums as string[]).slice(1) }))), new RegExp(`^: series\\[0\\]\\.sums: ${CELLS - 1} values, but the batch has ${CELLS} `));
  });
});

describe('part files that cannot be merged', () => {
  it('the two parts as written merge', async () => {
    const out = join(d.dir, 'merged-good.json');
    await mergeCommand([d.part2, d.part1], { out });
    expect(JSON.parse(readFileSync(out, 'utf8')).scenarios[0].scenario).toBe('busan-truce');
  });

  it('truncated, empty, or not JSON', async () => {
    const text = readFileSync(d.part2, 'utf8');
    for (const t of [text.slice(0, text.length >> 1), '', 'not json']) expectRefused(await d.mergeWith(t), /^: not a batch part file/);
  });

  it('another format (a checkpoint, or null)', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, format: 'tariff-sim-batch-checkpoint/1' })), /^: not a batch part file/);
    expectRefused(await d.mergeWith('null'), /^: not a batch part file/);
  });

  it('counts past the last bin, another number of series, or sums of another length', async () => {
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, counts: [1e9, 1] }))), /^: series\[0\]\.counts\[0\]: a bin outside the series$/);
    expectRefused(await d.mergeWith((g) => ({ ...g, series: [] })), /^: series: 0 series, but the batch has 1$/);
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, sums: [...(s.sums as string[]), '0'] }))), new RegExp(`^: series\\[0\\]\\.sums: ${CELLS + 1} values, but the batch has ${CELLS} `));
  });

  it('runs the part does not hold, or a shard not of its plan', async () => {
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, runs: 1e9 }))), /^: series\[0\]\.runs: 1000000000, but the file holds 3 runs$/);
    expectRefused(await d.mergeWith((g) => ({ ...g, shard: { ...(g.shard as object), start: 3 } })), /^: shard: runs 3-5, but shard 2\/2 of 5 runs is 2-5$/);
  });
});

describe('through the CLI', () => {
  it('batch --resume with a checkpoint whose runs lie beyond the batch: exit 2, one line, nothing written', async () => {
    const out = join(d.dir, 'cli.json');
    writeFileSync(checkpointPaths(out).state, JSON.stringify({ ...d.goodCheckpoint(out), runs_end: 99 }));
    const r = await cli(['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--seed', '7', '--workers', '1', '--json', '--out', out, '--resume']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tariff-sim: --resume: .*cli\.json\.checkpoint\.json: runs_end: 99 is outside the batch's runs 0-5 .*--fresh\)\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('merge with a truncated part: exit 2, one line naming it', async () => {
    const half = join(d.dir, 'cli-half.json');
    writeFileSync(half, readFileSync(d.part2, 'utf8').slice(0, 100));
    const r = await cli(['merge', d.part1, half, '--out', join(d.dir, 'cli-merged.json')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^tariff-sim: .*cli-half\.json: not a batch part file.*\n$/);
    expect(existsSync(join(d.dir, 'cli-merged.json'))).toBe(false);
  });
});
