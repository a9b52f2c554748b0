// The layers of ARCHITECTURE.md, checked: each may import only the layers below it, the model
// reads no files, clock or Math.random, and the strategy deciders load no zod.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SRC = join(ROOT, 'src');
const ALLOWED: Record<string, string[]> = {
  model: [],
  engine: ['model'],
  scenario: ['engine', 'model'],
  sim: ['scenario', 'engine', 'model'],
  batch: ['sim', 'scenario', 'engine', 'model'],
  tui: ['batch', 'sim', 'scenario', 'engine', 'model'],
  cli: ['tui', 'batch', 'sim', 'scenario', 'engine', 'model'],
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

  // What the model is stays apart from how a batch runs it fast: the caches are the engine's.
  it('the model remembers nothing: no cache, memo or table of earlier answers in its economics, step or regime', () => {
    const model = join(SRC, 'model');
    for (const file of [...files(join(model, 'economics')), ...['step.ts', 'regime.ts', 'derived.ts', 'economy.ts', 'lookups.ts'].map((f) => join(model, f))]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/new (Weak)?Map\b|recentOr|memoized|cache/i);
      expect(text, file).not.toMatch(/^let /m); // a module-level variable: something kept between calls
    }
  });

  it('the model reads no files, no clock and no Math.random', () => {
    for (const file of files(join(SRC, 'model'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Math\.random|Date\.now|new Date\(\)|process\.|from 'node:/);
    }
  });
});

/**
 * Specifiers of the imports and re-exports that load a module at run time (not `import type`); if
 * asked, the loads made when first needed too: `import()` and `createRequire(import.meta.url)(...)`.
 */
function runtimeImports(file: string, dynamicToo: boolean): string[] {
  const text = readFileSync(file, 'utf8');
  const statements = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^;'"]*?\bfrom\s+)?'([^']+)'/gm)];
  const dynamic = dynamicToo ? [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g), ...text.matchAll(/\bcreateRequire\(import\.meta\.url\)\(\s*'([^']+)'\s*\)/g)] : [];
  return [...statements, ...dynamic].map((m) => m[1]);
}

function source(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const found = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base].find(existsSync);
  if (!found) throw new Error(`${from.slice(ROOT.length)}: cannot find ${spec}`);
  return found;
}

/** A chain of run-time imports from the file to a package `pkg` matches, or null. */
function chainTo(pkg: RegExp, file: string, dynamicToo = true, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const spec of runtimeImports(file, dynamicToo)) {
    if (pkg.test(spec)) return [file.slice(ROOT.length), spec];
    if (!spec.startsWith('.')) continue;
    const rest = chainTo(pkg, source(file, spec), dynamicToo, seen);
    if (rest) return [file.slice(ROOT.length), ...rest];
  }
  return null;
}

const ZOD = /^zod(\/|$)/;

// Batch workers build deciders without loading zod (~240 modules, ~150 ms per worker): the strategy
// behaviour modules may reach the schema modules through `import type` only (erased by tsc).
describe('strategy deciders', () => {
  const STRATEGIES = join(SRC, 'scenario', 'strategies');
  const BEHAVIOUR = ['index', 'common', 'types', 'conciliatory', 'deadlineBargainer', 'escalateToCap', 'grimTrigger', 'scripted', 'titForTat'];

  it('the check sees zod where it is', () => {
    expect(chainTo(ZOD, join(STRATEGIES, 'schema.ts'))).not.toBeNull();
  });

  for (const name of BEHAVIOUR) {
    it(`strategies/${name}.ts loads no zod at run time`, () => {
      const chain = chainTo(ZOD, join(STRATEGIES, `${name}.ts`));
      expect(chain, chain?.join(' -> ')).toBeNull();
    });
  }
});

// A batch worker compiles its scenarios from the data the main thread sends (Scenario.source): it
// loads neither the YAML reader, nor the schemas, nor mathjs (together most of a second per thread).
// Only a plan made by hand, without that data, makes it import scenario/load.ts (dynamically).
describe('batch workers', () => {
  const WORKER = join(SRC, 'batch', 'worker.ts');
  for (const [name, pkg] of [['zod', ZOD], ['yaml', /^yaml(\/|$)/], ['mathjs', /^mathjs(\/|$)/]] as const) {
    it(`load no ${name} to compute a chunk`, () => {
      const chain = chainTo(pkg, WORKER, false);
      expect(chain, chain?.join(' -> ')).toBeNull();
    });
  }
  it('the check sees them behind the fallback for plans made by hand', () => {
    expect(chainTo(ZOD, WORKER, true)).not.toBeNull();
    expect(chainTo(/^yaml(\/|$)/, WORKER, true)).not.toBeNull();
    expect(chainTo(/^mathjs(\/|$)/, WORKER, true)).not.toBeNull();
  });
});

// `run` of a shipped scenario compiles it from the build's table (scenario/shippedScenarios.ts):
// the YAML reader, the schemas and mathjs load only when a file must be read and checked, and the
// other commands' modules (the terminal UI, batches, the report) only when they run.
describe('run', () => {
  const RUN = join(SRC, 'cli', 'commands', 'run.ts');
  const MAIN = join(SRC, 'cli', 'main.ts');
  const HEAVY = [['zod', ZOD], ['yaml', /^yaml(\/|$)/], ['mathjs', /^mathjs(\/|$)/], ['ink', /^ink(\/|$)/], ['react', /^react(\/|$)/], ['echarts', /^echarts(\/|$)/], ['tinypool', /^tinypool(\/|$)/]] as const;
  for (const [name, pkg] of HEAVY) {
    it(`loads no ${name} before it reads a file`, () => {
      for (const file of [MAIN, RUN]) {
        const chain = chainTo(pkg, file, false);
        expect(chain, chain?.join(' -> ')).toBeNull();
      }
    });
  }
  it('the check sees the schemas and the YAML reader behind the fallback for other files', () => {
    expect(chainTo(ZOD, RUN, true)).not.toBeNull();
    expect(chainTo(/^yaml(\/|$)/, RUN, true)).not.toBeNull();
  });
});

// `batch` of shipped scenarios starts as `run` does: the scenarios from the build's table, and the
// checkpoint and part-file schemas only when a checkpoint is resumed or parts are merged.
describe('batch', () => {
  const BATCH = join(SRC, 'cli', 'commands', 'batch.ts');
  for (const [name, pkg] of [['zod', ZOD], ['yaml', /^yaml(\/|$)/], ['mathjs', /^mathjs(\/|$)/], ['ink', /^ink(\/|$)/], ['react', /^react(\/|$)/], ['echarts', /^echarts(\/|$)/]] as const) {
    it(`loads no ${name} before it reads a file or a checkpoint`, () => {
      const chain = chainTo(pkg, BATCH, false);
      expect(chain, chain?.join(' -> ')).toBeNull();
    });
  }
  it('the check sees the schemas behind --resume and other files', () => {
    expect(chainTo(ZOD, BATCH, true)).not.toBeNull();
    expect(chainTo(ZOD, join(SRC, 'batch', 'checkpointRead.ts'), false)).not.toBeNull();
    expect(chainTo(ZOD, join(SRC, 'batch', 'mergeParts.ts'), false)).not.toBeNull();
  });
});
