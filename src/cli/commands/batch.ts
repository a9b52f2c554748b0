// `tariff-sim batch <scenario...> --runs N`: Monte Carlo runs of several scenarios, paired run by run;
// a comparison table, CSV rows, JSON summaries, an HTML report, or a shard's part file.

import { resolve } from 'node:path';
// Each module itself, not the batch library's index: that one brings `merge`'s schemas (zod) along.
import { csvHeader } from '../../batch/csv.js';
import { partFile } from '../../batch/part.js';
import { type Arm, type Plan, shardRange, sweepGrid } from '../../batch/plan.js';
import { runBatch } from '../../batch/runBatch.js';
import { summarise } from '../../batch/summary.js';
import { comparisonTable } from '../../batch/table.js';
import { batchIdentity, CheckpointError, type CheckpointPaths, checkpointPaths, interruptedRuns, removeCheckpoint, type Resumed, writeCheckpoint } from '../../batch/checkpoint.js';
import { throttled } from '../../batch/checkpointSaver.js';
import { stopOnSignals } from '../../batch/checkpointSignals.js';
import { earlyPool, type Pool, workerCount } from '../../batch/pool.js';
import { emptySummaries, Interrupted } from '../../batch/runBatch.js';
import type { Series } from '../../batch/series.js';
import { type FileSink, fileSink, type Sink, stdoutSink } from '../../batch/sink.js';
import { isParamName, type ParamName } from '../../model/params.js';
import type { Scenario, ScenarioSource } from '../../scenario/compile.js';
import { paramLimitProblem } from '../../scenario/paramLimits.js';
import { runScenario } from '../../sim/run.js';
import { UsageError } from '../errors.js';
import { emit, OutputError, toJson, writeFileAtomic } from '../output.js';
import { progressBar } from './batchProgress.js';
import { checkSeedFlag, loadScenarioArg, parseIntFlag } from './run.js';
import { checkOutputs, namedOutputs, seedInputs } from '../outputPaths.js';
import { LockedError, lockOut } from '../../batch/outLock.js';
import { existsSync } from 'node:fs';
import type { BatchInputs } from '../../batch/checkpointSchema.js';
import { batchInputs, filesBeside } from '../../batch/inputs.js';
import { io } from '../io.js';

export interface BatchFlags {
  runs?: string;
  seed?: string;
  steps?: string;
  workers?: string;
  baseline?: string;
  sweep?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
  report?: string;
  shard?: string;
  resume?: boolean;
  fresh?: boolean;
}

export function parseShard(text: string | undefined): { k: number; n: number } | null {
  if (text === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--shard: expected k/n with 1 <= k <= n (e.g. 2/8), got "${text}"`);
  return { k, n };
}

export function parseSweep(text: string | undefined): { param: ParamName; values: number[] } | null {
  if (text === undefined) return null;
  const m = /^([a-z0-9_]+)=([^:]+):([^:]+):(\d+)$/.exec(text);
  if (!m) throw new UsageError(`--sweep: expected PARAM=a:b:n (e.g. armington_sigma=2:8:7), got "${text}"`);
  const [, param, a, b, n] = m;
  if (!isParamName(param)) throw new UsageError(`--sweep: unknown parameter "${param}" (see seeds/parameters.yaml)`);
  const lo = Number(a);
  const hi = Number(b);
  const points = Number(n);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new UsageError(`--sweep: a and b must be numbers, got "${a}" and "${b}"`);
  if (points < 1 || points > 101) throw new UsageError(`--sweep: n must be between 1 and 101, got ${points}`);
  // The same limits as a scenario file's parameters: a grid point the model cannot use is refused.
  const values = sweepGrid(lo, hi, points);
  for (const v of [lo, hi, ...values]) {
    const problem = paramLimitProblem(param, v);
    if (problem) throw new UsageError(`--sweep: ${param}=${v}: ${problem}`);
  }
  return { param, values };
}

function findBaseline(name: string, args: string[], scns: Scenario[]): number {
  const i = scns.findIndex((s, j) => s.name === name || args[j] === name);
  if (i < 0) throw new UsageError(`--baseline: "${name}" is not one of the batch's scenarios (${scns.map((s) => s.name).join(', ')})`);
  return i;
}

export interface PlannedBatch {
  plan: Plan;
  sources: Record<string, ScenarioSource>;
  shard: { k: number; n: number } | null;
  workers: number;
  inputs: BatchInputs;
}

/** Checks the flags and loads the scenarios; everything that can be wrong with the input fails here. */
export async function planBatch(args: string[], flags: BatchFlags): Promise<PlannedBatch> {
  if (flags.runs === undefined) throw new UsageError('--runs: required (the number of Monte Carlo runs)');
  const runs = parseIntFlag('runs', flags.runs, 1, 1e9) as number;
  const steps = parseIntFlag('steps', flags.steps, 1, 520);
  const asked = parseIntFlag('workers', flags.workers, 1, 256);
  checkSeedFlag(flags.seed);
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  const shard = parseShard(flags.shard);
  if (shard && (flags.json || flags.report)) throw new UsageError('--shard writes a part file (or, with --csv, its runs\' rows): leave out --json and --report, and use `merge` on the parts');
  const sweep = parseSweep(flags.sweep);
  const scns: Scenario[] = [];
  for (const a of args) scns.push(await loadScenarioArg(a));
  const workers = workerCount(asked, runs * scns.length * (sweep?.values.length ?? 1));
  const names = scns.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`scenario "${dup}" is given twice`);
  // Before any run: an output that cannot be written, or that is one of the inputs, fails here.
  checkOutputs(namedOutputs(flags), [...scns.map((s) => ({ path: s.file, what: 'a scenario file' })), ...seedInputs(scns.map((s) => s.source.seeds.dir))]);
  const base = flags.baseline === undefined ? null : findBaseline(flags.baseline, args, scns);
  const stepsOf = (s: Scenario) => steps ?? s.horizon;
  if (base !== null) {
    const odd = scns.find((s) => stepsOf(s) !== stepsOf(scns[base]) || s.step_unit !== scns[base].step_unit);
    if (odd) throw new UsageError(`--baseline: ${odd.name} runs ${stepsOf(odd)} ${odd.step_unit}s but ${scns[base].name} ${stepsOf(scns[base])} ${scns[base].step_unit}s; give --steps`);
  }
  const seed = String(flags.seed ?? scns[0].seed);
  const pins = sweep ? sweep.values.map((value) => ({ param: sweep.param, value })) : [null];
  const arms: Arm[] = [];
  const baselineOf: (number | null)[] = [];
  for (const pin of pins) {
    const first = arms.length;
    scns.forEach((s, i) => {
      arms.push({ scenario: s.name, file: resolve(s.file), pin, steps: stepsOf(s), start: s.start, step_unit: s.step_unit });
      baselineOf.push(base === null || i === base ? null : first + base);
    });
  }
  // A scripted move the model rejects is bad input: find it here, with its file and line, not in a worker.
  for (const s of scns) runScenario(s, { seed, steps: stepsOf(s), run_index: shard ? shardRange(runs, shard.k, shard.n).start : 0 });
  // The workers compile the scenarios from these (no files, schemas or mathjs to load there).
  const sources = Object.fromEntries(scns.map((s) => [resolve(s.file), s.source]));
  const inputs = batchInputs(scns.map((s) => ({ name: s.name, file: s.file, beside: filesBeside(s.source) })), scns.map((s) => s.source.seeds.dir));
  return { plan: { seed, runs, arms, baseline_of: baselineOf, baseline: base === null ? null : scns[base].name, sweep }, sources, shard, workers, inputs };
}

/** A file error while writing the batch's output or checkpoint: one line naming --out, exit 1. */
function asOutputError(e: unknown, out: string | undefined): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!out || typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return e;
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code === 'ENOENT' || code === 'ENOTDIR' ? 'no such directory' : code;
  return new OutputError(`${out}: cannot write (${why})`);
}

/** The checkpoint this command resumes from (--resume), or null; a missing or foreign one is a usage error. */
async function resumePoint(flags: BatchFlags, paths: CheckpointPaths | null, plan: Plan, range: { start: number; end: number }, identity: string, inputs: BatchInputs): Promise<Resumed | null> {
  if (!flags.resume) return null;
  if (!paths) throw new UsageError('--resume: needs --out (the checkpoint is kept beside the output file)');
  const { readCheckpoint } = await import('../../batch/checkpointRead.js');
  try {
    return readCheckpoint(paths, plan, range, identity, Boolean(flags.csv), inputs);
  } catch (e) {
    throw e instanceof CheckpointError ? new UsageError(e.message) : e;
  }
}

/** `pool`: started early by the caller (see earlyPool), else here; closed when the batch ends. */
export async function batchCommand(args: string[], flags: BatchFlags, pool: Pool | null = earlyPool(flags)): Promise<number | void> {
  try {
    return await batchWith(pool, args, flags);
  } finally {
    await pool?.close();
  }
}

/** The lock on --out (one batch at a time writes it and its checkpoint); a held one is a usage error. */
function lockOutput(out: string | undefined): () => void {
  if (out === undefined) return () => {};
  try {
    return lockOut(out);
  } catch (e) {
    throw e instanceof LockedError ? new UsageError(e.message) : asOutputError(e, out);
  }
}

/** Without --resume, a checkpoint left by an interrupted batch is work that would be lost: refused unless --fresh (or it holds no finished run). */
function keepInterrupted(flags: BatchFlags, paths: CheckpointPaths | null): void {
  if (!paths || flags.resume || flags.fresh || !existsSync(paths.state)) return;
  const done = interruptedRuns(paths);
  if (done === 0) return; // a checkpoint of no finished runs holds no work to lose
  throw new UsageError(`--out ${flags.out}: ${paths.state} holds an interrupted batch${done === null ? '' : ` (${done} runs done)`}; add --resume to finish it, or --fresh to discard it and start again`);
}

async function batchWith(pool: Pool | null, args: string[], flags: BatchFlags): Promise<number | void> {
  if (flags.resume && flags.fresh) throw new UsageError('choose one of --resume and --fresh');
  const planned = await planBatch(args, flags);
  const release = lockOutput(flags.out);
  try {
    return await lockedBatch(pool, planned, flags);
  } finally {
    release();
  }
}

async function lockedBatch(pool: Pool | null, { plan, sources, shard, workers, inputs }: PlannedBatch, flags: BatchFlags): Promise<number | void> {
  const range = shard ? shardRange(plan.runs, shard.k, shard.n) : { start: 0, end: plan.runs };
  // With --out, a checkpoint beside it keeps the finished runs through Ctrl-C, SIGTERM or a failure.
  const paths = flags.out ? checkpointPaths(flags.out) : null;
  keepInterrupted(flags, paths);
  const identity = paths ? batchIdentity(plan, range, Boolean(flags.csv), inputs) : '';
  const resumed = await resumePoint(flags, paths, plan, range, identity, inputs);
  const from = resumed?.runsEnd ?? range.start;
  let saved = resumed !== null; // a checkpoint on disk worth keeping if this run fails
  const save = throttled((runsEnd: number, merged: Series[]) => {
    if (!paths) return;
    writeCheckpoint(paths, { batch: identity, inputs, range, runs_end: runsEnd, csv_bytes: sink && 'bytes' in sink ? sink.bytes() : null }, merged);
    saved = true;
  });
  // TARIFF_SIM_CHECKPOINT_EVERY_CHUNK=1: a checkpoint after every chunk, not at most every 5 seconds
  // (a known point to stop at, whatever the machine's speed; costs time on a long batch).
  const everyChunk = process.env.TARIFF_SIM_CHECKPOINT_EVERY_CHUNK === '1';
  const progress = await progressBar(range.end - range.start, io().stderr);
  const stop = stopOnSignals();
  let sink: Sink | FileSink | null = null;
  let series;
  try {
    if (flags.csv) {
      sink = flags.out && paths ? fileSink(flags.out, paths.rows, resumed?.csvBytes ?? null) : stdoutSink(io().stdout);
      if (!resumed) await sink.write(csvHeader(plan));
    }
    // Written at once: replaces a stale checkpoint, and an unwritable --out fails before any work.
    const initial = resumed?.series ?? emptySummaries(plan);
    if (!resumed) save(true, from, initial);
    const out = sink;
    series = await runBatch(plan, {
      workers,
      sources,
      pool: pool ?? undefined,
      range: { start: from, end: range.end },
      initial,
      signal: stop.signal,
      progress: (done) => progress.update(from - range.start + done),
      csv: out ? (t) => out.write(t) : undefined,
      afterChunk: (runsEnd, merged) => save(everyChunk, runsEnd, merged),
    });
    await sink?.close();
  } catch (e) {
    sink?.abort();
    if (!(e instanceof Interrupted)) {
      if (paths && !saved) removeCheckpoint(paths); // nothing worth keeping: no rows file without its checkpoint
      throw asOutputError(e, flags.out);
    }
    try {
      save(true, e.runsEnd, e.series);
    } catch (err) {
      throw asOutputError(err, flags.out);
    }
    const total = range.end - range.start;
    const next = paths ? 'resume with the same command and --resume' : 'no checkpoint without --out';
    io().stderr.write(`tariff-sim: interrupted: ${e.runsEnd - range.start} of ${total} runs done; ${next}\n`);
    return stop.exitCode() ?? 1;
  } finally {
    stop.release();
    progress.finish();
  }
  if (shard) {
    // With --csv a shard's output is its runs' rows, already written (header included): the shards'
    // files, each but the first without its header, in shard order are the unsharded batch's CSV.
    if (!flags.csv) emit(toJson(partFile(plan, { ...shard, ...range }, series, inputs)), flags.out);
  } else {
    const summary = summarise(plan, series);
    if (flags.report) writeFileAtomic(flags.report, (await import('../../batch/report.js')).reportHtml(summary));
    if (flags.json) emit(toJson(summary), flags.out);
    else if (!flags.csv) emit(comparisonTable(summary), flags.out);
    else if (flags.out && io().stdout.isTTY) io().stdout.write(comparisonTable(summary));
  }
  // Only once the output is in place: if writing it failed, the checkpoint still holds the work.
  if (paths) removeCheckpoint(paths);
  const written = [flags.out, flags.report].filter((p): p is string => typeof p === 'string' && p !== '' && p !== '-');
  if (written.length) io().stderr.write(`tariff-sim: wrote ${written.join(' and ')}\n`);
}
