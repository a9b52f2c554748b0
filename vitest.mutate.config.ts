import { defineConfig } from 'vitest/config';

// The test subset mutation testing runs (stryker.config.mjs): tests that reach the mutated files
// in-process and answer in seconds. Tests that run scenarios or batches at load time (scenarios,
// strategies, batch: worker pools, anticipation, tension-rest) make most mutants "static", each then
// re-running every related test, and are left out; so are those that run whole scenarios in each test
// (rules, leverage: minutes per mutant). MUTATE_TESTS (comma-separated files) replaces the list, for
// one target's run or a wider scope (docs/mutation.md).
const DEFAULT = [
  // src/model/economics
  'test/economics.test.ts',
  'test/economics-independent.test.ts',
  'test/trade-details.test.ts',
  'test/trade-welfare.test.ts',
  'test/supply-details.test.ts',
  'test/escalation.test.ts',
  'test/tariffs.test.ts',
  'test/anticipation-units.test.ts',
  'test/ledgers-units.test.ts',
  'test/soybean-target.test.ts',
  // src/scenario/rules/sandbox.ts
  'test/sandbox-limits.test.ts',
  'test/sandbox-semantics.test.ts',
  'test/sandbox-shapes.test.ts',
  // src/batch/quantile.ts and summary.ts
  'test/quantile.test.ts',
  'test/summary.test.ts',
];

export default defineConfig({
  test: {
    include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : DEFAULT,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
