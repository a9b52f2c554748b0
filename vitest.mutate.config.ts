import { defineConfig } from 'vitest/config';

// The test subset mutation testing runs (stryker.config.mjs): tests that reach the mutated files
// in-process and answer in seconds. Tests that run scenarios or batches at load time (scenarios,
// strategies, batch: worker pools) make most mutants "static", each then re-running every related
// test, and are left out. MUTATE_TESTS (comma-separated files) narrows it further for one file's run.
const DEFAULT = [
  'test/economics.test.ts',
  'test/economics-independent.test.ts',
  'test/trade-details.test.ts',
  'test/supply-details.test.ts',
  'test/escalation.test.ts',
  'test/tariffs.test.ts',
  'test/triangular.test.ts',
  'test/quantile.test.ts',
  'test/summary.test.ts',
  'test/sandbox-limits.test.ts',
  'test/sandbox-semantics.test.ts',
  'test/rules.test.ts',
  'test/step.test.ts',
  'test/moves.test.ts',
  'test/checkpoint-damage.test.ts',
];

export default defineConfig({
  test: {
    include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : DEFAULT,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
