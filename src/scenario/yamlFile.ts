// Reading a YAML file as untrusted input: size and content checks, parsing with positions kept,
// and schema errors mapped back to the line they come from.

import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { fieldName, InputError } from './errors.js';

/** Scenario and seed files are small; anything larger is a mistake or an attack. */
export const MAX_FILE_BYTES = 1_000_000;

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

function readText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(file, null, null, 'is a directory, not a scenario file');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, null, null, code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(file, null, null, `is ${size} bytes; scenario files are limited to ${MAX_FILE_BYTES}`);
  const buf = readFileSync(file);
  if (buf.includes(0)) throw new InputError(file, null, null, 'is binary, not YAML text');
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) throw new InputError(file, null, null, 'is not valid UTF-8 text');
  return text;
}

export function parseYaml(file: string, text: string = readText(file)): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    throw new InputError(file, line, null, `YAML syntax: ${err.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new InputError(file, null, null, `YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) throw new InputError(file, null, null, 'is empty');
  if (typeof data !== 'object' || Array.isArray(data)) throw new InputError(file, 1, null, `expected a mapping of fields at the top, got ${Array.isArray(data) ? 'a list' : typeof data}`);
  return { file, doc, lines, data };
}

/** The line of the deepest node on the path that exists: a field's key, a list's item. */
export function lineOf(src: YamlSource, path: readonly PropertyKey[]): number {
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

function describeIssue(issue: z.core.$ZodIssue, data: unknown): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return { path: [...path, key], message: `unknown field "${key}"` };
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const value = valueAt(data, path);
    const options = (issue as { options?: unknown[] }).options;
    const list = options ? `; expected one of: ${options.join(', ')}` : '';
    return { path, message: `unknown ${issue.discriminator} ${JSON.stringify(value)}${list}` };
  }
  const value = valueAt(data, path);
  if (value === undefined && issue.code === 'invalid_type') return { path, message: 'required field is missing' };
  return { path, message: issue.message };
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
  const r = schema.safeParse(src.data);
  if (r.success) return r.data;
  const { path, message } = describeIssue(r.error.issues[0], src.data);
  throw new InputError(src.file, lineOf(src, path), fieldName(path) || null, message);
}
