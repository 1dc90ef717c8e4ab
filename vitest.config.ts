import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets a fresh embedded database; two forks fit this 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
