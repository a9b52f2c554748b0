// Turning errors into exit codes and one line each: 2 for bad input or usage, 1 for failures while running.

import { fieldName, InputError } from '../scenario/errors.js';
import { lineInFile } from '../scenario/yamlFile.js';
import { SimError } from '../sim/run.js';
import { OutputError } from './output.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A scripted move the model rejects is bad input: name the file, line and field it came from. */
export function simErrorAsInput(e: SimError): InputError | null {
  if (!e.origin) return null;
  const path = [...e.origin.path, e.cause_.field];
  const line = lineInFile(e.origin.file, path) ?? lineInFile(e.origin.file, e.origin.path);
  return new InputError(e.origin.file, line, fieldName(path), `at step ${e.step} (${e.date}): ${e.cause_.message.replace(/^[a-z_]+: [a-z_]+: /, '')}`);
}

export function exitCodeFor(e: unknown): { code: number; message: string } {
  if (e instanceof InputError || e instanceof UsageError) return { code: 2, message: e.message };
  if (e instanceof SimError) {
    const input = simErrorAsInput(e);
    return input ? { code: 2, message: input.message } : { code: 1, message: `run failed: ${e.message}` };
  }
  if (e instanceof OutputError) return { code: 1, message: e.message };
  const err = e as Error;
  return { code: 1, message: `internal error: ${err?.message ?? String(e)} (please report this)` };
}
