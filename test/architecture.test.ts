// The layers of ARCHITECTURE.md, checked: each may import only the layers below it, and the model
// reads no files, clock or Math.random.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SRC = join(ROOT, 'src');
const ALLOWED: Record<string, string[]> = {
  model: [],
  scenario: ['model'],
  sim: ['scenario', 'model'],
  batch: ['sim', 'scenario', 'model'],
  tui: ['batch', 'sim', 'scenario', 'model'],
  cli: ['tui', 'batch', 'sim', 'scenario', 'model'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('layers', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer} imports only ${allowed.join(', ') || 'nothing of the others'}`, () => {
      for (const file of files(join(SRC, layer))) {
        const text = readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'((?:\.\.\/)+)([a-z]+)\//g)) {
          const target = m[2];
          if (target === layer || !(target in ALLOWED)) continue;
          expect(allowed, `${file.slice(ROOT.length)} imports ${target}`).toContain(target);
        }
      }
    });
  }

  it('the model reads no files, no clock and no Math.random', () => {
    for (const file of files(join(SRC, 'model'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Math\.random|Date\.now|new Date\(\)|process\.|from 'node:/);
    }
  });
});
