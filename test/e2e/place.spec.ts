/**
 * The reviewer keeps their place: a letter far down the queue (past the rows loaded so far)
 * stays open after the search is cleared, the sort changed, a filter it still matches chosen
 * and the page reloaded; its row is selected and in view, and j/k walk from it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { QueueFilter, QueueSort } from '../../src/shared/api.ts';
import { queueRow } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

/** More than two of the queue's pages (100 rows each), so a letter can stand where no page was loaded. */
const LETTERS = 260;

let ws: Workstation;
let page: Page;
/** The letter the reviewer works on: past the first two pages both in import order and by case number. */
let far: string;

test.beforeAll(async ({ browser }) => {
  // Case numbers out of import order (a permutation of 0..LETTERS-1), so each sort puts the letter elsewhere.
  const built = buildLibrary({ letters: LETTERS, caseNumberAt: (index) => 1000 + ((index * 97) % LETTERS) });
  ws = await startWorkstation({ libraryFile: built.file });
  const byCase = await order('caseNumber');
  far = built.letters.map((letter) => letter.caseNumber).find((label, index) => index >= 200 && byCase.indexOf(label) >= 200)!;
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(ws.url);
  await expect(page.locator('.letter-title h2')).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
});

const title = () => page.locator('.letter-title h2');

/** The case numbers in queue order under this filter and sort, as the API gives them. */
async function order(sort: QueueSort, filter: QueueFilter = {}): Promise<string[]> {
  const rows = (await ws.call('queryQueue', { ...filter, sort, offset: 0, limit: 1000 })).rows;
  return rows.map((row) => row.caseNumber!);
}

/** The open letter's queue row is selected and in view. */
async function expectRowSelected(label: string): Promise<void> {
  const row = queueRow(page, label);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
}

test('a letter far down the queue stays open after clearing the search, a new sort, a filter it matches and a reload', async () => {
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  await search.fill(far);
  await search.press('Enter');
  await expect(queueRow(page, far)).toBeVisible();
  await queueRow(page, far).click();
  await expect(title()).toHaveText(far);

  await search.press('Escape');
  await expect(page.locator('.queue-count')).toHaveText(`${LETTERS} letters`);
  await expect(title()).toHaveText(far);
  await expectRowSelected(far);

  await page.getByRole('combobox', { name: 'Sort' }).selectOption('caseNumber');
  const byCase = await order('caseNumber');
  expect(byCase.indexOf(far)).toBeGreaterThanOrEqual(200);
  await expect(page.locator('.queue-row').first()).not.toHaveText(/…/);
  await expect(title()).toHaveText(far);
  await expectRowSelected(far);

  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'unreviewed' });
  await expect(title()).toHaveText(far);
  await expectRowSelected(far);

  await page.reload();
  await expect(title()).toHaveText(far);
  await expectRowSelected(far);
});

test('j and k walk from the open letter in the queue order on screen', async () => {
  const byCase = await order('caseNumber');
  const at = byCase.indexOf(far);
  await expect(title()).toHaveText(far);
  await page.locator('.letter-title h2').click();
  await page.keyboard.press('j');
  await expect(title()).toHaveText(byCase[at + 1]!);
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(title()).toHaveText(byCase[at - 1]!);
  await expectRowSelected(byCase[at - 1]!);
});

test('a filter the letter no longer matches opens its first match', async () => {
  const open = await title().innerText();
  const letter = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1000 })).rows.find((row) => row.caseNumber === open)!;
  const stored = (await ws.call('getLetter', letter.id))!;
  await ws.call('flagLetter', { letterId: stored.id, revision: stored.revision }, 'A second look');
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'unreviewed' });
  const unreviewed = await order('caseNumber', { status: 'unreviewed' });
  await expect(title()).toHaveText(unreviewed[0]!);
});

test('a decision key costs two calls: the change, whose reply carries the letter, Undo and the counts, and the page of the queue in view', async () => {
  // Any status: the letter, in progress once decided, stays in the queue it is in.
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' });
  await expect(page.locator('.queue-count')).toHaveText(`${LETTERS} letters`);
  const open = await title().innerText();
  const row = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1000 })).rows.find((candidate) => candidate.caseNumber === open)!;
  const letter = (await ws.call('getLetter', row.id))!;
  const item = letter.items[0]!;
  await page.locator(`#field-item-${item.id}-decision .field-value`).click();
  const calls: string[] = [];
  const onRequest = (request: { url(): string; postDataJSON(): unknown }) => {
    if (request.url().endsWith('/api')) calls.push((request.postDataJSON() as { method: string }).method);
  };
  page.on('request', onRequest);
  const queueRead = page.waitForResponse((response) => response.url().endsWith('/api') && (response.request().postDataJSON() as { method: string }).method === 'queryQueue');
  await page.keyboard.press(item.decision === 'Upheld' ? 'o' : 'u');
  await queueRead;
  await expect(page.getByRole('button', { name: /^Undo: Changed the decision of item 1/ })).toBeVisible();
  page.off('request', onRequest);
  expect(calls).toEqual(['setDecision', 'queryQueue']);
});
