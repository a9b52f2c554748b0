// A batch's checkpoint, kept beside its output: which batch it is (a hash of everything its numbers
// depend on), how far it got (every run before `runs_end`, in run order), those runs' exact
// summaries (the part-file encoding, so resuming adds integers and gives the same bytes) and, for
// CSV, how many bytes of the rows file hold exactly those runs' rows.

import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type BatchInputs, BatchFileError, checkpointSchema, checkSeries, inputDifference, parseBatchFile } from './checkpointSchema.js';
import { sha256 } from './inputs.js';
import { decodeSeries, encodeSeries, type SeriesPart } from './part.js';
import type { Plan } from './plan.js';
import { emptySummaries } from './runBatch.js';
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

function readState(path: string): CheckpointFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CheckpointError(code === 'ENOENT' ? `--resume: no checkpoint at ${path} (nothing to resume; run without --resume)` : `--resume: cannot read ${path} (${code})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  if ((data as CheckpointFile | null)?.format !== CHECKPOINT_FORMAT) throw new CheckpointError(`--resume: ${path} is not a batch checkpoint (expected format ${CHECKPOINT_FORMAT})`);
  try {
    return parseBatchFile(path, data, checkpointSchema);
  } catch (e) {
    throw e instanceof BatchFileError ? damaged(e.message) : e;
  }
}

/** A checkpoint whose content cannot be right: the line names the file and field, and the way on (its runs cannot be trusted). */
function damaged(what: string): CheckpointError {
  return new CheckpointError(`--resume: ${what} (the checkpoint is damaged: start again with --fresh)`);
}

/**
 * The checkpoint of this very batch, checked whole; anything else is a CheckpointError. `range` is
 * the runs this command computes: the file's own range is checked against it, never trusted.
 */
export function readCheckpoint(paths: CheckpointPaths, plan: Plan, range: { start: number; end: number }, identity: string, csv: boolean, inputs?: BatchInputs): Resumed {
  const cp = readState(paths.state);
  if (cp.batch !== identity) {
    const changed = inputs ? inputDifference(cp.inputs, inputs) : null;
    if (changed) throw new CheckpointError(`--resume: ${changed} has changed since ${paths.state} was written (the runs done would not match the rest); start again with --fresh`);
    throw new CheckpointError(`--resume: ${paths.state} is for a different batch (scenarios, seed, runs, steps, sweep, baseline, shard or --csv differ)`);
  }
  // The identity covers the range, but the file's range field is only what the file says.
  if (cp.range.start !== range.start || cp.range.end !== range.end) throw damaged(`${paths.state}: range: runs ${cp.range.start}-${cp.range.end}, but the batch's runs are ${range.start}-${range.end}`);
  if (!(cp.runs_end >= range.start && cp.runs_end <= range.end)) throw damaged(`${paths.state}: runs_end: ${cp.runs_end} is outside the batch's runs ${range.start}-${range.end}`);
  let series: Series[];
  try {
    checkSeries(paths.state, plan, cp.series, cp.runs_end - range.start);
    const empty = emptySummaries(plan);
    series = cp.series.map((p, i) => decodeSeries(p, empty[i]));
  } catch (e) {
    throw damaged(e instanceof BatchFileError ? e.message : `${paths.state}: series: ${(e as Error).message}`);
  }
  if (csv) {
    let size = -1;
    try {
      size = statSync(paths.rows).size;
    } catch {
      // missing: reported below
    }
    if (cp.csv_bytes === null || size < cp.csv_bytes) throw new CheckpointError(`--resume: ${paths.rows} (the CSV rows so far) is missing or shorter than ${paths.state} says`);
  }
  return { runsEnd: cp.runs_end, series, csvBytes: cp.csv_bytes };
}
