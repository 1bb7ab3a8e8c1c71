import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** One migrated embedded database for the run, copied by every console a test starts. */
const DB_TEMPLATE = {
  globalSetup: 'packages/testkit/src/vitest/global-setup.ts',
  setup: 'packages/testkit/src/vitest/setup.ts',
};

export default defineConfig({
  test: {
    // Most test time is spent waiting on servers and timers: two files at once even on one core.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
          globalSetup: [DB_TEMPLATE.globalSetup],
          setupFiles: [DB_TEMPLATE.setup],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: [DB_TEMPLATE.globalSetup],
          setupFiles: [DB_TEMPLATE.setup],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
