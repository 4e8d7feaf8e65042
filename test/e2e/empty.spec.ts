/**
 * A first run: an empty library offers the sample letters shipped in resources/samples,
 * and `?` shows the shortcut sheet generated from the keyboard map.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { SHORTCUTS } from '../../src/renderer/src/state/shortcuts.ts';
import { countText, queueCount, snap } from './helpers.ts';
import type { Workstation } from './server.ts';
import { ROOT, startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const SAMPLES = readdirSync(path.join(ROOT, 'resources/samples')).filter((name) => /\.(pdf|txt)$/.test(name)).length;

let ws: Workstation;
let page: Page;

test.beforeAll(async ({ browser }) => {
  ws = await startWorkstation();
  page = await browser.newPage();
  await page.goto(ws.url);
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
});

test('a fresh library shows the empty state, and "Load sample letters" imports the samples', async ({}, testInfo) => {
  await expect(page.getByRole('heading', { name: 'No letters yet' })).toBeVisible();
  const load = page.getByRole('button', { name: 'Load sample letters' });
  await expect(load).toBeFocused();
  await expect(page.getByLabel('Review progress')).toContainText('0 / 0 verified');
  await snap(page, 'empty-state', testInfo);

  // Enter presses the focused button (the page's keys leave it alone).
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Import letters' });
  await expect(dialog.getByLabel('Import report')).toContainText(`${SAMPLES} imported`, { timeout: 60_000 });
  await expect(dialog.getByLabel('Import report')).toContainText('0 failed');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByRole('heading', { name: 'No letters yet' })).toBeHidden();
  await expect(queueCount(page)).toHaveText(countText(SAMPLES));
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(SAMPLES);
  // The first letter opens by itself.
  await expect(page.locator('.letter-pane section.item').first()).toBeVisible();
  await expect(page.locator('.source mark').first()).toBeVisible();
  expect((await ws.call('getStats')).letters).toBe(SAMPLES);
});

test('? shows every shortcut of the keyboard map, and Escape closes it', async ({}, testInfo) => {
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const shortcut of SHORTCUTS) await expect(sheet.getByText(shortcut.description, { exact: true })).toBeVisible();
  await expect(sheet.locator('dl kbd')).toHaveCount(SHORTCUTS.reduce((n, s) => n + s.keys.length, 0));
  await snap(page, 'shortcut-sheet', testInfo);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  // The top bar's ? button opens the same sheet.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});
