// The shipped files parsed at build (scenario/parsedAtBuild.ts): a file whose text is a shipped
// file's gets that file's data without parsing; any other text is parsed; errors keep their lines.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ParsedTable, tableEntry, textKey, useParsedTable } from '../src/scenario/parsedAtBuild.js';
import { parseWithMathjs } from '../src/scenario/rules/compileRules.js';
import { compileParsed, type ParsedCondition, RuleSyntaxError } from '../src/scenario/rules/sandbox.js';
import { SLOT } from '../src/scenario/rules/names.js';
import { parseYaml, validateWith } from '../src/scenario/yamlFile.js';

const ROOT = join(import.meta.dirname, '..');
const shipped = ['seeds', 'scenarios'].flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, d, f)),
);

afterEach(() => useParsedTable(null));

describe('the table of shipped files', () => {
  it('carries every shipped seed and scenario exactly, as JSON', () => {
    useParsedTable(null);
    expect(shipped.length).toBeGreaterThan(20);
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      const entry = tableEntry(text, parseYaml(file, text).data);
      expect(entry, file).not.toBeNull();
      expect(JSON.parse((entry as [string, string])[1]), file).toEqual(parseYaml(file, text).data);
    }
  });

  it('is looked up by the exact text: one more byte and the file is parsed', () => {
    const text = 'a: 1\nb: [2, 3]\n';
    useParsedTable({ files: { [textKey(text)]: JSON.stringify({ from: 'table' }) }, conditions: {} });
    expect(parseYaml('x.yaml', text).data).toEqual({ from: 'table' });
    expect(parseYaml('x.yaml', text + ' ').data).toEqual({ a: 1, b: [2, 3] });
    useParsedTable(null);
    expect(parseYaml('x.yaml', text).data).toEqual({ a: 1, b: [2, 3] });
  });

  it('gives each call its own copy of the data', () => {
    const text = 'a: [1]\n';
    useParsedTable({ files: { [textKey(text)]: '{"a":[1]}' }, conditions: {} });
    const first = parseYaml('x.yaml', text).data as { a: number[] };
    first.a.push(2);
    expect(parseYaml('x.yaml', text).data).toEqual({ a: [1] });
  });

  it('an error in a file read from the table names the same line as after parsing', () => {
    const text = 'name: ok\nsteps: 12\nhorizon: lots\n';
    const schema = z.strictObject({ name: z.string(), steps: z.number(), horizon: z.number() });
    const message = (t: ParsedTable | null) => {
      useParsedTable(t);
      try {
        validateWith(parseYaml('s.yaml', text), schema);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const parsed = message(null);
    expect(parsed).toMatch(/^s\.yaml:3: horizon: /);
    const entry = tableEntry(text, parseYaml('s.yaml', text).data) as [string, string];
    expect(message({ files: { [entry[0]]: entry[1] }, conditions: {} })).toBe(parsed);
  });

  it('leaves out data JSON cannot carry exactly', () => {
    expect(tableEntry('x: .inf', { x: Infinity })).toBeNull();
    expect(tableEntry('x: -0.0', { x: -0 })).toBeNull();
    expect(tableEntry('x: 1.5', { x: 1.5 })).toEqual([textKey('x: 1.5'), '{"x":1.5}']);
  });

  it("a shipped condition's tree comes from the table, and the sandbox still checks it", () => {
    const text = 'escalation_index > 60';
    useParsedTable(null);
    const parsed = parseWithMathjs(text);
    // A tree planted under that text: the table is used as is, so a call the whitelist refuses must be refused.
    const planted: ParsedCondition = { tree: { type: 'FunctionNode', fn: { type: 'SymbolNode', name: 'evaluate' }, args: [] }, template: [] };
    useParsedTable({ files: {}, conditions: { [text]: JSON.stringify(planted) } });
    expect(parseWithMathjs(text)).toEqual(planted);
    expect(() => compileParsed(parseWithMathjs(text), SLOT)).toThrow(RuleSyntaxError);
    // Any other text is parsed.
    expect(parseWithMathjs(text + ' ')).toEqual(parsed);
    useParsedTable({ files: {}, conditions: { [text]: JSON.stringify(parsed) } });
    const env = new Float64Array(SLOT.size);
    const fn = compileParsed(parseWithMathjs(text), SLOT).fn;
    env[SLOT.get('escalation_index') as number] = 61;
    expect(fn(env)).toBe(1);
    env[SLOT.get('escalation_index') as number] = 59;
    expect(fn(env)).toBe(0);
  });
});
