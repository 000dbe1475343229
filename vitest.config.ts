import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure functions and content checks, no build) and `site` (build/ and e2e/:
 * one real `astro build` in global setup, then static-file and Chromium tests against it).
 */
export default defineConfig({
  test: {
    // The JSON report feeds the "N passed, N failed" line printed by .ci/run.
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/build-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Each e2e file runs its own Chromium; two at a time fits a 2-core machine.
          maxWorkers: 2,
          // A browser waits on lazy-loaded code and the search index; on a busy 2-core machine that takes
          // longer than expect.poll's default second.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
