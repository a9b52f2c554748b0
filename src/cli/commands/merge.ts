// `tariff-sim merge <part...> --out FILE`: joins the part files of a sharded batch into the summary
// JSON the whole batch on one machine would have written, byte for byte.

import { mergeParts, PartError, summarise } from '../../batch/index.js';
import { InputFileError, readInputFile } from '../../scenario/inputFile.js';
import { UsageError } from '../errors.js';
import { emit, toJson, writeFileAtomic } from '../output.js';
import { checkOutputs, namedOutputs } from '../outputPaths.js';

export interface MergeFlags {
  out?: string;
  report?: string;
}

/** Part files hold sparse counts: large, but a limit keeps /dev/zero or a wrong file from filling memory. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

function readPart(file: string): { name: string; part: unknown } {
  let text: string;
  try {
    text = readInputFile(file, MAX_PART_BYTES, 'part files are limited to').toString('utf8');
  } catch (e) {
    if (e instanceof InputFileError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
  try {
    return { name: file, part: JSON.parse(text) as unknown };
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
