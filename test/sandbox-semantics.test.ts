// The rule sandbox's functions, arities, constants and value display (scenario/rules/sandbox.ts),
// against mathjs itself where it evaluates the same text (an outside reference), and by hand for
// what mathjs would accept and the sandbox refuses.

import { describe, expect, it } from 'vitest';
import { CONDITION_REFUSALS } from './helpers/refusals.js';
import { ABC_SCOPE, expectAgreesWithMathjs } from './helpers/mathjsAgreement.js';
import { compileCondition, explain, fmtValue, nearlyEqual, RuleSyntaxError } from '../src/scenario/rules/index.js';

const scope = ABC_SCOPE;
const envs = [
  [1, 2, 3],
  [3, 2, 1],
  [2, 3, 1],
  [NaN, 1, 2],
  [1, NaN, 2],
  [1, 2, NaN],
  [1, 1 + 1e-13, 1 - 1e-13],
  [-0.5, 0, 0.5],
  [7, 0, -7],
];

describe('functions and operators agree with mathjs', () => {
  for (const expr of ['max(a, b)', 'min(a, b)', 'max(a, b, c)', 'min(a, b, c)', 'min(c, b, a)', 'max(c, a, b)', 'a % b', 'c % b', 'a mod c', '-a', '+c', 'a <= b', 'a >= b', 'b < a', 'a != c', '(a)', 'a ? b : c', 'a ^ b']) {
    it(expr, () => expectAgreesWithMathjs(expr, envs));
  }
});

describe('arities and values the sandbox refuses', () => {
  it('abs takes one argument; min and max at least one', () => {
    expect(() => compileCondition('abs(a, b)', scope)).toThrow('abs takes one argument, got 2');
    expect(() => compileCondition('abs()', scope)).toThrow('abs takes one argument, got 0');
    expect(() => compileCondition('max()', scope)).toThrow('max needs at least one argument');
    expect(() => compileCondition('min()', scope)).toThrow('min needs at least one argument');
    expect(compileCondition('min(c)', scope).fn(new Float64Array([0, 0, 4]))).toBe(4);
  });

  it('null and unary operators other than -, + and not', () => {
    expect(() => compileCondition('null', scope)).toThrow('only numbers, true and false are allowed as values, not null');
    expect(() => compileCondition('~a', scope)).toThrow('operator "~" is not allowed');
    expect(() => compileCondition('a!', scope)).toThrow(RuleSyntaxError);
    expect(() => compileCondition('   ', scope)).toThrow('empty condition');
  });

  it('true and false are 1 and 0', () => {
    expect(compileCondition('true', scope).fn(new Float64Array(3))).toBe(1);
    expect(compileCondition('false', scope).fn(new Float64Array(3))).toBe(0);
  });

  it('slots: each name once, in first-use order', () => {
    expect(compileCondition('c > a and a < b or c == 1', scope).slots).toEqual([2, 0, 1]);
  });
});

describe('nearlyEqual: mathjs tolerances (relative 1e-12, absolute 1e-15)', () => {
  it('by hand', () => {
    expect(nearlyEqual(1, 1 + 1e-13)).toBe(true); // 1e-13 <= 1e-12 x 1
    expect(nearlyEqual(1, 1 + 1e-11)).toBe(false);
    expect(nearlyEqual(0, 1e-16)).toBe(true); // absolute 1e-15
    expect(nearlyEqual(0, 1e-14)).toBe(false);
    expect(nearlyEqual(1e3, 1e3 + 1e-10)).toBe(true); // 1e-10 <= 1e-12 x 1e3 = 1e-9
    expect(nearlyEqual(Infinity, Infinity)).toBe(true);
    expect(nearlyEqual(Infinity, 1e308)).toBe(false);
    expect(nearlyEqual(NaN, NaN)).toBe(false);
  });
});

describe('why a rule fired: the values shown', () => {
  it('four significant digits at most; integers and non-finite values as they are', () => {
    expect(fmtValue(3)).toBe('3');
    expect(fmtValue(-12)).toBe('-12');
    expect(fmtValue(1.23456)).toBe('1.235');
    expect(fmtValue(0.000123456)).toBe('0.0001235');
    expect(fmtValue(123456.7)).toBe('123500');
    expect(fmtValue(Infinity)).toBe('Infinity');
    expect(fmtValue(NaN)).toBe('NaN');
  });

  it('each name with its value, the rest of the text as written', () => {
    const { template } = compileCondition('a > 0.5 and c == 2', scope);
    expect(explain(template, ['a', 'b', 'c'], new Float64Array([0.61234, 0, 2]))).toBe('a=0.6123 > 0.5 and c=2 == 2');
  });
});

describe('what a condition may not contain, refused with one line (the same list rules.test.ts checks through a scenario file)', () => {
  const NAMES = new Map([['step', 0], ['escalation_index', 1], ['rare_earth_curb', 2]]);
  it.each([
    ...CONDITION_REFUSALS,
    ['nosuch > 1', 'unknown name "nosuch" (known: step, escalation_index, rare_earth_curb)'],
  ])('%s', (text, message) => {
    expect(() => compileCondition(text, NAMES)).toThrow(RuleSyntaxError);
    expect(() => compileCondition(text, NAMES)).toThrow(message);
  });

  it('stays_false: a false part of an and over fixed names, through parentheses', () => {
    const fixed = (slot: number) => slot !== 1;
    const sf = (text: string, env: number[]) => compileCondition(text, scope, fixed).stays_false(new Float64Array(env));
    expect(sf('(a > 1)', [0, 0, 0])).toBe(true);
    expect(sf('(a > 1)', [2, 0, 0])).toBe(false);
    expect(sf('b > 1 and a > 1', [0, 5, 0])).toBe(true);
    expect(sf('b > 1 or a > 1', [0, 5, 0])).toBe(false);
    expect(sf('(a > 1 or c > 1) and b > 0', [0, 5, 0])).toBe(true);
    expect(sf('(a > 1 or c > 1) and b > 0', [0, 5, 2])).toBe(false);
    expect(sf('max(a, b) > 1', [0, 0, 0])).toBe(false); // reads b, which moves: cannot be told
  });
});
