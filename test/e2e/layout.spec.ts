/**
 * The layout a reviewer works in all day, at 1440x900 and 1280x720: the letter's items are in
 * view (each item's decision and service, several items at once), header labels sit on one
 * line, the Both view gives the text a readable column and the page a readable size, the first
 * queue row is never under the filters, and the keyboard focus is where the ring is.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { StoredLetter } from '../../src/shared/library.ts';
import { getLetter, loadSamples, snap } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

/** Each size, and what of the first items is in view without scrolling: [item index, field]. */
const SIZES = [
  { width: 1440, height: 900, inView: [[0, 'decision'], [0, 'service'], [0, 'claimsAdministratorGuideline'], [0, 'maximusGuideline'], [1, 'decision']] },
  { width: 1280, height: 720, inView: [[0, 'decision'], [0, 'service'], [0, 'claimsAdministratorGuideline'], [0, 'maximusGuideline']] },
] as const;
/** The status bar's height: what sits above it is on screen. */
const STATUS_BAR = 28;

let ws: Workstation;
let page: Page;
/** The letter with the most items. */
let letter: StoredLetter;

test.beforeAll(async ({ browser }) => {
  ws = await startWorkstation({ libraryFile: buildLibrary({ letters: 160 }).file });
  const rows = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1000 })).rows;
  const most = rows.reduce((best, row) => (row.itemCount > best.itemCount ? row : best));
  letter = await getLetter(ws, most.id);
  page = await browser.newPage({ viewport: { width: SIZES[0].width, height: SIZES[0].height } });
  await page.goto(ws.url);
  await expect(page.locator('.letter-title h2')).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
});

async function openMost(): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  await search.fill(letter.caseNumber!);
  await search.press('Enter');
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option').first().click();
  await expect(page.locator('.letter-title h2')).toHaveText(letter.caseNumber!);
  await search.press('Escape');
}

/** Whether the element is wholly inside the window above the status bar, and inside its scrolling pane. */
async function onScreen(selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element, statusBar) => {
    const box = element.getBoundingClientRect();
    const pane = element.closest('.letter-pane')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    return box.height > 0 && box.top >= pane.top && box.bottom <= Math.min(pane.bottom, window.innerHeight - statusBar);
  }, STATUS_BAR);
}

for (const size of SIZES) {
  const name = `${size.width}x${size.height}`;

  test(`at ${name} the first items' values are in view, nothing is wider than the window, and header labels sit on one line`, async ({}, testInfo) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openMost();
    await snap(page, `layout-text-${name}`, testInfo);
    expect(letter.items.length).toBeGreaterThanOrEqual(2);
    for (const [index, field] of size.inView) {
      expect(await onScreen(`#field-item-${letter.items[index]!.id}-${field}`), `item ${index + 1}'s ${field}`).toBe(true);
    }
    const overflow = await page.evaluate(() => ({ page: document.documentElement.scrollWidth - window.innerWidth, pane: (() => {
      const pane = document.querySelector('.letter-pane')!;
      return pane.scrollWidth - pane.clientWidth;
    })() }));
    expect(overflow, 'nothing wider than the window or the letter pane').toEqual({ page: 0, pane: 0 });
    const wrapped = await page.locator('.letter-pane .field-label').evaluateAll((labels) =>
      labels
        .filter((label) => {
          const style = getComputedStyle(label);
          return label.getBoundingClientRect().height > parseFloat(style.lineHeight) * 1.5;
        })
        .map((label) => label.textContent),
    );
    expect(wrapped, 'labels on two lines').toEqual([]);
  });

  test(`at ${name} the first queue row is not under the filters after a scroll`, async () => {
    await page.setViewportSize({ width: size.width, height: size.height });
    const list = page.getByRole('listbox', { name: 'Letters' });
    await list.evaluate((element) => element.scrollTo(0, 3000));
    await list.evaluate((element) => element.scrollTo(0, 0));
    const covered = await page.evaluate(() => {
      const row = document.querySelector('.queue-row')!.getBoundingClientRect();
      const controls = document.querySelector('.queue-controls')!.getBoundingClientRect();
      const atRow = document.elementFromPoint(row.left + row.width / 2, row.top + 4);
      return { overlap: controls.bottom > row.top + 1, hit: atRow?.closest('.queue-row') !== null };
    });
    expect(covered).toEqual({ overlap: false, hit: true });
  });
}

test('a letter opened by j has the keyboard focus on the field with the ring', async () => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('.letter-title h2').click();
  await page.keyboard.press('j');
  await expect(page.locator('.field-focused')).toHaveCount(1);
  const same = await page.evaluate(() => {
    const ringed = document.querySelector('.field-focused');
    return ringed !== null && ringed.contains(document.activeElement);
  });
  expect(same).toBe(true);
});

test.describe('the Both view of a PDF letter', () => {
  let samples: Workstation;
  let both: Page;

  test.beforeAll(async ({ browser }) => {
    samples = await startWorkstation({ libraryFile: buildLibrary({ letters: 0 }).file });
    await loadSamples(samples);
    both = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await both.goto(samples.url);
    await both.getByRole('listbox', { name: 'Letters' }).getByRole('option').filter({ hasText: 'CM16-0004000' }).click();
    await expect(both.locator('.letter-title h2')).toHaveText('CM16-0004000');
    await both.getByRole('radio', { name: 'Both' }).click();
  });

  test.afterAll(async () => {
    await both?.close();
    await samples?.stop();
  });

  for (const size of SIZES) {
    test(`at ${size.width}x${size.height} the text has a readable column and the page a readable size`, async ({}, testInfo) => {
      await both.setViewportSize({ width: size.width, height: size.height });
      await expect(both.locator('.pdf-page').first()).toBeVisible();
      await expect(both.locator('.pdf-image canvas').first()).toBeAttached();
      await snap(both, `layout-both-${size.width}x${size.height}`, testInfo);
      const widths = await both.evaluate(() => ({
        text: document.querySelector('.view-both .source')!.getBoundingClientRect().width,
        page: document.querySelector('.pdf-page')!.getBoundingClientRect().width,
      }));
      // A letter page is 612 points wide: shown 560 px or wider, its 11-point type reads at 10 px or more.
      expect(widths.text, 'text column').toBeGreaterThanOrEqual(480);
      expect(widths.page, 'page width').toBeGreaterThanOrEqual(560);
    });
  }
});
