/**
 * Rule checks and the vocabulary in the fields pane (issues 11 and 12): a finding beside the value
 * it is about, named with it for a screen reader and reached by `w`; the reading of each service
 * and guideline under its field, marked in the value; a corrected category marked and undone;
 * the queue's check and vocabulary filters. One library of generated letters; letter 1's case
 * number is printed short, so the format check finds it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { StoredItem, StoredLetter } from '../../src/shared/library.ts';
import { axeViolations, getLetter, queueRow, snap } from './helpers.ts';
import type { BuiltLetter } from './library.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

let ws: Workstation;
let page: Page;
let built: BuiltLetter[];
let ids: number[];

const title = () => page.locator('.letter-title h2');
const statusBar = () => page.locator('.status-bar');

async function open(index: number): Promise<StoredLetter> {
  await queueRow(page, built[index]!.caseNumber).click();
  await expect(title()).toHaveText(built[index]!.caseNumber);
  return getLetter(ws, ids[index]!);
}

/** The first item of the letters whose service the vocabulary placed in a category other than `other`. */
async function categorisedItem(): Promise<{ index: number; letter: StoredLetter; item: StoredItem; number: number }> {
  for (const [index, letterId] of ids.entries()) {
    const letter = await getLetter(ws, letterId);
    const position = letter.items.findIndex((item) => item.vocabulary && item.vocabulary.category !== 'other' && item.vocabulary.claimsAdministratorGuideline.citations.length > 0);
    if (position >= 0 && index !== 1) return { index, letter, item: letter.items[position]!, number: position + 1 };
  }
  throw new Error('no generated letter has a categorised service');
}

test.beforeAll(async ({ browser }) => {
  const library = buildLibrary({ letters: 6, shortCaseNumber: [1] });
  built = library.letters;
  ws = await startWorkstation({ libraryFile: library.file });
  ids = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100 })).rows.map((row) => row.id);
  // The library was built without derived values: the server works them out as it opens.
  await expect.poll(async () => (await ws.call('getStats')).derivedUpdate, { timeout: 20_000 }).toBeNull();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(ws.url);
  await expect(title()).toHaveText(built[0]!.caseNumber);
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
});

test('a check finding shows beside its value, is read with it, and w goes to it', async ({}, testInfo) => {
  const letter = await open(1);
  expect(letter.checks.map((check) => check.code)).toContain('case-number-format');
  const field = page.locator('#field-letter-caseNumber');
  const finding = field.locator('.check-finding[data-check="case-number-format"]');
  await expect(finding).toContainText('Case number format:');
  await expect(finding).toContainText(letter.checks.find((check) => check.code === 'case-number-format')!.message);
  // The text box names the finding as its description.
  const box = page.getByRole('textbox', { name: 'Case number', exact: true });
  await expect(box).toHaveAttribute('aria-describedby', 'field-letter-caseNumber-warnings');
  // w walks the values needing attention; the case number is one of them.
  let reached = false;
  for (let step = 0; step < 12 && !reached; step++) {
    await page.keyboard.press('w');
    reached = (await field.getAttribute('class'))?.includes('field-focused') ?? false;
  }
  expect(reached).toBe(true);
  await expect(statusBar()).toContainText('case number');
  await snap(page, 'check-finding-1440x900', testInfo);
  expect(await axeViolations(page, testInfo, 'check-finding')).toEqual([]);
});

test('the vocabulary’s reading shows under the service and guideline, marked in the value', async ({}, testInfo) => {
  const { index, item, number } = await categorisedItem();
  await open(index);
  const vocabulary = item.vocabulary!;
  const category = page.getByRole('combobox', { name: `Item ${number} service category` });
  await expect(category).toHaveValue(vocabulary.category);
  const serviceBox = page.locator(`#field-item-${item.id}-service`);
  await expect(serviceBox.locator('mark.reading-mark')).toHaveCount(serviceMarkCount(item));
  const guideline = page.locator(`#field-item-${item.id}-claimsAdministratorGuideline`);
  const citations = vocabulary.claimsAdministratorGuideline.citations;
  await expect(guideline.locator('.reading-chip')).toHaveCount(citations.length);
  await expect(guideline.locator('.reading-chip').first()).toContainText({ mtus: 'MTUS', odg: 'ODG', acoem: 'ACOEM', other: 'Other', 'no-evidence': 'No medical evidence cited' }[citations[0]!.source]);
  // The value's text is unchanged by its marks.
  await expect(guideline.getByRole('textbox')).toHaveText(item.claimsAdministratorGuideline ?? '');
  await snap(page, 'reading-1440x900', testInfo);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator(`#field-item-${item.id}-service`).scrollIntoViewIfNeeded();
  await snap(page, 'reading-1280x720', testInfo);
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('a corrected category is marked, saved as one undo step, and undone exactly', async () => {
  const { index, letter, item, number } = await categorisedItem();
  await open(index);
  const read = item.vocabulary!.category;
  const wanted = read === 'surgery' ? 'imaging' : 'surgery';
  await page.getByRole('combobox', { name: `Item ${number} service category` }).selectOption(wanted);
  await expect(statusBar()).toContainText(`Set the service category of item ${number}`);
  const serviceBox = page.locator(`#field-item-${item.id}-service`);
  await expect(serviceBox.locator('.edited-mark', { hasText: 'corrected' })).toBeVisible();
  expect((await getLetter(ws, letter.id)).items.find((candidate) => candidate.id === item.id)?.structureCorrections).toEqual({ category: wanted });
  expect((await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 10, category: wanted })).rows.map((row) => row.id)).toContain(letter.id);
  await statusBar().getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('combobox', { name: `Item ${number} service category` })).toHaveValue(read);
  await expect(serviceBox.locator('.edited-mark', { hasText: 'corrected' })).toHaveCount(0);
  expect((await getLetter(ws, letter.id)).items.find((candidate) => candidate.id === item.id)?.structureCorrections).toEqual({});
});

test("DWC's category is corrected from the keyboard beside the project's, as one change in the history that undo takes back", async () => {
  const { index, letter, item, number } = await categorisedItem();
  await open(index);
  const dwc = page.getByRole('combobox', { name: `Item ${number} DWC category` });
  const read = item.vocabulary!.dwcSubCategory;
  await expect(dwc).toHaveValue(read);
  await dwc.focus();
  await page.keyboard.press(read === 'unclassified/unclassified' ? 'ArrowUp' : 'ArrowDown');
  await expect(statusBar()).toContainText(`Set the DWC's category of item ${number}`);
  const corrections = (await getLetter(ws, letter.id)).items.find((candidate) => candidate.id === item.id)?.structureCorrections ?? {};
  expect(Object.keys(corrections)).toEqual(['dwcSubCategory']);
  await expect(page.locator(`#field-item-${item.id}-service .edited-mark`, { hasText: 'corrected' })).toBeVisible();
  await statusBar().getByRole('button', { name: 'Undo' }).click();
  await expect(dwc).toHaveValue(read);
  expect((await getLetter(ws, letter.id)).items.find((candidate) => candidate.id === item.id)?.structureCorrections).toEqual({});
});

test('the queue filters letters with check findings, and by service category', async ({}, testInfo) => {
  const withChecks = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100, hasChecks: true })).rows;
  expect(withChecks.map((row) => row.id)).toContain(ids[1]);
  await page.getByRole('checkbox', { name: 'With check findings' }).check();
  await expect(page.locator('.queue-count')).toHaveText(`${withChecks.length} letter${withChecks.length === 1 ? '' : 's'}`);
  await expect(queueRow(page, built[1]!.caseNumber).locator('.row-checks')).toBeVisible();
  await snap(page, 'queue-checks-1440x900', testInfo);
  await page.getByRole('checkbox', { name: 'With check findings' }).uncheck();

  const { item } = await categorisedItem();
  const category = item.vocabulary!.category;
  const inCategory = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100, category })).total;
  await page.getByRole('combobox', { name: 'Service category', exact: true }).selectOption(category);
  await expect(page.locator('.queue-count')).toHaveText(`${inCategory} letter${inCategory === 1 ? '' : 's'}`);
  await page.getByRole('combobox', { name: 'Service category', exact: true }).selectOption('');
  await expect(page.locator('.queue-count')).toHaveText(`${ids.length} letters`);
});

/** The marks the service shows: every reading the vocabulary took from it, overlapping ones joined. */
function serviceMarkCount(item: StoredItem): number {
  const service = item.vocabulary!.service.service;
  const spans = [
    ...(service.category.span ? [service.category.span] : []),
    ...service.drugs.map((drug) => drug.span),
    ...(service.frequency ? [service.frequency.span] : service.count ? [service.count.span] : []),
    ...service.bodyParts.map((part) => part.span),
    ...service.spineLevels.map((levels) => levels.printed.span),
  ].sort((a, b) => a[0] - b[0]);
  let count = 0;
  let end = -1;
  for (const [start, stop] of spans) {
    if (start > end) count++;
    end = Math.max(end, stop);
  }
  return count;
}
