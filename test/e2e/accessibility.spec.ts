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

/** A sample letter imported from a PDF, so its pages can be shown. */
const PDF_SAMPLE = 'CM16-0004000';

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
    // Fourteen screens, each checked by axe: longer than the suite's default on a busy machine.
    test.setTimeout(240_000);
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
    // The rule checks' settings, from the status bar.
    await page.getByRole('button', { name: 'Rule checks…' }).click();
    await expect(page.getByRole('dialog', { name: 'Rule checks' })).toBeVisible();
    await check('rule-checks');
    await snap(page, `rule-checks-${size.width}x${size.height}`, testInfo);
    await page.keyboard.press('Escape');
    // A PDF letter in each source view: the text, both, the page.
    await page.getByRole('listbox', { name: 'Letters' }).getByRole('option').filter({ hasText: PDF_SAMPLE }).click();
    await expect(page.locator('.letter-title h2')).toHaveText(PDF_SAMPLE);
    for (const view of ['Both', 'Page'] as const) {
      await page.getByRole('radio', { name: view }).click();
      await expect(page.locator('.pdf-page').first()).toBeVisible();
      await check(`source-${view.toLowerCase()}`);
      await snap(page, `source-${view.toLowerCase()}-${size.width}x${size.height}`, testInfo);
    }
    await page.getByRole('radio', { name: 'Text' }).click();
    // A search nothing matches: the queue's and the letter pane's empty states.
    const search = page.getByRole('searchbox', { name: 'Search letters' });
    await search.fill('zzqxnomatch');
    await search.press('Enter');
    await expect(page.getByText('No letter matches these filters.')).toBeVisible();
    await check('no-match');
    await search.press('Escape');
    await expect(page.locator('.letter-title h2')).toBeVisible();
    expect(found).toEqual({});
  });
}

test('the empty library has no axe violations at both sizes', async ({ browser }, testInfo) => {
  const empty = await startWorkstation();
  const fresh = await (await browser.newContext()).newPage();
  try {
    await fresh.goto(empty.url);
    const found: Record<string, string[]> = {};
    for (const size of SIZES) {
      await fresh.setViewportSize(size);
      await expect(fresh.getByRole('button', { name: 'Load sample letters' })).toBeVisible();
      const list = await axeViolations(fresh, testInfo, `empty-${size.width}`);
      if (list.length > 0) found[`empty-${size.width}`] = list;
      await snap(fresh, `empty-${size.width}x${size.height}`, testInfo);
    }
    expect(found).toEqual({});
  } finally {
    await fresh.context().close();
    await empty.stop();
  }
});
