/**
 * End-to-end tests (`npm run test:e2e`): the built UI in Debian's Chromium against the
 * real bridge, services and SQLite library. Specs are *.spec.ts so vitest (which takes
 * test/**\/*.test.ts) never runs them. Screenshots of the main screens are saved in
 * test-results/screens.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './server.ts';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(ROOT, 'test-results/e2e'),
  globalSetup: './globalSetup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['html', { outputFolder: path.join(ROOT, 'playwright-report'), open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1500, height: 900 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
