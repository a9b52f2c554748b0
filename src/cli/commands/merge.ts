// `tariff-sim merge <part...> --out FILE`: joins the part files of a sharded batch into the summary
// JSON the whole batch on one machine would have written, byte for byte.

import { readFileSync } from 'node:fs';
import { mergeParts, type PartFile, PartError, summarise } from '../../batch/index.js';
import { UsageError } from '../errors.js';
import { emit, toJson, writeFileAtomic } from '../output.js';
import { checkOutputs, namedOutputs } from '../outputPaths.js';

export interface MergeFlags {
  out?: string;
  report?: string;
}

function readPart(file: string): { name: string; part: PartFile } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return { name: file, part: JSON.parse(text) as PartFile };
  } catch {
    throw new UsageError(`${file}: not a batch part file (not JSON)`);
  }
}

export async function mergeCommand(files: string[], flags: MergeFlags): Promise<void> {
  checkOutputs(namedOutputs(flags), files.map((path) => ({ path, what: 'a part file' })));
  let merged;
  try {
    merged = mergeParts(files.map(readPart));
  } catch (e) {
    if (e instanceof PartError) throw new UsageError(e.message);
    throw e;
  }
  const summary = summarise(merged.plan, merged.series);
  if (flags.report) writeFileAtomic(flags.report, (await import('../../batch/report.js')).reportHtml(summary));
  emit(toJson(summary), flags.out);
}
