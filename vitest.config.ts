import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// CLI tests start real processes; on a loaded 2-core machine they need time (never a timing assertion).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at once even on 2 cores (vitest's default there is one): many files spend their time
    // waiting on child processes, worker threads or npm, which leaves the other core idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
