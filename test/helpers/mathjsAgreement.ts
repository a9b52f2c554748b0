// The sandbox's closures against mathjs's own evaluate (an outside implementation of the same
// grammar): the condition over three names a, b and c, at every environment given.

import { evaluate } from 'mathjs';
import { expect } from 'vitest';
import { compileCondition } from '../../src/scenario/rules/index.js';

export const ABC_SCOPE: ReadonlyMap<string, number> = new Map([['a', 0], ['b', 1], ['c', 2]]);

export function expectAgreesWithMathjs(expr: string, envs: readonly (readonly number[])[]): void {
  const { fn } = compileCondition(expr, ABC_SCOPE);
  for (const [a, b, c] of envs) {
    const expected = Number(evaluate(expr, { a, b, c }));
    const got = fn(new Float64Array([a, b, c]));
    if (Number.isNaN(expected)) expect(got, `${expr} at ${[a, b, c]}`).toBeNaN();
    else expect(got, `${expr} at ${[a, b, c]}`).toBe(expected);
  }
}
