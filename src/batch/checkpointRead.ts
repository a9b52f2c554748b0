// Reading a checkpoint back to resume (--resume): checked whole against its schema and the batch.
// Its own module, imported only when resuming: the schemas (zod) cost every batch's start-up
// otherwise, and writing a checkpoint needs none of them.

import { readFileSync, statSync } from 'node:fs';
import { CHECKPOINT_FORMAT, CheckpointError, type CheckpointFile, type CheckpointPaths, type Resumed } from './checkpoint.js';
import { type BatchInputs, BatchFileError, checkpointSchema, checkSeries, inputDifference, parseBatchFile } from './checkpointSchema.js';
import { decodeSeries } from './part.js';
import type { Plan } from './plan.js';
import { emptySummaries } from './runBatch.js';
import type { Series } from './series.js';

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
