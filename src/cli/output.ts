// Writing results: numbers rounded for stable bytes, CSV and JSON, and files written whole or not at all.

import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { round6 } from '../sim/format.js';
import { io } from './io.js';

export { csvCell, round6, toCsv } from '../sim/format.js';

/** JSON with every number rounded to six decimals. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && Number.isFinite(v) ? round6(v) : v), 2)}\n`;
}

/** An error writing output: one line, exit code 1. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Writes to a temporary file beside the target, then renames: readers never see half a file. */
export function writeFileAtomic(path: string, text: string): void {
  let tmpDir: string | null = null;
  try {
    tmpDir = mkdtempSync(join(dirname(path), `.${basename(path)}.tmp-`));
    const tmp = join(tmpDir, basename(path));
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOSPC' ? 'the disk is full' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'ENOENT' ? 'no such directory' : err.code ?? err.message;
    throw new OutputError(`${path}: cannot write (${why})`);
  } finally {
    if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Output goes to a file when asked, else to stdout. */
export function emit(text: string, out: string | undefined): void {
  if (out) writeFileAtomic(out, text);
  else io().stdout.write(text);
}
