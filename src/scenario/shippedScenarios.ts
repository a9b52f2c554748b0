// The shipped scenarios, loaded and checked when the package is built (writeParsedTable.ts) and kept
// as their ScenarioSource: `run busan-truce` compiles that data (compileSource, as a batch worker
// does) instead of loading the YAML reader and the schemas again, which was most of its start-up.
//
// A file is served from the table only when nothing the build's check depended on can differ: its
// bytes are a shipped scenario's, every seed file the build saw has its bytes, and the scenario names
// no file beside itself (a start-state or record file, which the build could not know). Anything
// else (a user's file, an edited seed, a checkout without a build) returns null, and the caller loads
// the file through load.ts with every check and its one-line errors, as always.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { compileSource, type Scenario, type ScenarioSource } from './compile.js';
import { InputFileError, readInputFile } from './inputFile.js';
import { SEEDS_DIR } from './paths.js';
import { isRecordPath } from './recordPaths.js';
import { MAX_FILE_BYTES } from './yamlFile.js';

// Files are compared byte for byte with the texts the build read, not by a hash: loading node:crypto
// alone cost `run` about 10 ms, more than comparing the texts.
export interface ShippedTable {
  /** Every seed file the build saw: its name in seeds/ -> its text. */
  seeds: Record<string, string>;
  /** Each shipped scenario: its file's text, and its ScenarioSource as JSON, without `file` and `seeds.dir`. */
  scenarios: ShippedEntry[];
}

export interface ShippedEntry {
  text: string;
  source: string;
}

/**
 * The table on disk, beside the build's scenario/ folder: dist/shipped/index.json (the seeds' texts,
 * and each scenario's length in bytes and file) and one file per scenario (its ShippedEntry), so
 * that `run` reads the one it runs: reading and parsing all of them was a few milliseconds more.
 */
export const SHIPPED_DIR = fileURLToPath(new URL('../shipped/', import.meta.url));

interface ShippedIndex {
  seeds: Record<string, string>;
  scenarios: { bytes: number; file: string }[];
}

let dir: string | null = SHIPPED_DIR;
let index: ShippedIndex | null | undefined;

/** Reads the table from this folder instead of the build's (null: no table): for tests. */
export function useShippedDir(d: string | null): void {
  dir = d;
  index = undefined;
}

function readJson<T>(name: string): T | null {
  try {
    return JSON.parse(readFileSync(join(dir!, name), 'utf8')) as T;
  } catch {
    return null; // no build, or a damaged one: load the file
  }
}

export function writeShippedTable(t: ShippedTable, to: string = SHIPPED_DIR): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const scenarios = t.scenarios.map((entry, i) => {
    const file = `${i}.json`;
    writeFileSync(join(to, file), JSON.stringify(entry));
    return { bytes: Buffer.byteLength(entry.text), file };
  });
  writeFileSync(join(to, 'index.json'), JSON.stringify({ seeds: t.seeds, scenarios } satisfies ShippedIndex));
}

/** Exactly these bytes: UTF-8 writes each text one way only, so equal bytes mean the build's text. */
function isText(bytes: Buffer | null, text: string): boolean {
  return bytes !== null && typeof text === 'string' && bytes.length === Buffer.byteLength(text) && bytes.equals(Buffer.from(text));
}

/** A file's bytes as load.ts would read them, or null where it cannot (load.ts then says why). */
function bytesOf(file: string): Buffer | null {
  try {
    return readInputFile(file, MAX_FILE_BYTES, '');
  } catch (e) {
    if (e instanceof InputFileError) return null;
    throw e;
  }
}

/**
 * The scenario in `file` (a path, as resolveScenarioPath gives it) compiled from the build's table,
 * or null where the table cannot vouch for it: then load it with load.ts.
 */
export function shippedScenario(file: string, seedsDir: string = SEEDS_DIR): Scenario | null {
  if (index === undefined) {
    index = dir === null ? null : readJson<ShippedIndex>('index.json');
    if (index && !(index.seeds && Array.isArray(index.scenarios))) index = null;
  }
  if (index === null) return null;
  const bytes = bytesOf(file);
  if (bytes === null) return null;
  let entry: ShippedEntry | null = null;
  for (const c of index.scenarios) {
    if (c.bytes !== bytes.length) continue;
    const e = readJson<ShippedEntry>(c.file);
    if (e && isText(bytes, e.text)) {
      entry = e;
      break;
    }
  }
  if (!entry) return null;
  for (const [name, text] of Object.entries(index.seeds)) if (!isText(bytesOf(join(seedsDir, name)), text)) return null;
  const stored = JSON.parse(entry.source) as Omit<ScenarioSource, 'file'>;
  return compileSource({ ...stored, file, seeds: { ...stored.seeds, dir: seedsDir } });
}

/**
 * The table's entry for a shipped scenario as load.ts loaded it, or null where the table cannot
 * carry it: the scenario names a file beside itself, or JSON cannot carry its data exactly.
 */
export function shippedEntry(text: string, source: ScenarioSource): ShippedEntry | null {
  const { spec } = source;
  if (typeof spec.start_state === 'string' || (spec.records ?? []).some(isRecordPath)) return null;
  const { file: _file, seeds, ...rest } = source;
  const { dir: _dir, ...seedData } = seeds;
  const stored = { ...rest, seeds: seedData };
  const json = JSON.stringify(stored);
  return isDeepStrictEqual(JSON.parse(json), stored) ? { text, source: json } : null;
}

/**
 * The table for these scenario files over the seeds in `seedsDir`, each loaded by `load` (load.ts,
 * with every check: passed in, so that this module loads no schemas). A scenario that fails to load
 * is left out, to be loaded (and its error reported) when it is run.
 */
export function buildShippedTable(scenarioFiles: readonly string[], seedsDir: string, load: (file: string) => Scenario): ShippedTable {
  const t: ShippedTable = { seeds: {}, scenarios: [] };
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.yaml')).sort()) t.seeds[name] = readFileSync(join(seedsDir, name), 'utf8');
  for (const file of scenarioFiles) {
    let entry: ShippedEntry | null;
    try {
      entry = shippedEntry(readFileSync(file, 'utf8'), load(file).source);
    } catch {
      continue;
    }
    if (entry) t.scenarios.push(entry);
  }
  return t;
}
