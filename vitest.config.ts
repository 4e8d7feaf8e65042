import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real files, real PDFs, real SQLite: give slow disks room without timing anything.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
