// Checkpoints and part files are input like any other: a file on disk that may be damaged, edited or
// from another version. Their shape is checked here (zod), then what the shape cannot say: that each
// series holds the runs the file claims, that a part's runs are its shard's, that extrema exist
// exactly when runs do. Anything wrong is one line naming the file and the field.

import { z } from 'zod';
import { isIsoDate } from '../model/calendar.js';
import { PARAM_NAMES } from '../model/params.js';
import { DIFF_LAYOUTS, METRIC_LAYOUTS } from './bins.js';
import { type Plan, seriesOrder, shardRange } from './plan.js';
import { METRICS, totalBins } from './series.js';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const MAX_RUNS = 1e9;
const MAX_STEPS = 520;

/** What decides a batch's bytes beyond its plan: the program's version and the files it read, by label. */
export const batchInputsSchema = z.strictObject({
  version: z.string().max(100),
  files: z.record(z.string().max(1000), z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex')),
});
export type BatchInputs = z.infer<typeof batchInputsSchema>;

export const seriesPartSchema = z.strictObject({
  steps: int(1, MAX_STEPS),
  runs: int(0, MAX_RUNS),
  counts: z.array(int(0, MAX_RUNS)),
  sums: z.array(z.string().regex(/^-?\d{1,40}$/, 'expected a whole number in decimal')),
  min: z.array(z.number().nullable()),
  max: z.array(z.number().nullable()),
});

const pinSchema = z.strictObject({ param: z.enum(PARAM_NAMES), value: z.number() });

export const planSchema = z.strictObject({
  seed: z.string().min(1).max(200),
  runs: int(1, MAX_RUNS),
  arms: z
    .array(
      z.strictObject({
        scenario: z.string().min(1).max(200),
        file: z.string().max(4096),
        pin: pinSchema.nullable(),
        steps: int(1, MAX_STEPS),
        start: z.string().refine(isIsoDate, 'expected an ISO date'),
        step_unit: z.enum(['week', 'month']),
      }),
    )
    .min(1)
    .max(1000),
  baseline_of: z.array(int(0, 999).nullable()),
  baseline: z.string().max(200).nullable(),
  sweep: z.strictObject({ param: z.enum(PARAM_NAMES), values: z.array(z.number()).min(1).max(101) }).nullable(),
});

const range = z.strictObject({ start: int(0, MAX_RUNS), end: int(0, MAX_RUNS) });

export const checkpointSchema = z.strictObject({
  format: z.string(),
  batch: z.string().regex(/^[0-9a-f]{64}$/),
  inputs: batchInputsSchema,
  range,
  runs_end: int(0, MAX_RUNS),
  csv_bytes: int(0, Number.MAX_SAFE_INTEGER).nullable(),
  series: z.array(seriesPartSchema),
});

export const partSchema = z.strictObject({
  format: z.string(),
  plan: planSchema,
  inputs: batchInputsSchema.optional(),
  shard: z.strictObject({ k: int(1, 1e6), n: int(1, 1e6), start: int(0, MAX_RUNS), end: int(0, MAX_RUNS) }),
  series: z.array(seriesPartSchema),
});

/** A checkpoint or part that cannot be used: its message is one line, naming the file. */
export class BatchFileError extends Error {
  override name = 'BatchFileError';
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

/** Parses with `schema`, or throws one line: `file: field: what is wrong`. */
export function parseBatchFile<T>(file: string, data: unknown, schema: z.ZodType<T>): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const what = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
  throw new BatchFileError(`${file}: ${path.length ? `${fieldPath(path)}: ` : ''}${what}`);
}

/**
 * The series agree with the plan and hold exactly `runs` runs each: shapes, bin positions, and
 * extrema present exactly when there are runs (an absent one reads as "no value seen").
 */
export function checkSeries(file: string, plan: Plan, series: z.infer<typeof seriesPartSchema>[], runs: number): void {
  const order = seriesOrder(plan);
  const fail = (i: number, what: string) => {
    throw new BatchFileError(`${file}: series[${i}]${what}`);
  };
  if (series.length !== order.length) throw new BatchFileError(`${file}: series: ${series.length} series, but the batch has ${order.length}`);
  series.forEach((s, i) => {
    const steps = plan.arms[order[i].arm].steps;
    if (s.steps !== steps) fail(i, `.steps: ${s.steps}, but the batch runs ${steps}`);
    if (s.runs !== runs) fail(i, `.runs: ${s.runs}, but the file holds ${runs} runs`);
    // One sum, min and max per (step, metric): decoding trusts these lengths.
    const cells = steps * METRICS;
    if (s.sums.length !== cells) fail(i, `.sums: ${s.sums.length} values, but the batch has ${cells} (${steps} steps of ${METRICS} metrics)`);
    if (s.min.length !== cells || s.max.length !== cells) fail(i, `: sums, min and max differ in length`);
    if (s.counts.length % 2 !== 0) fail(i, '.counts: expected (gap, count) pairs');
    let at = -1;
    let total = 0;
    const bins = totalBins(order[i].minus === null ? METRIC_LAYOUTS : DIFF_LAYOUTS) * steps;
    for (let j = 0; j < s.counts.length; j += 2) {
      at += s.counts[j];
      if (s.counts[j] < 1 || at >= bins) fail(i, `.counts[${j}]: a bin outside the series`);
      total += s.counts[j + 1];
    }
    // One count per run in each (metric, step): no more counts than that.
    if (total > runs * cells) fail(i, `.counts: ${total} counts for ${runs} runs`);
    for (let c = 0; c < cells; c++) {
      const lo = s.min[c];
      const hi = s.max[c];
      if (runs === 0 ? lo !== null || hi !== null || s.sums[c] !== '0' : lo === null || hi === null || lo > hi)
        fail(i, `.min[${c}]/max[${c}]: ${runs === 0 ? 'values without runs' : 'no value seen in runs that were done'}`);
    }
  });
}

/** A part's shard is one of n equal parts of its plan's runs. */
export function checkShard(file: string, plan: Plan, shard: { k: number; n: number; start: number; end: number }): void {
  if (shard.k > shard.n) throw new BatchFileError(`${file}: shard.k: ${shard.k} is more than n = ${shard.n}`);
  const want = shardRange(plan.runs, shard.k, shard.n);
  if (shard.start !== want.start || shard.end !== want.end)
    throw new BatchFileError(`${file}: shard: runs ${shard.start}-${shard.end}, but shard ${shard.k}/${shard.n} of ${plan.runs} runs is ${want.start}-${want.end}`);
  if (plan.baseline_of.length !== plan.arms.length || plan.baseline_of.some((b) => b !== null && b >= plan.arms.length))
    throw new BatchFileError(`${file}: plan.baseline_of: does not match plan.arms`);
}

/** The first label whose file differs between two batches' inputs (or the version), for the message. */
export function inputDifference(a: BatchInputs | undefined, b: BatchInputs | undefined): string | null {
  if (!a || !b) return a === b ? null : 'the record of the files read (one side has none)';
  if (a.version !== b.version) return `the version of tariff-sim (${a.version}, now ${b.version})`;
  for (const label of new Set([...Object.keys(a.files), ...Object.keys(b.files)])) if (a.files[label] !== b.files[label]) return label;
  return null;
}
