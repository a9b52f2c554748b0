// The rule sandbox's size limits (scenario/rules/sandbox.ts): a condition is at most 2,000
// characters and nests at most 64 levels. Both are checked at their boundary, so that dropping a
// check or moving its bound by one fails here, whatever the scenario schema checks before it.

import { describe, expect, it } from 'vitest';
import { compileCondition, RuleSyntaxError } from '../src/scenario/rules/index.js';
import { MAX_CONDITION_CHARS, parseCondition } from '../src/scenario/rules/sandbox.js';

const scope = new Map([['a', 0]]);
const env = new Float64Array([2]);

/** `a > 1` padded with spaces to exactly n characters: shallow, so only its length matters. */
const padded = (n: number) => `a > 1${' '.repeat(n - 5)}`;
/** `a` inside k pairs of parentheses, compared with 1: the name sits k + 1 levels below the root. */
const nested = (k: number) => `${'('.repeat(k)}a${')'.repeat(k)} > 1`;

describe('length limit: 2,000 characters', () => {
  it('is 2,000', () => {
    expect(MAX_CONDITION_CHARS).toBe(2000);
  });

  it('accepts a condition of exactly 2,000 characters and evaluates it', () => {
    expect(padded(2000)).toHaveLength(2000);
    expect(compileCondition(padded(2000), scope).fn(env)).toBe(1);
  });

  it('refuses 2,001 characters, naming the length and the limit', () => {
    expect(() => parseCondition(padded(2001), scope)).toThrow(RuleSyntaxError);
    expect(() => compileCondition(padded(2001), scope)).toThrow('condition is 2001 characters; the limit is 2000');
  });
});

describe('depth limit: 64 levels', () => {
  it('accepts a name 64 levels deep (63 pairs of parentheses under the comparison)', () => {
    expect(compileCondition(nested(63), scope).fn(env)).toBe(1);
  });

  it('refuses 65 levels, saying so', () => {
    expect(() => compileCondition(nested(64), scope)).toThrow(RuleSyntaxError);
    expect(() => compileCondition(nested(64), scope)).toThrow('condition nests deeper than 64 levels');
  });

  it('counts every kind of node: a chain of 70 unary minuses, a sum of 80 terms', () => {
    expect(() => compileCondition(`${'-'.repeat(70)}a > 1`, scope)).toThrow('nests deeper than 64');
    expect(() => compileCondition(`${Array(80).fill('a').join(' + ')} > 1`, scope)).toThrow('nests deeper than 64');
    // 30 terms stay well inside both limits
    expect(compileCondition(`${Array(30).fill('a').join(' + ')} > 59`, scope).fn(env)).toBe(1);
  });

  it('the deepest condition the length allows is refused with one line, not a stack overflow', () => {
    const deepest = nested(997);
    expect(deepest.length).toBeLessThanOrEqual(2000);
    expect(() => compileCondition(deepest, scope)).toThrow(RuleSyntaxError);
  });
});
