// Shard part files: a plan, which shard, and its series as exact mergeable data (sparse bin counts,
// sums as decimal integers). `merge` adds parts back into the whole batch's series.

import { type BatchInputs, BatchFileError, checkSeries, checkShard, inputDifference, parseBatchFile, partSchema } from './checkpointSchema.js';
import { type Plan, seriesOrder } from './plan.js';
import { emptySummaries } from './runBatch.js';
import { mergeInto, type Series } from './series.js';

export const PART_FORMAT = 'tariff-sim-batch-part/1';

export interface SeriesPart {
  steps: number;
  runs: number;
  /** Non-zero counts as pairs: gap from the previous non-zero index, count. */
  counts: number[];
  sums: string[];
  min: (number | null)[];
  max: (number | null)[];
}

export interface PartFile {
  format: string;
  plan: Plan;
  /** The version and the files the batch read (absent from a part made through the library without them). */
  inputs?: BatchInputs;
  shard: { k: number; n: number; start: number; end: number };
  series: SeriesPart[];
}

export class PartError extends Error {
  override name = 'PartError';
}

export function encodeSeries(s: Series): SeriesPart {
  const counts: number[] = [];
  let last = -1;
  // Every run counts one value per bin range, so a series without runs has no counts: a batch's
  // first checkpoint (all its series empty) is written without scanning millions of zeros.
  const scanned = s.runs > 0 ? s.counts.length : 0;
  for (let i = 0; i < scanned; i++) {
    if (s.counts[i] === 0) continue;
    counts.push(i - last, s.counts[i]);
    last = i;
  }
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return { steps: s.steps, runs: s.runs, counts, sums: s.sums.map(String), min: [...s.min].map(finite), max: [...s.max].map(finite) };
}

export function decodeSeries(p: SeriesPart, into: Series): Series {
  if (p.steps !== into.steps || p.sums.length !== into.sums.length) throw new PartError('series shape does not match the plan');
  const counts = new Float64Array(into.counts.length);
  let at = -1;
  for (let j = 0; j < p.counts.length; j += 2) {
    at += p.counts[j];
    if (!(at < counts.length)) throw new PartError('bin counts beyond the plan');
    counts[at] = p.counts[j + 1];
  }
  return {
    steps: p.steps,
    runs: p.runs,
    counts,
    sums: p.sums.map((x) => BigInt(x)),
    min: Float64Array.from(p.min, (x) => x ?? Infinity),
    max: Float64Array.from(p.max, (x) => x ?? -Infinity),
  };
}

export function partFile(plan: Plan, shard: PartFile['shard'], series: Series[], inputs?: BatchInputs): PartFile {
  return { format: PART_FORMAT, plan, ...(inputs ? { inputs } : {}), shard, series: series.map(encodeSeries) };
}

/** The plan as it bears on the numbers: file locations may differ between machines. */
function planKey(plan: Plan): string {
  return JSON.stringify({ ...plan, arms: plan.arms.map(({ file: _file, ...rest }) => rest) });
}

/** Joins parts 1..n of one batch into its series; each shard exactly once. */
/** A part as read from a file: its format, then its shape and its series checked (one line each). */
function checkedPart(name: string, data: unknown): PartFile {
  if ((data as PartFile | null)?.format !== PART_FORMAT) throw new PartError(`${name}: not a batch part file (expected format ${PART_FORMAT})`);
  try {
    const part = parseBatchFile(name, data, partSchema) as PartFile;
    checkShard(name, part.plan, part.shard);
    checkSeries(name, part.plan, part.series, part.shard.end - part.shard.start);
    return part;
  } catch (e) {
    throw e instanceof BatchFileError ? new PartError(e.message) : e;
  }
}

export function mergeParts(unchecked: { name: string; part: unknown }[]): { plan: Plan; series: Series[] } {
  if (unchecked.length === 0) throw new PartError('no parts to merge');
  const parts = unchecked.map(({ name, part }) => ({ name, part: checkedPart(name, part) }));
  const { plan } = parts[0].part;
  const n = parts[0].part.shard.n;
  const key = planKey(plan);
  const seen = new Map<number, string>();
  for (const { name, part } of parts) {
    const changed = inputDifference(parts[0].part.inputs, part.inputs);
    if (changed) throw new PartError(`${name}: not the same batch as ${parts[0].name}: ${changed} differs`);
    if (planKey(part.plan) !== key) throw new PartError(`${name}: a different batch from ${parts[0].name} (scenarios, seed, runs, steps, baseline or sweep differ)`);
    if (part.shard.n !== n) throw new PartError(`${name}: shard ${part.shard.k}/${part.shard.n}, but ${parts[0].name} is one of ${n}`);
    const other = seen.get(part.shard.k);
    if (other) throw new PartError(`${name}: shard ${part.shard.k}/${n} already given by ${other}`);
    seen.set(part.shard.k, name);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new PartError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${n}`).join(', ')}`);
  const merged = emptySummaries(plan);
  const order = seriesOrder(plan);
  for (const { name, part } of parts) {
    if (part.series.length !== order.length) throw new PartError(`${name}: ${part.series.length} series, expected ${order.length}`);
    part.series.forEach((p, i) => mergeInto(merged[i], decodeSeries(p, merged[i])));
  }
  return { plan, series: merged };
}
