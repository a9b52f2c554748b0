// The rule sandbox (scenario/rules/sandbox.ts) on the shapes of condition the other unit files do not
// reach: chained comparisons, the logical operators on values other than 0 and 1, arithmetic,
// unary operators, the `name op number` shortcut against the general form, the values a why shows
// inside a call, the parsed tree a worker receives, and when a condition can be told to stay false.
// Expected values come from mathjs's own evaluate (an outside implementation of the same grammar)
// or by hand where written out.

import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileCondition, explain, RuleSyntaxError } from '../src/scenario/rules/index.js';
import { compileParsed, parseCondition } from '../src/scenario/rules/sandbox.js';
import { ABC_SCOPE, expectAgreesWithMathjs } from './helpers/mathjsAgreement.js';

const scope = ABC_SCOPE;
const envs = [
  [1, 2, 3],
  [1, 3, 2],
  [2, 1, 3],
  [3, 2, 1],
  [2, 2, 2],
  [0, 0, 5],
  [0, 4, 0],
  [-2.5, 0.5, 0],
  [1, 1 + 1e-13, 1],
  [NaN, 1, 2],
  [1, 2, NaN],
];

const agree = (expr: string) => expectAgreesWithMathjs(expr, envs);

describe('closures agree with mathjs', () => {
  it.each([
    // Chains: every link must hold, each against its neighbour (not the first).
    'a < b < c',
    'a <= b <= c',
    'c > b > a',
    'a >= b >= c',
    'a == b == c',
    'a != b != c',
    'a < b > c',
    // Logic on any values: 0 is false, anything else (NaN aside) true; the result is 1 or 0.
    'a and b',
    'a or b',
    'a xor b',
    'not a',
    'not not c',
    'b and c * 2',
    'a or c',
    // Arithmetic and unary signs.
    'a - b',
    'a * b - c',
    'a / b',
    'c / a - b',
    '-a + b',
    '-(a - c)',
    '+a * 3',
    '2 ^ -a',
    // The shortcut (a name against a number) and the general form of the same comparisons.
    'a > 1',
    '1 < a',
    'a >= 2',
    '2 <= a',
    'a == 1',
    'a != 1',
    'b > a',
    'a + 0 > 1',
    // abs of an expression.
    'abs(a - b)',
    'abs(b - a) * 2',
  ])('%s', agree);

  it('by hand: a chain stops at its first false link and compares each link with its neighbour', () => {
    const chain = compileCondition('a < b < c', scope).fn;
    expect(chain(new Float64Array([1, 2, 3]))).toBe(1);
    expect(chain(new Float64Array([1, 3, 2]))).toBe(0); // 1 < 3 holds, 3 < 2 does not (1 < 2 would)
    expect(chain(new Float64Array([2, 1, 3]))).toBe(0);
    expect(compileCondition('2 and 3', scope).fn(new Float64Array(3))).toBe(1);
    expect(compileCondition('0 or 0.5', scope).fn(new Float64Array(3))).toBe(1);
    expect(compileCondition('2 xor 3', scope).fn(new Float64Array(3))).toBe(0);
    expect(compileCondition('2 xor 0', scope).fn(new Float64Array(3))).toBe(1);
    expect(compileCondition('0 xor 0', scope).fn(new Float64Array(3))).toBe(0);
    expect(compileCondition('not 0.5', scope).fn(new Float64Array(3))).toBe(0);
    expect(compileCondition('not 0', scope).fn(new Float64Array(3))).toBe(1);
  });

  it('min and max of three or more: a NaN anywhere wins; within tolerance the first stays', () => {
    const max3 = compileCondition('max(a, b, c)', scope).fn;
    const min3 = compileCondition('min(a, b, c)', scope).fn;
    expect(max3(new Float64Array([1, 5, 2]))).toBe(5);
    expect(min3(new Float64Array([4, 5, 2]))).toBe(2);
    expect(max3(new Float64Array([1, NaN, 2]))).toBeNaN();
    expect(min3(new Float64Array([1, 2, NaN]))).toBeNaN();
    expect(max3(new Float64Array([1, 1 + 1e-13, 0]))).toBe(1); // 1 + 1e-13 is equal within 1e-12: the first stays
    expect(min3(new Float64Array([1, 1 - 1e-13, 2]))).toBe(1);
    const max2 = compileCondition('max(a, b)', scope).fn;
    expect(max2(new Float64Array([1, 1 + 1e-13, 0]))).toBe(1);
    expect(compileCondition('max(a, b, c, 7)', scope).fn(new Float64Array([1, 2, 3]))).toBe(7);
  });
});

describe('values that are not numbers', () => {
  it('undefined is refused, naming it', () => {
    expect(() => compileCondition('undefined', scope)).toThrow('only numbers, true and false are allowed as values, not undefined');
  });

  it('max and min used as values are named as functions', () => {
    expect(() => compileCondition('max > 1', scope)).toThrow('"max" is a function; call it as max(...)');
  });
});

describe('why a rule fired: values shown', () => {
  it('an integer in full, however many digits', () => {
    expect(explain(['x > ', 0], ['rows'], new Float64Array([123456]))).toBe('x > rows=123456');
  });
});

describe('why a rule fired, inside calls', () => {
  it('shows each name with its value, not the function names', () => {
    const { template } = compileCondition('max(a, 1) > 0.5 and abs(c) < 3', scope);
    expect(explain(template, ['a', 'b', 'c'], new Float64Array([0.6, 0, -2]))).toBe('max(a=0.6, 1) > 0.5 and abs(c=-2) < 3');
  });
});

describe('the parsed tree a batch worker receives', () => {
  it('is plain data: only the fields compiling reads, no mathjs objects', () => {
    const { tree } = parseCondition('a > 1', scope);
    // The mathjs node types and fields (mathjs docs, "Expression trees"), written out by hand.
    expect(tree).toStrictEqual({
      type: 'OperatorNode',
      op: '>',
      fn: 'larger',
      args: [
        { type: 'SymbolNode', name: 'a' },
        { type: 'ConstantNode', value: 1 },
      ],
    });
    const call = parseCondition('max(a, b) ? c : 1', scope).tree;
    expect(call).toStrictEqual({
      type: 'ConditionalNode',
      condition: { type: 'FunctionNode', name: 'max', fn: { type: 'SymbolNode', name: 'max' }, args: [{ type: 'SymbolNode', name: 'a' }, { type: 'SymbolNode', name: 'b' }] },
      trueExpr: { type: 'SymbolNode', name: 'c' },
      falseExpr: { type: 'ConstantNode', value: 1 },
    });
  });

  it('survives the copy to a worker and compiles there to the same answers', () => {
    const text = 'a < b < c or (not a and max(b, c) >= 2) ? 1 : -a';
    const parsed = structuredClone(parseCondition(text, scope));
    const { fn, stays_false } = compileParsed(parsed, scope);
    // Compiled without the names that stay put, it never says a rule may be skipped.
    expect(fn(new Float64Array([0, 0, 0]))).toBe(-0); // false: -a at a = 0
    expect(stays_false(new Float64Array([0, 0, 0]))).toBe(false);
    for (const [a, b, c] of envs) {
      const expected = Number(evaluate(text, { a, b, c }));
      const got = fn(new Float64Array([a, b, c]));
      if (Number.isNaN(expected)) expect(got).toBeNaN();
      else expect(got).toBe(expected);
    }
  });

  it('is checked again where it is compiled: a comparison or operator mathjs does not make is refused', () => {
    const sym = (name: string) => ({ type: 'SymbolNode', name });
    const relational = { tree: { type: 'RelationalNode', conditionals: ['smaller', 'bitAnd'], params: [sym('a'), sym('b'), sym('c')] }, template: [] };
    expect(() => compileParsed(relational, scope)).toThrow(new RuleSyntaxError('operator "bitAnd" is not allowed'));
    const ternary = { tree: { type: 'OperatorNode', fn: 'add', op: '+', args: [sym('a'), sym('b'), sym('c')] }, template: [] };
    expect(() => compileParsed(ternary, scope)).toThrow(new RuleSyntaxError('operator "+" is not allowed'));
  });
});

describe('stays_false: a rule that cannot fire while the measures stay put', () => {
  // a and c are fixed (the measures), b moves every step. An allow-list: only slots 0 and 2.
  const fixed = (slot: number) => slot === 0 || slot === 2;
  const sf = (text: string, env: number[]) => compileCondition(text, scope, fixed).stays_false(new Float64Array(env));

  it('a condition on fixed names alone: stays false exactly when it is false now', () => {
    expect(sf('a > 1', [0, 5, 0])).toBe(true);
    expect(sf('a > 1', [2, 5, 0])).toBe(false);
    expect(sf('a + c > 1', [0, 5, 0])).toBe(true);
    expect(sf('a + c > 1', [1, 5, 1])).toBe(false);
  });

  it('a condition reading a moving name cannot be told, whatever its value now', () => {
    expect(sf('b > 1', [0, 0, 0])).toBe(false);
    expect(sf('a + b > 1', [0, 0, 0])).toBe(false);
    expect(sf('a > 1 xor b > 1', [0, 0, 0])).toBe(false);
  });

  it('an and is told by either side, an or only by both, through parentheses at any level', () => {
    expect(sf('b > 1 and a > 1', [0, 5, 0])).toBe(true); // the fixed side is false
    expect(sf('a > 1 and b > 1', [0, 5, 0])).toBe(true);
    expect(sf('a > 1 and b > 1', [2, 0, 0])).toBe(false); // the fixed side holds; b may rise
    expect(sf('(b > 1 and a > 1)', [0, 5, 0])).toBe(true);
    expect(sf('((b > 1) and (a > 1))', [0, 5, 0])).toBe(true);
    expect(sf('b > 1 or a > 1', [0, 0, 0])).toBe(false); // b may rise
    expect(sf('(a > 1 and b > 1) or (c > 1 and b > 0)', [0, 5, 0])).toBe(true); // both sides told false
    expect(sf('(a > 1 and b > 1) or (c > 1 and b > 0)', [0, 5, 2])).toBe(false); // c > 1: the second side may hold
    expect(sf('b > 1 and b < 3', [0, 5, 0])).toBe(false); // no side can be told
    expect(sf('b > 1 or b < 3', [0, 5, 0])).toBe(false);
  });

  it('a not over a mixed and cannot be told (it holds here)', () => {
    // not (a > 1 and b > 1) at a = 0 is true, and stays so: never "stays false".
    expect(sf('not (a > 1 and b > 1)', [0, 5, 0])).toBe(false);
    expect(compileCondition('not (a > 1 and b > 1)', scope).fn(new Float64Array([0, 5, 0]))).toBe(1);
  });

  it('with nothing named fixed (the default), nothing can be told', () => {
    expect(compileCondition('a > 1', scope).stays_false(new Float64Array([0, 0, 0]))).toBe(false);
    expect(compileCondition('a > 1 and c > 1', scope).stays_false(new Float64Array([0, 0, 0]))).toBe(false);
  });
});
