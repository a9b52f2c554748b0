// The rule sandbox: what it rejects (with the exact one-line error), that its closures agree with
// mathjs, and that a scenario's rule fires at the right step with the right why.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { CONDITION_REFUSALS } from './helpers/refusals.js';
import { loadScenario } from '../src/scenario/load.js';
import { compileCondition, RULE_NAMES, RuleSyntaxError, SLOT } from '../src/scenario/rules/index.js';
import type { Metrics } from '../src/model/metrics.js';
import { runScenario, startRun } from '../src/sim/run.js';
import { stepByStep } from './helpers/stepByStep.js';

const dir = mkdtempSync(join(tmpdir(), 'tariff-rules-'));
let n = 0;
function scenarioFile(rules: string, extra = ''): string {
  const file = join(dir, `s${n++}.yaml`);
  writeFileSync(
    file,
    `name: rule-test
description: "a rule"
baseline: busan-eve-2025-10-30
horizon: 30
seed: 7
records: [record-2025]
timeline:
  - at: 2026-01-05
    moves:
      - { actor: cn, type: impose_rare_earth_curbs, level: 0.6, licence_delay_weeks: 8 }
${extra}rules:
${rules}`,
  );
  return file;
}

function ruleWith(when: string): string {
  return `  - id: r
    when: ${JSON.stringify(when)}
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
`;
}

function errorOf(when: string): string {
  const file = scenarioFile(ruleWith(when));
  try {
    loadScenario(file);
  } catch (e) {
    return (e as Error).message.replace(file, 'FILE');
  }
  return 'no error';
}

describe('rule sandbox: rejected conditions', () => {
  const line = 'FILE:13: rules[0].when:';
  it.each([
    ...CONDITION_REFUSALS,
    ['createUnit("foo")', 'function "createUnit" is not allowed (allowed: abs, max, min)'],
    ['parse("1")', 'function "parse" is not allowed (allowed: abs, max, min)'],
    ['simplify("x")', 'function "simplify" is not allowed (allowed: abs, max, min)'],
    ['derivative("x^2", "x")', 'function "derivative" is not allowed (allowed: abs, max, min)'],
    ['resolve("x")', 'function "resolve" is not allowed (allowed: abs, max, min)'],
    ['compile("1")', 'function "compile" is not allowed (allowed: abs, max, min)'],
    ['chain(1)', 'function "chain" is not allowed (allowed: abs, max, min)'],
    ['help(step)', 'function "help" is not allowed (allowed: abs, max, min)'],
    ['reviver("a", 1)', 'function "reviver" is not allowed (allowed: abs, max, min)'],
    ['(step > 1', 'cannot parse: Parenthesis ) expected (char 10)'],
  ])('%s', (when, msg) => {
    expect(errorOf(when)).toBe(`${line} ${msg}`);
  });

  it('an unknown name lists the known names', () => {
    expect(errorOf('foo > 1')).toBe(`${line} unknown name "foo" (known: ${RULE_NAMES.join(', ')})`);
  });

  it('units are unknown names, not units', () => {
    expect(errorOf('step > 5 cm')).toMatch(/unknown name "cm"/);
  });

  it('a move of another actor than the rule names is an error on its line', () => {
    const file = scenarioFile(`  - id: r
    when: "step > 1"
    actor: cn
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
`);
    expect(() => loadScenario(file)).toThrow(`${file}:15: rules[0].move.actor: us does not match the rule's actor cn`);
  });

  it('duplicate ids and missing moves are errors', () => {
    const dup = scenarioFile(ruleWith('step > 1') + ruleWith('step > 2'));
    expect(() => loadScenario(dup)).toThrow(`${dup}:15: rules[1].id: duplicate rule id "r"`);
    const none = scenarioFile(`  - id: r
    when: "step > 1"
`);
    expect(() => loadScenario(none)).toThrow(`${none}:12: rules[0]: give either move or moves`);
  });
});

describe('rule sandbox: closures agree with mathjs', () => {
  const scope = new Map([['a', 0], ['b', 1], ['c', 2]]);
  const envs = [
    [0, 1, 2],
    [0.6, 0.5, -3],
    [-2.5, 4, 0],
    [100, 100 + 1e-13, 7],
    [1e-16, 0, 1],
    [Infinity, 5, -Infinity],
    [NaN, 1, 2],
  ];
  const exprs = [
    'a + b * c - a / 2',
    '-a ^ 2 + +b',
    'a > b',
    'a >= b and c < 1',
    'a == b',
    'a != b',
    'a <= b or not c',
    'a xor b',
    'a < b < c',
    'a > b ? a : c',
    'max(a, b, c) - min(a, b)',
    'abs(a - b) * 2',
    'max(a)',
    '(a + 1) * (b - 1)',
    'c % 3',
    '2 a + b',
    'true and a > 0',
    'not (a > 0.5 and b < 100)',
    'a / (b - b)',
    'a > 0.5 and b < 100 or c == 0',
  ];
  for (const expr of exprs) {
    it(expr, () => {
      const { fn } = compileCondition(expr, scope);
      for (const [a, b, c] of envs) {
        const expected = Number(evaluate(expr, { a, b, c }));
        const got = fn(new Float64Array([a, b, c]));
        if (Number.isNaN(expected)) expect(got).toBeNaN();
        else expect(got).toBe(expected);
      }
    });
  }

  it('comparisons use mathjs tolerances', () => {
    const { fn } = compileCondition('a == b', scope);
    expect(fn(new Float64Array([0.1 + 0.2, 0.3, 0]))).toBe(1);
  });

  it('tells when a condition stays false while the fixed names stay put (a false fixed part of an and)', () => {
    const fixed = (slot: number) => slot !== 1; // b moves, a and c do not
    const staysFalse = (expr: string, a: number, b: number, c: number) => compileCondition(expr, scope, fixed).stays_false(new Float64Array([a, b, c]));
    expect(staysFalse('a > 1 and b < 2', 0, 0, 0)).toBe(true);
    expect(staysFalse('a > 1 and b < 2', 2, 0, 0)).toBe(false);
    expect(staysFalse('b < 2 and (c == 1)', 0, 5, 0)).toBe(true);
    expect(staysFalse('b < 2', 0, 5, 0)).toBe(false); // false now, but b moves
    expect(staysFalse('a > 1 or b < 2', 0, 5, 0)).toBe(false);
    expect(staysFalse('a > 1 or c > 1', 0, 5, 0)).toBe(true);
    expect(staysFalse('(a > 1 or c > 1) and b > 0', 0, 5, 0)).toBe(true);
    expect(staysFalse('not (a > 1)', 2, 5, 0)).toBe(true);
    expect(staysFalse('a > 1 and b < 2', NaN, 0, 0)).toBe(true); // NaN > 1 is false
    // Nothing is fixed by default: nothing can be told.
    expect(compileCondition('a > 1', scope).stays_false(new Float64Array([0, 0, 0]))).toBe(false);
  });

  it('rejects without evaluating anything', () => {
    expect(() => compileCondition('import({}, {override: true})', SLOT)).toThrow(RuleSyntaxError);
  });
});

describe('rules in a scenario', () => {
  const rule = `  - id: answer_curbs
    when: "rare_earth_curb > 0.5 and us_threat_pp == 0"
    actor: us
    why: "answer the curbs"
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
`;
  it('fires the step after the condition shows, with the values that made it true', () => {
    const scn = loadScenario(scenarioFile(rule));
    const r = runScenario(scn);
    const fired = r.events.filter((e) => e.source === 'rule:answer_curbs');
    // The curbs come at 2026-01-05 (step 10 from 2025-10-30); the metrics show them at step 11.
    expect(fired.map((e) => e.step)).toEqual([11]);
    expect(fired[0].text).toContain('(answer the curbs: rare_earth_curb=0.6 > 0.5 and us_threat_pp=0 == 0)');
  });

  it('does not fire at step 0 even when its condition holds', () => {
    const scn = loadScenario(scenarioFile(`  - id: always
    when: "step >= 0"
    once: true
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
`));
    const fired = runScenario(scn).events.filter((e) => e.source === 'rule:always');
    expect(fired.map((e) => e.step)).toEqual([1]);
  });

  it('cooldown spaces the firings; once fires once', () => {
    const every = loadScenario(scenarioFile(`  - id: tick
    when: "step >= 2"
    cooldown: 5
    move: { actor: us, type: raise_tariff, layer: us_ieepa_reciprocal, by_pp: 1 }
`));
    // Its first raise also breaches the Geneva truce (an event of the rule's too): the firings are its moves.
    expect(runScenario(every).events.filter((e) => e.source === 'rule:tick' && e.kind === 'move').map((e) => e.step)).toEqual([2, 7, 12, 17, 22, 27]);
  });

  it('probability draws from the decisions stream: same seed, same result; another seed differs', () => {
    const scn = loadScenario(scenarioFile(`  - id: coin
    when: "step >= 1"
    probability: 0.3
    move: { actor: us, type: raise_tariff, layer: us_ieepa_reciprocal, by_pp: 1 }
`));
    const steps = (seed: number) => runScenario(scn, { seed }).events.filter((e) => e.source === 'rule:coin').map((e) => e.step);
    const a = steps(1);
    expect(steps(1)).toEqual(a);
    expect(a.length).toBeGreaterThan(2);
    expect(a.length).toBeLessThan(20);
    expect(steps(2)).not.toEqual(a);
    expect(runScenario(scn, { seed: 1 }).rows).toEqual(runScenario(scn, { seed: 1 }).rows);
  });

  describe('while the measures stay put (Decider.quiet)', () => {
    const quietOf = (rules: string) => {
      const scn = loadScenario(scenarioFile(rules));
      const { params, state } = startRun(scn, '1', null);
      const m = runScenario(scn, { steps: 1 }).rows[0] as unknown as Metrics;
      return (step: number, memory: Record<string, number> = {}) => scn.deciders[0].quiet!({ state: { ...state, step }, metrics: m, params, memory });
    };
    it('a rule whose fixed part is false waits for the measures; a probabilistic one draws meanwhile', () => {
      const q = quietOf(`  - id: answer
    when: "rare_earth_curb > 0.5 and escalation_index > 0"
    probability: 0.5
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
`);
      expect(q(3)).toEqual({ until: Infinity, draws_per_step: 1 });
    });
    it('a condition on what moves every step may hold at any step; spent and cooling rules wait', () => {
      const q = quietOf(`  - id: tense
    when: "escalation_index > 50"
    once: true
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
  - id: tick
    when: "step >= 2"
    cooldown: 5
    move: { actor: us, type: raise_tariff, layer: us_ieepa_reciprocal, by_pp: 1 }
`);
      expect(q(3)).toEqual({ until: 3, draws_per_step: 0 });
      expect(q(3, { 'rule:tense': 1 })).toEqual({ until: 3, draws_per_step: 0 }); // tick may fire
      expect(q(3, { 'rule:tense': 1, 'rule:tick': 2 })).toEqual({ until: 7, draws_per_step: 0 });
      expect(q(9, { 'rule:tense': 1, 'rule:tick': 2 })).toEqual({ until: 9, draws_per_step: 0 });
    });
    it('a run with quiet stretches draws and fires exactly as one stepped step by step', () => {
      const scn = loadScenario(scenarioFile(`  - id: coin
    when: "rare_earth_curb > 0.5 and step >= 1"
    probability: 0.2
    once: true
    move: { actor: us, type: threaten_tariff, layer: us_threat_100, rate_pct: 100 }
  - id: tick
    when: "us_threat_pp > 0"
    probability: 0.7
    cooldown: 3
    move: { actor: us, type: raise_tariff, layer: us_ieepa_reciprocal, by_pp: 1 }
`));
      for (const seed of [1, 2, 3, 4]) {
        const fast = runScenario(scn, { seed, run_index: seed });
        const slow = stepByStep(scn, { seed, run_index: seed });
        expect(JSON.stringify(fast.rows)).toBe(JSON.stringify(slow.rows));
        expect(fast.events).toEqual(slow.events);
        expect(fast.final).toEqual(slow.final);
        expect(fast.events.some((e) => e.source === 'rule:tick')).toBe(true);
      }
    });
    it('a rule that waited out its cooldown in a quiet stretch reads the metrics of the step before it acts', () => {
      // Imports from China are about $400bn a year here: the condition holds whenever it is read
      // right, so the rule fires every 4 steps; read from the wrong step (not yet written), it fails.
      const scn = loadScenario(scenarioFile(`  - id: watch
    when: "us_imports_from_cn_bn > 100"
    cooldown: 4
    move: { actor: us, type: raise_tariff, layer: us_ieepa_reciprocal, by_pp: 1 }
`));
      const fast = runScenario(scn, { seed: 1, run_index: 1, steps: 20 });
      const slow = stepByStep(scn, { seed: 1, run_index: 1, steps: 20 });
      const firings = (events: typeof fast.events) => events.filter((e) => e.source === 'rule:watch' && e.kind === 'move').map((e) => e.step);
      expect(firings(slow.events)).toEqual([1, 5, 9, 13, 17]);
      expect(firings(fast.events)).toEqual(firings(slow.events));
      expect(JSON.stringify(fast.rows)).toBe(JSON.stringify(slow.rows));
    });
  });
});
