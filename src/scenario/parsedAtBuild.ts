// The shipped seeds and scenarios, parsed when the package is built (writeParsedTable.ts): a file
// whose text is a shipped file's, byte for byte, is read from that table instead of being parsed
// again (parsing the YAML was a third of `run`'s start-up), and so is a rule condition with a
// shipped one's text (parsing one loads mathjs, about as long again). What is read from the table
// is checked as before: the data by its schema, a condition's tree by the sandbox's whitelist. A
// user's own or edited file is not in the table and is parsed as always; so are the shipped ones
// when the table is absent (a checkout run from its TypeScript source).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

export interface ParsedTable {
  /** sha256 of a file's text (base64) -> its parsed data, as JSON. */
  files: Record<string, string>;
  /** A rule condition's text -> its parsed tree (rules/sandbox.ts ParsedCondition), as JSON. */
  conditions: Record<string, string>;
}

/** Beside the build's scenario/ folder: dist/parsed-yaml.json. */
export const PARSED_TABLE_URL = new URL('../parsed-yaml.json', import.meta.url);

let table: ParsedTable | null | undefined;

function loadTable(): ParsedTable | null {
  try {
    const t = JSON.parse(readFileSync(PARSED_TABLE_URL, 'utf8')) as ParsedTable;
    return t.files && t.conditions ? t : null;
  } catch {
    return null; // no build, or a damaged one: parse every file
  }
}

// node:crypto is loaded when a file is looked up, not at import: `run` of a shipped scenario looks
// nothing up (shippedScenarios.ts), and loading it cost about 10 ms.
let crypto: typeof import('node:crypto') | null = null;

export function textKey(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('base64');
}

/** The data of a shipped file with this text (a fresh copy), or undefined. */
export function shippedData(text: string): unknown {
  if (table === undefined) table = loadTable();
  if (table === null) return undefined;
  const json = table.files[textKey(text)];
  return json === undefined ? undefined : JSON.parse(json);
}

/** The parsed tree of a shipped rule condition with this text (a fresh copy), or undefined. */
export function shippedCondition(text: string): unknown {
  if (table === undefined) table = loadTable();
  if (table === null || !Object.hasOwn(table.conditions, text)) return undefined;
  return JSON.parse(table.conditions[text]);
}

/** Replaces the table read from the build (null: none): for writing it, and for tests. */
export function useParsedTable(t: ParsedTable | null): void {
  table = t;
}

/** The table's entry for a parsed file, or null where JSON cannot carry its data exactly (an infinity, a -0). */
export function tableEntry(text: string, data: unknown): [string, string] | null {
  const json = JSON.stringify(data);
  return isDeepStrictEqual(JSON.parse(json), data) ? [textKey(text), json] : null;
}
