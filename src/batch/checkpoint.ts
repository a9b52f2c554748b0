// A batch's checkpoint, kept beside its output: which batch it is (a hash of everything its numbers
// depend on), how far it got (every run before `runs_end`, in run order), those runs' exact
// summaries (the part-file encoding, so resuming adds integers and gives the same bytes) and, for
// CSV, how many bytes of the rows file hold exactly those runs' rows.

import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { BatchInputs } from './checkpointSchema.js';
import { sha256 } from './inputs.js';
import { encodeSeries, type SeriesPart } from './part.js';
import type { Plan } from './plan.js';
import type { Series } from './series.js';

export const CHECKPOINT_FORMAT = 'tariff-sim-batch-checkpoint/1';

export interface CheckpointFile {
  format: string;
  /** batchIdentity: a resume must be the same batch. */
  batch: string;
  /** The version and the files the identity covers, by label: a mismatch names the changed one. */
  inputs: BatchInputs;
  range: { start: number; end: number };
  runs_end: number;
  csv_bytes: number | null;
  series: SeriesPart[];
}

export interface CheckpointPaths {
  state: string;
  /** The CSV rows so far (renamed to the output when the batch completes). */
  rows: string;
}

/** A checkpoint that cannot be resumed: one line, exit 2. */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

export function checkpointPaths(out: string): CheckpointPaths {
  return { state: `${out}.checkpoint.json`, rows: `${out}.checkpoint.rows` };
}

/** Removes a file if it is there; a path that cannot exist (its directory is a file, or missing) is gone already. */
function removeFile(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
  }
}

/**
 * Everything that decides the bytes: the plan without file locations (seed, runs, steps, sweep,
 * baseline), the shard's range, CSV or not, and the inputs (the version, the scenario and seed files
 * by content: an edited file is another batch).
 */
export function batchIdentity(plan: Plan, range: { start: number; end: number }, csv: boolean, inputs: BatchInputs): string {
  const arms = plan.arms.map(({ file: _file, ...rest }) => rest);
  return sha256(JSON.stringify({ plan: { ...plan, arms }, range, csv, inputs }));
}

/** Written beside and renamed over the old one: a checkpoint on disk is always whole. */
export function writeCheckpoint(paths: CheckpointPaths, cp: Omit<CheckpointFile, 'format' | 'series'>, series: Series[]): void {
  const tmp = `${paths.state}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify({ format: CHECKPOINT_FORMAT, ...cp, series: series.map(encodeSeries) }));
    renameSync(tmp, paths.state);
  } catch (e) {
    removeFile(tmp); // a full disk must not keep half a checkpoint around
    throw e;
  }
}

export function removeCheckpoint(paths: CheckpointPaths): void {
  removeFile(paths.state);
  removeFile(paths.rows);
}

/** How many runs an existing checkpoint says are done, or null if it cannot tell (for a message only). */
export function interruptedRuns(paths: CheckpointPaths): number | null {
  try {
    const cp = JSON.parse(readFileSync(paths.state, 'utf8')) as Partial<CheckpointFile>;
    const done = Number(cp.runs_end) - Number(cp.range?.start);
    return Number.isSafeInteger(done) && done >= 0 ? done : null;
  } catch {
    return null;
  }
}

export interface Resumed {
  runsEnd: number;
  series: Series[];
  csvBytes: number | null;
}
