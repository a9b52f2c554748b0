// Test helpers: a small batch's checkpoint and part files, damaged on purpose, fed to the commands
// in-process; what comes back is what the user would see (exit code and one line, via exitCodeFor).
// The good files are the command's own: the parts are written by `batch --shard k/2`, and a
// checkpoint's series are the runs it says are done, so that each damage below is the only fault.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { batchIdentity, checkpointPaths, writeCheckpoint } from '../../src/batch/checkpoint.js';
import { type Plan, type Pool, runBatch, shardRange } from '../../src/batch/index.js';
import { emptySummaries } from '../../src/batch/runBatch.js';
import type { Series } from '../../src/batch/series.js';
import { type ChunkTask, simulateChunk } from '../../src/batch/simulate.js';
import { batchCommand, planBatch, type PlannedBatch } from '../../src/cli/commands/batch.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { exitCodeFor } from '../../src/cli/errors.js';

export const RANGE = { start: 0, end: 5 };
export const FLAGS = { runs: '5', steps: '3', seed: '7', workers: '1', json: true };
/** The second of two shards: its range starts after 0, so "before its start" is a run index that exists. */
export const SHARD = { k: 2, n: 2, ...shardRange(5, 2, 2) };
const SHARD_FLAGS = { runs: '5', steps: '3', seed: '7', workers: '1', shard: `${SHARD.k}/${SHARD.n}` };
/** What every refusal of a damaged checkpoint says besides its field and problem: the way on. */
export const DAMAGED = /\(the checkpoint is damaged: start again with --fresh\)$/;

/** Chunks computed on this thread: no worker starts, and the results are the workers' own. */
export const inProcessPool: Pool = {
  run: async (task) => simulateChunk(task as ChunkTask),
  warm: () => {},
  close: async () => {},
};

export interface Answer {
  code: number;
  message: string;
  /** The output file the command was given (it must not exist after a refusal). */
  out: string;
  /** The damaged file. */
  bad: string;
}

type Damage = string | ((good: Record<string, unknown>) => unknown);
const written = (good: Record<string, unknown>, damage: Damage) => (typeof damage === 'string' ? damage : JSON.stringify(damage(good)));

export class Damaged {
  readonly dir = mkdtempSync(join(tmpdir(), 'tariff-sim-damage-'));
  readonly plan: Plan;
  readonly part1 = join(this.dir, 'part1.json');
  readonly part2 = join(this.dir, 'part2.json');
  private n = 0;
  /** The summaries of the runs of RANGE and of SHARD, as the batch computes them. */
  private done: Series[] = [];
  private shardDone: Series[] = [];

  private constructor(private readonly planned: PlannedBatch) {
    this.plan = planned.plan;
  }

  /** The parts written by the command itself, and the series a checkpoint of finished runs holds. */
  static async create(): Promise<Damaged> {
    const d = new Damaged(await planBatch(['busan-truce'], FLAGS));
    for (const [k, part] of [[1, d.part1], [2, d.part2]] as const) {
      await batchCommand(['busan-truce'], { ...SHARD_FLAGS, shard: `${k}/2`, out: part }, inProcessPool);
    }
    d.done = await runBatch(d.plan, { workers: 1, pool: inProcessPool, range: RANGE, sources: d.planned.sources });
    d.shardDone = await runBatch(d.plan, { workers: 1, pool: inProcessPool, range: SHARD, sources: d.planned.sources });
    return d;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  identity(range: { start: number; end: number } = RANGE): string {
    return batchIdentity(this.plan, { start: range.start, end: range.end }, false, this.planned.inputs);
  }

  /**
   * A whole checkpoint of this batch beside `out`, as the command writes it, returned as parsed
   * JSON: none of its runs done (`at: 'start'`) or all of them (`'end'`); of the whole batch or of SHARD.
   */
  goodCheckpoint(out: string, at: 'start' | 'end' = 'start', shard = false): Record<string, unknown> {
    const paths = checkpointPaths(out);
    const range = shard ? SHARD : RANGE;
    const series = at === 'start' ? emptySummaries(this.plan) : shard ? this.shardDone : this.done;
    const cp = { batch: this.identity(range), inputs: this.planned.inputs, range: { start: range.start, end: range.end }, runs_end: range[at], csv_bytes: null };
    writeCheckpoint(paths, cp, series);
    return JSON.parse(readFileSync(paths.state, 'utf8')) as Record<string, unknown>;
  }

  /** `batch --resume` from a checkpoint holding the damaged text (`from`: which good checkpoint is damaged). */
  async resumeFrom(damage: Damage, from: { at?: 'start' | 'end'; shard?: boolean } = {}): Promise<Answer> {
    const out = join(this.dir, `out${this.n++}.json`);
    const bad = checkpointPaths(out).state;
    writeFileSync(bad, written(this.goodCheckpoint(out, from.at, from.shard), damage));
    try {
      await batchCommand(['busan-truce'], { ...(from.shard ? SHARD_FLAGS : FLAGS), out, resume: true }, inProcessPool);
    } catch (e) {
      return { ...exitCodeFor(e), out, bad };
    }
    return { code: 0, message: '', out, bad };
  }

  /** `merge` of part 1 with a damaged part 2. */
  async mergeWith(damage: Damage): Promise<Answer> {
    const bad = join(this.dir, `bad-part${this.n}.json`);
    const out = join(this.dir, `merged${this.n++}.json`);
    writeFileSync(bad, written(JSON.parse(readFileSync(this.part2, 'utf8')) as Record<string, unknown>, damage));
    try {
      await mergeCommand([this.part1, bad], { out });
    } catch (e) {
      return { ...exitCodeFor(e), out, bad };
    }
    return { code: 0, message: '', out, bad };
  }
}

/**
 * Refused as bad input: exit 2, one line naming the damaged file and saying what is wrong (`says`:
 * the field and its problem, right after the file's name), nothing written.
 */
export function expectRefused(r: Answer, says: RegExp): void {
  expect(r.code, r.message).toBe(2);
  expect(r.message.split('\n')).toHaveLength(1);
  expect(r.message).toContain(r.bad);
  const after = r.message.slice(r.message.indexOf(r.bad) + r.bad.length);
  expect(after, r.message).toMatch(says);
  expect(existsSync(r.out), 'no output written').toBe(false);
}
