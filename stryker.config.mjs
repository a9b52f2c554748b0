// Mutation testing (`npm run mutate`): StrykerJS changes one operator, literal or condition at a
// time in the files below and runs the tests that cover it; a mutant no test kills is a bug the
// suite would miss. Too slow for CI. The scope is the economics, the rule sandbox and the batch
// statistics, each with its fast unit tests (vitest.mutate.config.ts); docs/mutation.md has the
// scores, the survivors judged equivalent, and a command per target. Narrow it with
// `npm run mutate -- --mutate src/batch/quantile.ts` (any glob), and see README "Mutation testing".
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The tests that exercise these files in-process (vitest.mutate.config.ts): not the TUI, the
  // property tests (minutes each) or the tests that only start the CLI in a child process.
  vitest: { configFile: 'vitest.mutate.config.ts' },
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // The rest of src/model, the rules' loader and the checkpoints are reached mostly through whole
  // runs and CLI calls, minutes per mutant: measure them with --mutate and MUTATE_TESTS (docs/mutation.md).
  mutate: ['src/model/economics/*.ts', 'src/scenario/rules/sandbox.ts', 'src/batch/quantile.ts', 'src/batch/summary.ts'],
  // Re-test only the mutants whose code or tests changed since the last run (the file is not kept in git).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // Two cores, shared: one test process by default (override with --concurrency).
  concurrency: 1,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 75, break: null },
};
