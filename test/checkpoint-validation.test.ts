// Checkpoints and part files whose fields have the wrong type or are missing. The readers take
// these fields on trust today: such a file ends in a TypeError ("internal error", exit 1) or, for a
// checkpoint, a resume from nonsense. Validating the files' shape when they are read makes every
// case here pass: one line naming the file, exit 2, nothing written.

import { afterAll, beforeAll, describe, it } from 'vitest';
import { DAMAGED, Damaged, expectRefused } from './helpers/damage.js';

let d: Damaged;
beforeAll(() => {
  d = new Damaged();
});
afterAll(() => d.remove());

const eachSeries = (g: Record<string, unknown>, f: (s: Record<string, unknown>) => unknown) => ({ ...g, series: (g.series as Record<string, unknown>[]).map(f) });

describe('a checkpoint with a field of the wrong type', () => {
  it('range missing', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, range: undefined })), DAMAGED);
  });
  it('runs_end a string', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: '3' })), DAMAGED);
  });
  it('runs_end not a whole number', async () => {
    expectRefused(await d.resumeFrom((g) => ({ ...g, runs_end: 2.5 })), DAMAGED);
  });
});

describe('a part file with a field of the wrong type', () => {
  const SAYS = /part|series|shard|plan|sums|expected|invalid/;
  it('series missing', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, series: undefined })), SAYS);
  });
  it('shard missing', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, shard: undefined })), SAYS);
  });
  it('plan missing', async () => {
    expectRefused(await d.mergeWith((g) => ({ ...g, plan: undefined })), SAYS);
  });
  it('sums not whole numbers', async () => {
    expectRefused(await d.mergeWith((g) => eachSeries(g, (s) => ({ ...s, sums: (s.sums as string[]).map(() => '1.5') }))), SAYS);
  });
});
