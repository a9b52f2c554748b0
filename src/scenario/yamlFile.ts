// Reading a YAML file as untrusted input: size and content checks, parsing with positions kept,
// and schema errors mapped back to the line they come from.

import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { fieldName, InputError } from './errors.js';
import { InputFileError, readInputFile } from './inputFile.js';
import { shippedData } from './parsedAtBuild.js';

// The yaml library is loaded when a file is parsed or an error needs a line, not at import: a
// shipped file's data comes from the table made at build, and `run` of a shipped scenario parses
// nothing. Its package is CommonJS, so `import` would load the same module through require anyway.
let yamlLib: typeof Yaml | null = null;
function yaml(): typeof Yaml {
  return (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/** Scenario and seed files are small; anything larger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1_000_000;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

/** A scenario or seed file's text, checked: size, binary, UTF-8 (errors name the file). */
export function readYamlText(file: string): string {
  let buf: Buffer;
  try {
    buf = readInputFile(file, MAX_FILE_BYTES, 'scenario files are limited to');
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    throw new InputError(file, null, null, e.message === 'is a directory' ? 'is a directory, not a scenario file' : e.message);
  }
  if (buf.includes(0)) throw new InputError(file, null, null, 'is binary, not YAML text');
  // Strict decoding: a literal U+FFFD in the text is valid UTF-8; only bytes that are not are refused.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(file, null, null, 'is not valid UTF-8 text');
  }
}

/** The field path of a node, from the ancestors `visit` passes: pair keys and list indexes. */
function pathOf(ancestors: readonly unknown[], node: unknown): PropertyKey[] {
  const { isPair, isScalar, isSeq } = yaml();
  const out: PropertyKey[] = [];
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const a = chain[i];
    const next = chain[i + 1];
    if (isPair(a) && isScalar(a.key)) out.push(String(a.key.value));
    else if (isSeq(a)) out.push(a.items.indexOf(next as never));
  }
  return out;
}

/** The path and line of the key that starts at `offset` (where a duplicate-key error points). */
function keyAt(doc: Document.Parsed, lines: LineCounter, offset: number): { path: PropertyKey[]; line: number } | null {
  const { isScalar, visit } = yaml();
  let found: { path: PropertyKey[]; line: number } | null = null;
  visit(doc, {
    Pair(_k, pair, ancestors) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = { path: [...pathOf(ancestors, pair), String(pair.key.value)], line: lines.linePos(offset).line };
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** The alias an alias error is about: the one named in the message, else the last (the one that detonates). */
function aliasAt(doc: Document.Parsed, lines: LineCounter, message: string): { path: PropertyKey[]; line: number } | null {
  const { visit } = yaml();
  let found: { path: PropertyKey[]; line: number } | null = null;
  visit(doc, {
    Alias(_k, alias, ancestors) {
      const at = { path: pathOf(ancestors, alias), line: lines.linePos(alias.range?.[0] ?? 0).line };
      if (message.includes(`: ${alias.source}`)) {
        found = at;
        return visit.BREAK;
      }
      found = at;
    },
  });
  return found;
}

/**
 * A YAML file's data, with its document and line numbers for error messages. A shipped file's data
 * comes from the table made at build (parsedAtBuild.ts), its document only if an error needs a line.
 */
export function parseYaml(file: string, text: string = readYamlText(file)): YamlSource {
  const shipped = shippedData(text);
  if (shipped === undefined) return parseText(file, text);
  let full: YamlSource | null = null;
  const parsed = (): YamlSource => (full ??= parseText(file, text));
  return {
    file,
    data: shipped,
    get doc() {
      return parsed().doc;
    },
    get lines() {
      return parsed().lines;
    },
  };
}

function parseText(file: string, text: string): YamlSource {
  const lib = yaml();
  const lines = new lib.LineCounter();
  const doc = lib.parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // Warnings (an unknown tag such as !!js/function) are errors here: shared files are untrusted.
  const err = doc.errors[0] ?? doc.warnings[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    if (err.code === 'DUPLICATE_KEY') {
      const key = keyAt(doc, lines, err.pos[0]);
      throw new InputError(file, key?.line ?? line, key ? fieldName(key.path) : null, 'duplicate field: it appears more than once in the same mapping');
    }
    if (err.code === 'RESOURCE_EXHAUSTION') throw new InputError(file, line, null, 'YAML nested too deeply');
    throw new InputError(file, line, null, `YAML${err.name === 'YAMLWarning' ? '' : ' syntax'}: ${err.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    const at = aliasAt(doc, lines, message);
    const why = /alias count/i.test(message) ? 'too many aliases: this looks like an alias bomb (billion laughs)' : message;
    throw new InputError(file, at?.line ?? null, at ? fieldName(at.path) || null : null, `YAML: ${why}`);
  }
  if (data === null || data === undefined) throw new InputError(file, null, null, 'is empty');
  if (typeof data !== 'object' || Array.isArray(data)) throw new InputError(file, lineOf({ file, doc, lines, data }, []), null, `expected a mapping of fields at the top, got ${Array.isArray(data) ? 'a list' : typeof data}`);
  return { file, doc, lines, data };
}

/** The line of the deepest node on the path that exists: a field's key, a list's item. */
export function lineOf(src: YamlSource, path: readonly PropertyKey[]): number {
  const { isMap, isScalar, isSeq } = yaml();
  for (let n = path.length; n > 0; n--) {
    const parent = src.doc.getIn(path.slice(0, n - 1) as unknown[], true);
    const key = path[n - 1];
    let node: unknown;
    if (isMap(parent)) node = parent.items.find((p) => isScalar(p.key) && p.key.value === key)?.key;
    else if (isSeq(parent) && typeof key === 'number') node = parent.items[key];
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return src.lines.linePos(range[0]).line;
  }
  const top = (src.doc.contents as { range?: [number, number, number] } | null)?.range;
  return top ? src.lines.linePos(top[0]).line : 1;
}

/** The line of a field in a file, found again when an error needs it (the error path only). */
export function lineInFile(file: string, path: (string | number)[]): number | null {
  try {
    return lineOf(parseYaml(file), path);
  } catch {
    return null;
  }
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return typeof v;
}

/** A misspelling: one name starts the other, or they are two edits apart. */
function looksAlike(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] <= 2;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, all: readonly z.core.$ZodIssue[]): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    // A misspelt field shows up as an unknown one plus a missing one: suggest the missing one.
    const missing = all.find(
      (i) =>
        i.code === 'invalid_type' &&
        i.path.length === path.length + 1 &&
        path.every((p, k) => i.path[k] === p) &&
        valueAt(data, i.path) === undefined &&
        looksAlike(String(key), String(i.path[path.length])),
    );
    const hint = missing ? ` (did you mean "${String(missing.path[path.length])}"?)` : '';
    return { path: [...path, key], message: `unknown field "${key}"${hint}` };
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const value = valueAt(data, path);
    const options = (issue as { options?: unknown[] }).options;
    const list = options ? `; expected one of: ${options.join(', ')}` : '';
    return { path, message: `unknown ${issue.discriminator} ${JSON.stringify(value)}${list}` };
  }
  const value = valueAt(data, path);
  if (value === undefined && issue.code === 'invalid_type') return { path, message: 'required field is missing' };
  if (issue.code === 'invalid_union') {
    // "Invalid input" says nothing: name what each alternative expected.
    const expected = issue.errors.flatMap((alt) => alt.filter((i) => i.path.length === 0 && i.code === 'invalid_type').map((i) => (i as { expected: string }).expected));
    if (expected.length === issue.errors.length) {
      const names = [...new Set(expected.map((e) => (e === 'object' ? 'a mapping' : e === 'array' ? 'a list' : e === 'int' ? 'a whole number' : `a ${e}`)))];
      return { path, message: `expected ${names.join(' or ')}, got ${describeType(value)}` };
    }
    const deeper = issue.errors.find((alt) => alt.length > 0 && alt.every((i) => i.code !== 'invalid_type' || i.path.length > 0));
    if (deeper) return describeIssue({ ...deeper[0], path: [...path, ...deeper[0].path] } as z.core.$ZodIssue, data, all);
  }
  return { path, message: issue.message };
}

/** The path of the first `__proto__` key anywhere in the data, or null. */
function protoKeyPath(v: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (v === null || typeof v !== 'object') return null;
  for (const k of Object.keys(v)) {
    if (k === '__proto__') return [...path, k];
    const found = protoKeyPath((v as Record<string, unknown>)[k], [...path, Array.isArray(v) ? Number(k) : k]);
    if (found) return found;
  }
  return null;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** Validates parsed YAML against a schema; the first issue becomes one InputError line. */
export function validateWith<T>(src: YamlSource, schema: z.ZodType<T>): T {
  // A `__proto__` key is an own field of the parsed data, but a record schema passes over it silently.
  const proto = protoKeyPath(src.data, []);
  if (proto) throw new InputError(src.file, lineOf(src, proto), fieldName(proto), 'unknown field "__proto__"');
  const r = schema.safeParse(src.data);
  if (r.success) return r.data;
  const issues = r.error.issues;
  const first = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  const { path, message } = describeIssue(first, src.data, issues);
  throw new InputError(src.file, lineOf(src, path), fieldName(path) || null, message);
}
