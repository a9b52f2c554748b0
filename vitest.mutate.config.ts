import { defineConfig } from 'vitest/config';

// The test subset mutation testing runs (stryker.config.mjs): the tests that reach the mutated
// files in-process and answer in seconds.
export default defineConfig({
  test: {
    include: [
      'test/economics.test.ts',
      'test/economics-independent.test.ts',
      'test/triangular.test.ts',
      'test/quantile.test.ts',
      'test/sandbox-limits.test.ts',
      'test/rules.test.ts',
      'test/step.test.ts',
      'test/moves.test.ts',
      'test/strategies.test.ts',
      'test/scenarios.test.ts',
      'test/batch.test.ts',
      'test/checkpoint-damage.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
