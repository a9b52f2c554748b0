import { defineConfig } from 'vitest/config';

// CLI tests start real processes; on a loaded 2-core machine they need time (never a timing assertion).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
