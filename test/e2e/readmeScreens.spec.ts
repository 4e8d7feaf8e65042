/**
 * The README's screens, as a new user first sees the app: the empty library offering the sample
 * letters, then the samples loaded with the first letter open. Written to docs/screens at
 * 1440x900 (and checked at 1280x720 in test-results/screens) only when asked, since they are
 * committed: IMR_README_SCREENS=1 npx playwright test -c test/e2e/playwright.config.ts readmeScreens
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { snap } from './helpers.ts';
import { ROOT, startWorkstation } from './server.ts';

const README_SCREENS = path.join(ROOT, 'docs/screens');

test.skip(process.env['IMR_README_SCREENS'] !== '1', 'the README screens are taken only when asked (IMR_README_SCREENS=1)');

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
  test(`first start and the sample letters loaded, at ${viewport.width}x${viewport.height}`, async ({ browser }, testInfo) => {
    const ws = await startWorkstation({ reviewer: 'Dana Reyes' });
    const page = await browser.newPage({ viewport });
    try {
      await page.goto(ws.url);
      const load = page.getByRole('button', { name: 'Load sample letters' });
      await expect(load).toBeVisible();
      const shoot = async (name: string) => {
        if (viewport.width !== 1440) return snap(page, `readme-${name}-${viewport.width}`, testInfo);
        mkdirSync(README_SCREENS, { recursive: true });
        await page.screenshot({ path: path.join(README_SCREENS, `${name}.png`) });
      };
      await shoot('first-start');
      await load.click();
      const dialog = page.getByRole('dialog', { name: 'Import letters' });
      await expect(dialog.getByLabel('Import report')).toContainText('0 failed', { timeout: 60_000 });
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect(page.locator('.letter-pane section.item').first()).toBeVisible();
      await expect(page.locator('.source mark').first()).toBeVisible();
      await shoot('samples-loaded');
    } finally {
      await page.close();
      await ws.stop();
    }
  });
}
