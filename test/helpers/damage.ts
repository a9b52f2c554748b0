// Test helpers: a small batch's checkpoint and part files, damaged on purpose, fed to the commands
// in-process; what comes back is what the user would see (exit code and one line, via exitCodeFor).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { batchIdentity, checkpointPaths, writeCheckpoint } from '../../src/batch/checkpoint.js';
import { partFile, type Plan } from '../../src/batch/index.js';
import { emptySummaries } from '../../src/batch/runBatch.js';
import { batchCommand, planBatch } from '../../src/cli/commands/batch.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { exitCodeFor } from '../../src/cli/errors.js';

export const RANGE = { start: 0, end: 5 };
export const FLAGS = { runs: '5', steps: '3', seed: '7', workers: '1', json: true };
export const DAMAGED = /damaged|not a batch checkpoint|invalid|expected/;

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
  private readonly planned = planBatch(['busan-truce'], FLAGS);
  readonly plan: Plan = this.planned.plan;
  readonly part1 = join(this.dir, 'part1.json');
  readonly part2 = join(this.dir, 'part2.json');
  private n = 0;

  constructor() {
    writeFileSync(this.part1, JSON.stringify(partFile(this.plan, { k: 1, n: 2, start: 0, end: 3 }, emptySummaries(this.plan), this.planned.inputs)));
    writeFileSync(this.part2, JSON.stringify(partFile(this.plan, { k: 2, n: 2, start: 3, end: 5 }, emptySummaries(this.plan), this.planned.inputs)));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  identity(): string {
    return batchIdentity(this.plan, RANGE, false, this.planned.inputs);
  }

  /** A whole checkpoint of this batch beside `out`, as the command writes it, returned as parsed JSON. */
  goodCheckpoint(out: string, runsEnd = 0): Record<string, unknown> {
    const paths = checkpointPaths(out);
    writeCheckpoint(paths, { batch: this.identity(), inputs: this.planned.inputs, range: RANGE, runs_end: runsEnd, csv_bytes: null }, emptySummaries(this.plan));
    return JSON.parse(readFileSync(paths.state, 'utf8')) as Record<string, unknown>;
  }

  /** `batch --resume` from a checkpoint holding the damaged text. */
  async resumeFrom(damage: Damage): Promise<Answer> {
    const out = join(this.dir, `out${this.n++}.json`);
    const bad = checkpointPaths(out).state;
    writeFileSync(bad, written(this.goodCheckpoint(out), damage));
    try {
      await batchCommand(['busan-truce'], { ...FLAGS, out, resume: true }, null);
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

/** Refused as bad input: exit 2, one line naming the damaged file and saying what is wrong, nothing written. */
export function expectRefused(r: Answer, says: RegExp, namesFile = true): void {
  expect(r.code, r.message).toBe(2);
  expect(r.message.split('\n')).toHaveLength(1);
  if (namesFile) expect(r.message).toContain(r.bad);
  expect(r.message).toMatch(says);
  expect(existsSync(r.out), 'no output written').toBe(false);
}
