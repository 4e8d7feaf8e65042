import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Only ends a hang, timing nothing: real files, real PDFs, real SQLite and child processes take
    // their time on a slow disk, and a test that takes 10 s alone took 50 s at a load of 17 on two cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
