// Checkpoints and part files whose fields have the wrong type or are missing. Taken on trust, such a
// file ends in a TypeError ("internal error", exit 1) or, for a checkpoint, a resume from nonsense.
// Each is refused when read: one line naming the file, the field and what is wrong, exit 2, nothing
// written.

import { afterAll, beforeAll, describe, it } from 'vitest';
import { Damaged, expectRefused } from './helpers/damage.js';

let d: Damaged;
beforeAll(async () => {
  d = await Damaged.create();
});
afterAll(() => d.remove());

const eachSeries = (g: Record<string, unknown>, f: (s: Record<string, unknown>) => unknown) => ({ ...g, series: (g.series as Record<string, unknown>[]).map(f) });

describe('a checkpoint with a field of the wrong type', () => {
  it('range missing', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, range: undefined })), /^: range: .*expected object/i);
  });
  it('runs_end a string', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: '3' })), /^: runs_end: .*expected number/i);
  });
  it('runs_end not a whole number', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: 2.5 })), /^: runs_end: .*expected int/i);
  });
});

describe('a part file with a field of the wrong type', () => {
  it('series missing', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, series: undefined })), /^: series: .*expected array/i);
  });
  it('shard missing', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, shard: undefined })), /^: shard: .*expected object/i);
  });
  it('plan missing', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, plan: undefined })), /^: plan: .*expected object/i);
  });
  it('sums not whole numbers', async () => {
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, sums: (s.sums as string[]).map(() => '1.5') }))), /^: series\[0\]\.sums\[0\]: expected a whole number in decimal$/);
  });
  it('min null where runs were done', async () => {
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, min: (s.min as unknown[]).map(() => null) }))), /^: series\[0\]\.min\[0\]\/max\[0\]: no value seen in runs that were done$/);
  });
});
