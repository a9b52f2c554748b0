// Output paths checked before any work: each is (or will be) a regular file in a folder this process
// can write, none is one of the command's own inputs, and no two are the same file. A batch that
// would fail writing its output fails here, before its first run, with nothing written.

import { mkdtempSync, readdirSync, rmSync, type Stats, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { OutputError } from './output.js';

export interface OutputPath {
  /** The flag that named it (`--out`, `--report`). */
  flag: string;
  path: string;
}

export interface InputPath {
  path: string;
  /** What it is to the command, for the message: "the scenario file", "a part file". */
  what: string;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function kind(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

/**
 * Can this process create a file beside `path`? Tried for real (root passes any permission check).
 * Failing is an OutputError, as the same failure at the end of a batch would have been.
 */
function writableDir(path: string): void {
  const dir = dirname(path);
  const st = statOrNull(dir);
  if (!st?.isDirectory()) throw new OutputError(`${path}: cannot write (no such directory)`);
  try {
    rmSync(mkdtempSync(join(dir, '.tariff-sim-probe-')), { recursive: true, force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : code === 'ENOSPC' ? 'the disk is full' : code === 'ENOENT' || code === 'ENOTDIR' ? 'no such directory' : code;
    throw new OutputError(`${path}: cannot write (${why})`);
  }
}

/** Throws for the first output that cannot be written safely: a UsageError (exit 2), or an OutputError (exit 1) for a folder that cannot be written. */
export function checkOutputs(outputs: readonly OutputPath[], inputs: readonly InputPath[]): void {
  const inputStats = inputs.map((i) => ({ ...i, st: statOrNull(i.path), abs: resolve(i.path) }));
  const seen: { flag: string; abs: string; st: Stats | null }[] = [];
  for (const { flag, path } of outputs) {
    if (path.endsWith('/') || path.endsWith(sep)) throw new UsageError(`${flag} ${path}: is a directory; give a file name`);
    const abs = resolve(path);
    const st = statOrNull(path);
    // Writing renames a new file over the path: a device, pipe or directory there would be replaced.
    if (st && !st.isFile()) throw new UsageError(`${flag} ${path}: is ${kind(st)}; output is only written to a regular file`);
    const input = inputStats.find((i) => i.abs === abs || (st && i.st && sameFile(st, i.st)));
    if (input) throw new UsageError(`${flag} ${path}: is ${input.what} this command reads; choose another output file`);
    const twice = seen.find((o) => o.abs === abs || (st && o.st && sameFile(st, o.st)));
    if (twice) throw new UsageError(`${flag} ${path}: is also given to ${twice.flag}; each output needs its own file`);
    writableDir(path);
    seen.push({ flag, abs, st });
  }
}

/** The seed files a scenario may read: every YAML file in its seeds folder. */
export function seedInputs(dirs: Iterable<string>): InputPath[] {
  const out: InputPath[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    } catch {
      // no folder, nothing to protect
    }
    for (const f of names.sort()) out.push({ path: join(dir, f), what: 'a seed file' });
  }
  return out;
}

/** Outputs named by flags, in the order they are written. */
export function namedOutputs(flags: { out?: string; report?: string }): OutputPath[] {
  const out: OutputPath[] = [];
  if (flags.out !== undefined) out.push({ flag: '--out', path: flags.out });
  if (flags.report !== undefined) out.push({ flag: '--report', path: flags.report });
  return out;
}
