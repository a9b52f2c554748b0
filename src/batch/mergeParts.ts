// `merge`: shard part files joined back into the whole batch's series, each part checked first
// (its schema, its shard, its series). Its own module: the schemas (zod) load only when merging.

import { BatchFileError, checkSeries, checkShard, inputDifference, parseBatchFile, partSchema } from './checkpointSchema.js';
import { decodeSeries, PART_FORMAT, PartError, type PartFile } from './part.js';
import { type Plan, seriesOrder } from './plan.js';
import { emptySummaries } from './runBatch.js';
import { mergeInto, type Series } from './series.js';

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
