/**
 * Accessibility, checked with axe-core on the real page: no violation on the main screen and in
 * every dialog, at 1440x900 and at 1280x720 (where the screenshots of each are taken too).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { axeViolations, loadSamples, snap } from './helpers.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

let ws: Workstation;
let page: Page;

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/**
 * Every dialog, by the key that opens it and its title, over the verified letter with an edit
 * (so the history and the corrections have rows) or, for the ones that change a letter, over
 * an open one.
 */
const DIALOGS = [
  { key: '?', title: 'Keyboard shortcuts', name: 'shortcuts', row: 0 },
  { key: 'g', title: 'Manage tags', name: 'tags', row: 0 },
  { key: 'i', title: 'Import letters', name: 'import', row: 0 },
  { key: 'x', title: 'Export the dataset', name: 'export', row: 0 },
  { key: 'c', title: 'Dataset conflicts', name: 'conflicts', row: 0 },
  { key: 'h', title: 'Edit history', name: 'history', row: 0 },
  { key: 'b', title: 'Bulk actions', name: 'bulk', row: 0 },
  { key: 'C', title: 'What reviewers corrected', name: 'corrections', row: 0 },
  { key: 'f', title: 'Flag this letter', name: 'flag', row: 1 },
  { key: 'm', title: 'Add a note', name: 'note', row: 1 },
  { key: 't', title: 'Tag item 1', name: 'tag-picker', row: 1 },
] as const;

test.beforeAll(async ({ browser }) => {
  ws = await startWorkstation();
  await loadSamples(ws);
  // A tag, an edit and a verified letter, so the tag list, the history and the corrections have rows.
  const [first] = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1 })).rows;
  const letter = (await ws.call('getLetter', first!.id))!;
  await ws.call('createTag', { name: 'Second look', colour: '#2f6fde', hotkey: '1', scope: 'both' });
  const edited = await ws.call('updateItemField', { letterId: letter.id, revision: letter.revision }, letter.items[0]!.id, { field: 'service', value: `${letter.items[0]!.service} (corrected)` });
  await ws.call('confirmAndVerify', { letterId: letter.id, revision: edited.revision });
  // axe runs its frames through the page's own context, which browser.newPage does not give it.
  page = await (await browser.newContext()).newPage();
  await page.goto(ws.url);
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
});

for (const size of SIZES) {
  test(`the main screen and every dialog have no axe violations at ${size.width}x${size.height}`, async ({}, testInfo) => {
    await page.setViewportSize(size);
    const rows = page.getByRole('listbox', { name: 'Letters' }).getByRole('option');
    await rows.nth(1).click();
    await expect(page.locator('.letter-title h2')).toBeVisible();
    // Every screen is checked before the test says what failed, so one run lists them all.
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const list = await axeViolations(page, testInfo, `${name}-${size.width}`);
      if (list.length > 0) found[name] = list;
    };
    await check('main');
    await snap(page, `main-${size.width}x${size.height}`, testInfo);
    for (const dialog of DIALOGS) {
      await rows.nth(dialog.row).click();
      await page.locator('.letter-title h2').click();
      await page.keyboard.press(dialog.key);
      const shown = page.getByRole('dialog', { name: dialog.title });
      await expect(shown).toBeVisible();
      await expect(shown.getByText('Loading…')).toHaveCount(0);
      await check(dialog.name);
      await snap(page, `${dialog.name}-${size.width}x${size.height}`, testInfo);
      await page.keyboard.press('Escape');
      await expect(shown).toBeHidden();
    }
    expect(found).toEqual({});
  });
}
