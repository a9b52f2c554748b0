// Damaged, truncated and wrong-format checkpoints and part files: whatever is in the file, the user
// gets one line naming it and exit 2 (the code exitCodeFor gives), nothing is written, and nothing
// crashes. The commands run in-process (no worker starts before the checkpoint is read); two cases
// go through the real CLI as well. Fields of the wrong type are in checkpoint-validation.test.ts.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointPaths, readCheckpoint } from '../src/batch/checkpoint.js';
import { mergeCommand } from '../src/cli/commands/merge.js';
import { cli } from './helpers/cli.js';
import { DAMAGED, Damaged, expectRefused, RANGE } from './helpers/damage.js';

let d: Damaged;
beforeAll(() => {
  d = new Damaged();
});
afterAll(() => d.remove());

const eachSeries = (g: Record<string, unknown>, f: (s: Record<string, unknown>) => unknown) => ({ ...g, series: (g.series as Record<string, unknown>[]).map(f) });

describe('a checkpoint that cannot be resumed', () => {
  it('the checkpoint as written reads back (the cases below damage this one)', () => {
    const out = join(d.dir, 'good.json');
    d.goodCheckpoint(out, 0);
    expect(readCheckpoint(checkpointPaths(out), d.plan, d.identity(), false).runsEnd).toBe(0);
  });

  it('truncated half-way through', async () => {
    const text = JSON.stringify(d.goodCheckpoint(join(d.dir, 'half.json')));
    expectRefused(await d.resumeFrom(text.slice(0, Math.floor(text.length / 2))), /not a batch checkpoint/);
  });

  it('empty, binary, or JSON that is not an object', async () => {
    for (const text of ['', '\u0000\u0001\u00ff', 'null', '[]', '42']) expectRefused(await d.resumeFrom(text), /not a batch checkpoint/);
  });

  it('another format (a part file, or a later version)', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, format: 'tariff-sim-batch-part/1' })), /not a batch checkpoint/);
    expectRefused(await d.resumeFrom((g) => ({ ...g, format: 'tariff-sim-batch-checkpoint/2' })), /not a batch checkpoint/);
  });

  it('another batch', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, batch: 'f'.repeat(64) })), /different batch/);
  });

  it('runs done beyond the batch, or before its start (the range check)', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: RANGE.end + 1 })), DAMAGED);
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: RANGE.start - 1 })), DAMAGED);
    // the bounds themselves are fine: resuming at the end has nothing left to run
    const out = join(d.dir, 'at-end.json');
    d.goodCheckpoint(out, RANGE.end);
    expect(readCheckpoint(checkpointPaths(out), d.plan, d.identity(), false).runsEnd).toBe(RANGE.end);
  });

  it('series missing, null, of another count, of another length, with counts past the last bin, or sums not numbers', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, series: undefined })), DAMAGED);
    expectRefused(await d.resumeFrom((g) => ({ ...g, series: [null] })), DAMAGED);
    expectRefused(await d.resumeFrom((g) => ({ ...g, series: [] })), DAMAGED);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, steps: 99 }))), DAMAGED);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, counts: [1e9, 1] }))), DAMAGED);
    expectRefused(await d.resumeFrom((g) => eachSeries(g, (s) => ({ ...s, sums: (s.sums as string[]).map(() => 'x') }))), DAMAGED);
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
    for (const t of [text.slice(0, text.length >> 1), '', 'not json']) expectRefused(await d.mergeWith(t), /not a batch part file/);
  });

  it('another format (a checkpoint, or null)', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, format: 'tariff-sim-batch-checkpoint/1' })), /not a batch part file/);
    expectRefused(await d.mergeWith('null'), /not a batch part file/);
  });

  it('counts past the last bin, or another number of series', async () => {
    // The bin check's message does not name the file (yet).
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, counts: [1e9, 1] }))), /bin counts beyond the plan/, false);
    expectRefused(await d.mergeWith((g) => ({ ...g, series: [] })), /0 series, expected 1/);
  });
});

describe('through the CLI', () => {
  it('batch --resume with a checkpoint whose runs lie beyond the batch: exit 2, one line, nothing written', async () => {
    const out = join(d.dir, 'cli.json');
    writeFileSync(checkpointPaths(out).state, JSON.stringify({ ...d.goodCheckpoint(out), runs_end: 99 }));
    const r = await cli(['batch', 'busan-truce', '--runs', '5', '--steps', '3', '--seed', '7', '--workers', '1', '--json', '--out', out, '--resume']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tariff-sim: --resume: .*cli\.json\.checkpoint\.json .*\n$/);
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
