import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The CLI bundled once for the tests that spawn it (tests/cli-bundle.ts).
    globalSetup: ['./tests/cli-bundle.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    // Browser tests start Chromium: one file at a time keeps a 2-core machine responsive.
    fileParallelism: false,
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
