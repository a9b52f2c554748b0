// The known mathjs attack shapes, written into a rule's `when` condition: each is refused when the
// file is validated (InputError, exit 2, one line naming rules[0].when), and each would have done
// something observable had a plain, unrestricted mathjs instance evaluated it.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { all, create, type MathJsInstance } from 'mathjs';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/scenario/errors.js';
import { loadScenario } from '../src/scenario/load.js';
import { cliInProcess } from './helpers/cli.js';

const ROOT = join(import.meta.dirname, '..');

interface Attack {
  name: string;
  when: string;
  /**
   * Evaluates the attack in a fresh `create(all)` instance and returns what it did, or null if
   * nothing observable happened. `guarded`: mathjs's own property guard stops it; the effect is then
   * shown on the JS objects the expression would have reached.
   */
  effect: (math: MathJsInstance, scope: Map<string, unknown>) => string | null;
}

/** The value an expression gives, if it is anything but a plain number or boolean (what a rule may compute). */
const nonNumber = (v: unknown): string | null => (typeof v === 'number' || typeof v === 'boolean' ? null : `gave a ${typeof v}: ${String(v).slice(0, 40)}`);

/** Property access mathjs guards: it must throw there, and the JS it would reach must be live. */
function guarded(math: MathJsInstance, expr: string, reach: () => unknown): string | null {
  expect(() => math.evaluate(expr)).toThrow(/No access to property|Cannot access method/);
  const reached = reach();
  return reached === undefined || reached === null ? null : `blocked by mathjs's own guard; the JS it reaches is live: ${String(reached).slice(0, 40)}`;
}

const ATTACKS: Attack[] = [
  // Constructor access through functions: Function, and from it any code.
  { name: 'constructor of a function', when: 'abs.constructor', effect: (m) => guarded(m, 'abs.constructor', () => (m.abs.constructor as FunctionConstructor)('return typeof process')()) },
  { name: 'constructor by index', when: 'max["constructor"]("return process")()', effect: (m) => guarded(m, 'max["constructor"]', () => (m.max.constructor as FunctionConstructor)('return process.pid')()) },
  // Functions that reach the library itself.
  {
    name: 'import',
    when: 'import({curb_override: 1}, {override: true})',
    // mathjs 15 no longer binds import in the parser; reachable (older mathjs, or a scope that
    // hands it over) it defines new functions on the instance.
    effect: (m) => {
      m.evaluate('import({curb_override: 1}, {override: true})', new Map<string, unknown>([['import', m.import]]));
      return (m as unknown as Record<string, unknown>).curb_override === 1 ? 'defined math.curb_override' : null;
    },
  },
  { name: 'createUnit', when: 'createUnit("zorkmid") == 0', effect: (m) => (m.evaluate('createUnit("zorkmid")'), String(m.evaluate('2 zorkmid')) === '2 zorkmid' ? 'created the unit zorkmid' : null) },
  { name: 'evaluate', when: 'evaluate("1 + 1") == 2', effect: (m) => (m.evaluate('evaluate("x = 7")') === 7 ? 'evaluated text from inside an expression' : null) },
  { name: 'parse', when: 'parse("x") == 0', effect: (m) => nonNumber(m.evaluate('parse("1 + 1")')) },
  { name: 'compile', when: 'compile("1") == 0', effect: (m) => nonNumber(m.evaluate('compile("6 * 7")')) },
  { name: 'simplify', when: 'simplify("x + x") == 0', effect: (m) => nonNumber(m.evaluate('simplify("x + x")')) },
  { name: 'derivative', when: 'derivative("x^2", "x") == 0', effect: (m) => nonNumber(m.evaluate('derivative("x^2", "x")')) },
  { name: 'resolve', when: 'resolve(parse("x"), {x: 1}) == 1', effect: (m) => nonNumber(m.evaluate('resolve(parse("x"), {x: 1})')) },
  { name: 'help', when: 'help(abs) == 0', effect: (m) => nonNumber(m.evaluate('help(abs)')) },
  // Prototype pollution and configuration.
  { name: 'config', when: 'config({number: "BigNumber"}) == 0', effect: (m) => (m.evaluate('config({number: "BigNumber"})'), m.config({}).number === 'BigNumber' ? 'switched the whole instance to BigNumber' : null) },
  { name: 'object with __proto__', when: '{"__proto__": {"polluted": 1}} == 0', effect: (m) => nonNumber(m.evaluate('{"__proto__": {"polluted": 1}}')) },
  { name: '__proto__ through an object', when: '{}.__proto__.polluted', effect: (m) => guarded(m, '{}.__proto__', () => Object.getPrototypeOf({})) },
  { name: 'assignment', when: 'rare_earth_curb = 0', effect: (m, s) => (m.evaluate('rare_earth_curb = 0', s), s.has('rare_earth_curb') ? 'wrote rare_earth_curb into the scope' : null) },
  { name: 'function definition', when: 'f(x) = x', effect: (m, s) => (m.evaluate('f(x) = x', s), typeof s.get('f') === 'function' ? 'defined f in the scope' : null) },
  { name: 'several expressions', when: 'x = 1; x > 0', effect: (m, s) => (m.evaluate('x = 1; x > 0', s), s.has('x') ? 'wrote x into the scope' : null) },
  // Unsafe property access on functions and matrices.
  { name: 'function source', when: 'abs.toString()', effect: (m) => nonNumber(m.evaluate('abs.toString()')) },
  { name: 'function name', when: 'abs.name', effect: (m) => guarded(m, 'abs.name', () => m.abs.name) },
  { name: 'matrix method', when: '[1, 2].map', effect: (m) => guarded(m, '[1, 2].map', () => m.matrix([1, 2]).map) },
  { name: 'matrix valueOf', when: 'matrix([1, 2]).valueOf()', effect: (m) => nonNumber(m.evaluate('matrix([1, 2]).valueOf()')) },
  { name: 'matrix index', when: '[1, 2, 3][2] > 1', effect: (m) => nonNumber(m.evaluate('[1, 2, 3]')) },
  { name: 'range', when: 'max(1:100000000) > 0', effect: (m) => nonNumber(m.evaluate('1:5')) },
  { name: 'units', when: '5 cm > 1', effect: (m) => nonNumber(m.evaluate('5 cm')) },
  { name: 'strings', when: '"x" == "x"', effect: (m) => nonNumber(m.evaluate('"x"')) },
  { name: 'the reviver', when: 'reviver', effect: (m) => nonNumber(m.evaluate('reviver')) },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tariff-sim-attacks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scenarioWith(attack: Attack, i: number): string {
  const file = join(dir, `attack-${i}.yaml`);
  const spec = {
    name: 'attack',
    description: `a rule that tries ${attack.name}`,
    baseline: 'busan-eve-2025-10-30',
    horizon: 4,
    rules: [{ id: 'attack', when: attack.when, move: { actor: 'us', type: 'raise_tariff', layer: 'us_ieepa_fentanyl', by_pp: 1 } }],
  };
  writeFileSync(file, stringify(spec));
  return file;
}

/** `tariff-sim validate FILE`: in-process (the same program and exit code), or as a real process for one attack. */
async function validateCli(file: string, real = false): Promise<{ code: number | null; stderr: string }> {
  if (!real) return cliInProcess(['validate', file]);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'validate', file], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('each attack is refused when the file is validated', () => {
  it.each(ATTACKS.map((a, i) => [a.name, a, i] as const))('%s', (_n, attack, i) => {
    const file = scenarioWith(attack, i);
    let caught: unknown = null;
    try {
      loadScenario(file);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const e = caught as InputError;
    expect(e.file).toBe(file);
    expect(e.field).toBe('rules[0].when');
    expect(e.line).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.concurrent.each(ATTACKS.map((a, i) => [a.name, a, i] as const))('`tariff-sim validate` exits 2 in one line: %s', async (_n, attack, i) => {
    const file = scenarioWith(attack, 100 + i);
    const r = await validateCli(file, i === 0);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: rules\\[0\\]\\.when: `));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('a __proto__ key in a rule is an unknown field, and pollutes nothing', () => {
    const file = join(dir, 'proto-rule.yaml');
    writeFileSync(
      file,
      'name: attack\ndescription: proto\nbaseline: busan-eve-2025-10-30\nhorizon: 4\nrules:\n  - id: r\n    when: "rare_earth_curb > 0.5"\n    __proto__: { polluted: 1 }\n    move: { actor: us, type: raise_tariff, layer: us_ieepa_fentanyl, by_pp: 1 }\n',
    );
    expect(() => loadScenario(file)).toThrow(/rules\[0\]\.__proto__: unknown field/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('each attack would have had an effect in a plain create(all) mathjs', () => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s', (_n, attack) => {
    const math = create(all);
    const effect = attack.effect(math, new Map());
    expect(effect, 'no observable effect').not.toBeNull();
  });
});
