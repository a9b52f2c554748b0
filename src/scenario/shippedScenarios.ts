// The shipped scenarios, loaded and checked when the package is built (writeParsedTable.ts) and kept
// as their ScenarioSource: `run busan-truce` compiles that data (compileSource, as a batch worker
// does) instead of loading the YAML reader and the schemas again, which was most of its start-up.
//
// A file is served from the table only when nothing the build's check depended on can differ: its
// bytes are a shipped scenario's, every seed file the build saw has its bytes, and the scenario names
// no file beside itself (a start-state or record file, which the build could not know). Anything
// else (a user's file, an edited seed, a checkout without a build) returns null, and the caller loads
// the file through load.ts with every check and its one-line errors, as always.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { compileSource, type Scenario, type ScenarioSource } from './compile.js';
import { InputFileError, readInputFile } from './inputFile.js';
import { SEEDS_DIR } from './paths.js';
import { isRecordPath } from './recordPaths.js';
import { MAX_FILE_BYTES } from './yamlFile.js';

export interface ShippedTable {
  /** Every seed file the build saw (file name in seeds/) -> sha256 of its bytes (base64). */
  seeds: Record<string, string>;
  /** sha256 of a shipped scenario file's bytes -> its ScenarioSource as JSON, without `file` and `seeds.dir`. */
  scenarios: Record<string, string>;
}

/** Beside the build's scenario/ folder: dist/shipped-scenarios.json. */
export const SHIPPED_TABLE_URL = new URL('../shipped-scenarios.json', import.meta.url);

let table: ShippedTable | null | undefined;

function loadTable(): ShippedTable | null {
  try {
    const t = JSON.parse(readFileSync(SHIPPED_TABLE_URL, 'utf8')) as ShippedTable;
    return t.seeds && t.scenarios ? t : null;
  } catch {
    return null; // no build, or a damaged one: load every file
  }
}

/** Replaces the table read from the build (null: none): for writing it, and for tests. */
export function useShippedTable(t: ShippedTable | null): void {
  table = t;
}

export function bytesKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
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
  if (table === undefined) table = loadTable();
  if (table === null) return null;
  const bytes = bytesOf(file);
  const json = bytes && table.scenarios[bytesKey(bytes)];
  if (!json) return null;
  for (const [name, key] of Object.entries(table.seeds)) {
    const seed = bytesOf(join(seedsDir, name));
    if (seed === null || bytesKey(seed) !== key) return null;
  }
  const stored = JSON.parse(json) as Omit<ScenarioSource, 'file'>;
  return compileSource({ ...stored, file, seeds: { ...stored.seeds, dir: seedsDir } });
}

/**
 * The table's entry for a shipped scenario as load.ts loaded it, or null where the table cannot
 * carry it: the scenario names a file beside itself, or JSON cannot carry its data exactly.
 */
export function shippedEntry(bytes: Uint8Array, source: ScenarioSource): [string, string] | null {
  const { spec } = source;
  if (typeof spec.start_state === 'string' || (spec.records ?? []).some(isRecordPath)) return null;
  const { file: _file, seeds, ...rest } = source;
  const { dir: _dir, ...seedData } = seeds;
  const stored = { ...rest, seeds: seedData };
  const json = JSON.stringify(stored);
  return isDeepStrictEqual(JSON.parse(json), stored) ? [bytesKey(bytes), json] : null;
}

/**
 * The table for these scenario files over the seeds in `seedsDir`, each loaded by `load` (load.ts,
 * with every check: passed in, so that this module loads no schemas). A scenario that fails to load
 * is left out, to be loaded (and its error reported) when it is run.
 */
export function buildShippedTable(scenarioFiles: readonly string[], seedsDir: string, load: (file: string) => Scenario): ShippedTable {
  const t: ShippedTable = { seeds: {}, scenarios: {} };
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.yaml')).sort()) t.seeds[name] = bytesKey(readFileSync(join(seedsDir, name)));
  for (const file of scenarioFiles) {
    let entry: [string, string] | null;
    try {
      entry = shippedEntry(readFileSync(file), load(file).source);
    } catch {
      continue;
    }
    if (entry) t.scenarios[entry[0]] = entry[1];
  }
  return t;
}
