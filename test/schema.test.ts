// The JSON Schema of scenario files: generated from the zod schema, committed for editors, and
// named by every shipped scenario's yaml-language-server comment.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/cli/commands/schema.js';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');
const COMMITTED = join(ROOT, 'schema', 'scenario.schema.json');

describe('schema/scenario.schema.json', () => {
  it('equals the schema generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(scenarioJsonSchema());
  });

  it('makes fields with defaults optional and refuses unknown fields', () => {
    const s = JSON.parse(scenarioJsonSchema()) as { required: string[]; additionalProperties: unknown; properties: Record<string, unknown> };
    // `baseline` or `start_state`, one of the two: the loader checks which (a one-line error at its line).
    expect(s.required.sort()).toEqual(['description', 'horizon', 'name']);
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['baseline', 'start_state']));
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['timeline', 'parameters', 'step', 'seed']));
  });

  it('is what `tariff-sim schema` prints', async () => {
    const r = await cliInProcess(['schema']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(scenarioJsonSchema());
  }, 60_000);

  it.each(readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')))('scenarios/%s names it for yaml-language-server', (f) => {
    const first = readFileSync(join(ROOT, 'scenarios', f), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
  });
});
