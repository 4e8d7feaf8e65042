/**
 * A reviewer's day on a fresh library: import generated letters through the Import
 * dialog, check what the parser found against the generator's ground truth, correct,
 * decide, add and delete items, undo and redo, tag, verify, search and filter, reload.
 * One browser page and one bridge for the whole file; the tests run in order.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { SHORTCUTS } from '../../src/renderer/src/state/shortcuts.ts';
import { foldWhitespace } from '../../src/shared/fold.ts';
import type { StoredItem, StoredLetter } from '../../src/shared/library.ts';
import type { FixtureEntry, GoldLetter } from '../fixtures/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import {
  allLetters,
  countText,
  dragSelectSource,
  fieldValue,
  getLetter,
  highlightText,
  openLetter,
  queueCount,
  queueRow,
  rowLabel,
  selectSourceRange,
  selectedText,
  snap,
} from './helpers.ts';
import type { Workstation } from './server.ts';
import { REVIEWER, startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const LETTERS = 6;
const PARTIAL_FIELDS: readonly string[] = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'];
const ITEM_VALUE_FIELDS = [
  'service',
  'claimsAdministratorGuideline',
  'maximusGuideline',
  'rationale',
  'originalRequest',
  'authorizedByClaimsAdministrator',
  'imrEligiblePortion',
] as const;

/** A tag hotkey no shortcut uses (a shortcut would win over it). */
const TAG_HOTKEY = [...'123456789'].find((key) => !SHORTCUTS.some((shortcut) => shortcut.keys.includes(key)))!;

let ws: Workstation;
let page: Page;
let folder: string;
let entries: FixtureEntry[];
/** The letter the editing tests work on, and its first item as imported. */
let target: StoredLetter;
let original: StoredItem;

test.beforeAll(async ({ browser }) => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-e2e-letters-'));
  entries = await writeFixtureFolder(folder, { count: LETTERS, seed: 4100, pdfShare: 0.5, badFiles: ['corrupt-pdf'] });
  ws = await startWorkstation();
  page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(ws.url);
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const truthOf = (entry: FixtureEntry): GoldLetter => JSON.parse(readFileSync(path.join(folder, entry.truthFile!), 'utf8')) as GoldLetter;
const itemSection = (index: number) => page.getByRole('region', { name: `Item ${index + 1}`, exact: true });
const decisionOf = (index: number) => itemSection(index).getByRole('radio', { checked: true });
const itemKey = (item: StoredItem, field: string) => `item-${item.id}-${field}`;
const shownItemIds = () => page.locator('.letter-pane section.item').evaluateAll((sections) => sections.map((s) => Number((s as HTMLElement).dataset['itemId'])));

test('imports a folder of generated letters through the Import dialog and reports the bad file', async ({}, testInfo) => {
  await expect(page.getByRole('heading', { name: 'No letters yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Import letters…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import letters' });
  await dialog.getByLabel(/Files or folders to import/).fill(folder);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = dialog.getByLabel('Import report');
  // The skipped files are the truth files (.json) beside the letters.
  await expect(report).toContainText(`${LETTERS} imported · 0 already in the library · ${LETTERS} skipped · 1 failed`, { timeout: 60_000 });
  const bad = entries.find((entry) => entry.bad !== null)!;
  await expect(report.getByRole('row').filter({ hasText: bad.file })).toContainText('corrupt-pdf');
  await snap(page, 'import-report', testInfo);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
  await expect(page.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(LETTERS);
  await expect(page.getByLabel('Review progress')).toContainText(`0 / ${LETTERS} verified`);
});

test("shows every letter's fields and highlights as the ground truth has them", async ({}, testInfo) => {
  const letters = await allLetters(ws);
  expect(letters).toHaveLength(LETTERS);
  for (const entry of entries.filter((e) => e.truthFile !== null)) {
    const truth = truthOf(entry);
    const letter = letters.find((l) => l.fileName === entry.file)!;
    expect(letter, entry.file).toBeDefined();
    await openLetter(page, letter);

    if (truth.caseNumber) await expect(fieldValue(page, 'letter-caseNumber')).toHaveText(truth.caseNumber);
    await expect(fieldValue(page, 'letter-reviewerSpecialty')).toHaveText(truth.reviewerSpecialty);
    await expect(fieldValue(page, 'letter-reviewerLicensure')).toHaveText(truth.reviewerLicensure);
    for (const [field, value] of Object.entries(truth.extra.header ?? {})) {
      await expect(fieldValue(page, `letter-${field}`), `${entry.file} ${field}`).toHaveText(value);
    }

    await expect(page.locator('.letter-pane section.item')).toHaveCount(truth.items.length);
    const ids = await shownItemIds();
    for (const [index, gold] of truth.items.entries()) {
      const item = letter.items.find((i) => i.id === ids[index])!;
      const where = `${entry.file} item ${index + 1}`;
      await expect(fieldValue(page, itemKey(item, 'service')), where).toHaveText(foldWhitespace(gold.service));
      await expect(decisionOf(index), where).toHaveText(gold.decision);
      await expect(fieldValue(page, itemKey(item, 'claimsAdministratorGuideline')), where).toHaveText(foldWhitespace(gold.claimsAdministratorGuideline));
      await expect(fieldValue(page, itemKey(item, 'maximusGuideline')), where).toHaveText(foldWhitespace(gold.maximusGuideline));
      await expect(fieldValue(page, itemKey(item, 'rationale')), where).toHaveText(foldWhitespace(gold.rationale));
      if (gold.partial) {
        await expect(fieldValue(page, itemKey(item, 'originalRequest')), where).toHaveText(foldWhitespace(gold.partial.originalRequest));
        await expect(fieldValue(page, itemKey(item, 'imrEligiblePortion')), where).toHaveText(foldWhitespace(gold.partial.imrEligiblePortion));
      }
      // Every value the item has is highlighted in the source, over text that folds to it.
      for (const field of [...ITEM_VALUE_FIELDS, 'decision'] as const) {
        const value = item[field];
        if (value === null) continue;
        const span = item.spans[field]?.[0];
        expect(span, `${where} ${field} span`).toBeDefined();
        // A partial certification's parts lie inside its service: they are marked while focused.
        if (PARTIAL_FIELDS.includes(field)) await fieldValue(page, itemKey(item, field)).click();
        const shown = await highlightText(page, itemKey(item, field), span!);
        expect(shown, `${where} ${field} highlight`).not.toBeNull();
        expect(foldWhitespace(shown!), `${where} ${field} highlight`).toBe(value);
      }
    }
    if (target === undefined && letter.items.length >= 2) {
      target = letter;
      await snap(page, 'review-split-view', testInfo);
    }
  }
  expect(target, 'a letter with two items or more').toBeDefined();
});

test('corrects a wrong service by selecting source text and pressing s', async () => {
  await openLetter(page, target);
  original = target.items[0]!;
  const span = original.spans['service']![0]!;
  const text = target.text;
  const service = itemKey(original, 'service');
  await fieldValue(page, service).click();
  await expect(page.locator(`#field-${service}`)).toHaveClass(/field-focused/);

  // First a wrong value: only the service's first words, chosen by a DOM selection.
  const cut = text.indexOf(' ', span[0] + 8);
  const wrongSpan: [number, number] = [span[0], cut > span[0] && cut < span[1] ? cut : span[0] + Math.floor((span[1] - span[0]) / 2)];
  await selectSourceRange(page, ...wrongSpan);
  await page.keyboard.press('s');
  const wrong = foldWhitespace(text.slice(...wrongSpan));
  await expect(fieldValue(page, service)).toHaveText(wrong);
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.spans['service']).toEqual([wrongSpan]);
  await expect(page.locator(`#field-${service} .edited-mark`)).toBeVisible();

  // Then the right one, dragged with the mouse over the whole service in the source.
  await dragSelectSource(page, span[0], span[1]);
  expect(foldWhitespace(await selectedText(page))).toBe(original.service);
  await page.keyboard.press('s');
  await expect(fieldValue(page, service)).toHaveText(original.service!);
  const stored = (await getLetter(ws, target.id)).items[0]!;
  expect(stored.service).toBe(original.service);
  expect(stored.spans['service']).toEqual([span]);
  expect(foldWhitespace((await highlightText(page, service, span)) ?? '')).toBe(original.service);
});

test('sets a decision by key, adds an item with a and deletes it with Shift+Delete', async () => {
  const flipped = original.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect(decisionOf(0)).toHaveText(flipped);
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.decision).toBe(flipped);
  await page.keyboard.press(original.decision === 'Upheld' ? 'u' : 'o');
  await expect(decisionOf(0)).toHaveText(original.decision!);
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.decision).toBe(flipped);

  const count = target.items.length;
  await page.keyboard.press('a');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(count + 1);
  await expect(itemSection(1)).toContainText('added by reviewer');
  await expect.poll(async () => (await getLetter(ws, target.id)).items.length).toBe(count + 1);
  const added = (await getLetter(ws, target.id)).items[1]!;
  expect(added.addedByReviewer).toBe(true);
  await expect(page.locator(`#field-${itemKey(added, 'service')}`)).toHaveClass(/field-focused/);

  await page.keyboard.press('Shift+Delete');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(count);
  await expect.poll(async () => (await getLetter(ws, target.id)).items.map((i) => i.id)).toEqual(target.items.map((i) => i.id));
});

test('undoes and redoes every change with Ctrl+Z and Ctrl+Shift+Z', async () => {
  const flipped = original.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  const count = target.items.length;
  const stored = () => getLetter(ws, target.id);
  const items = page.locator('.letter-pane section.item');

  await page.keyboard.press('Control+z'); // the deleted item comes back
  await expect(items).toHaveCount(count + 1);
  await expect.poll(async () => (await stored()).items.length).toBe(count + 1);
  await page.keyboard.press('Control+z'); // the added item goes
  await expect(items).toHaveCount(count);
  await expect.poll(async () => (await stored()).items.length).toBe(count);
  await page.keyboard.press('Control+z'); // the decision goes back
  await expect(decisionOf(0)).toHaveText(original.decision!);
  await expect.poll(async () => (await stored()).items[0]!.decision).toBe(original.decision);

  await page.keyboard.press('Control+Shift+z');
  await expect(decisionOf(0)).toHaveText(flipped);
  await expect.poll(async () => (await stored()).items[0]!.decision).toBe(flipped);
  await page.keyboard.press('Control+Shift+z');
  await expect(items).toHaveCount(count + 1);
  await page.keyboard.press('Control+Shift+z');
  await expect(items).toHaveCount(count);
  await expect.poll(async () => (await stored()).items.length).toBe(count);
  await expect(page.locator('.status-bar')).toContainText('Redone: Deleted item 2');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.status-bar')).toContainText('Nothing to redo.');

  // Back to the decision the parser read, for the tests that follow.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(decisionOf(0)).toHaveText(original.decision!);
  await expect.poll(async () => (await stored()).items[0]!.decision).toBe(original.decision);
  await expect(items).toHaveCount(count);
});

test('creates a tag with a hotkey in the Tags dialog and tags an item with it', async ({}, testInfo) => {
  await page.keyboard.press('g');
  const dialog = page.getByRole('dialog', { name: 'Manage tags' });
  await dialog.getByLabel('New tag name').fill('Needs second look');
  await dialog.getByLabel('New tag hotkey').fill(TAG_HOTKEY);
  await dialog.getByLabel('New tag scope').selectOption('both');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByLabel('Name of tag Needs second look')).toHaveValue('Needs second look');
  await expect(dialog.getByLabel('Hotkey of tag Needs second look')).toHaveValue(TAG_HOTKEY);
  await dialog.getByLabel('New tag name').fill('Partial certification');
  await dialog.getByLabel('New tag scope').selectOption('item');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog.getByLabel('Name of tag Partial certification')).toBeVisible();
  await snap(page, 'tag-manager', testInfo);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  const tags = await ws.call('listTags');
  const tag = tags.find((t) => t.name === 'Needs second look')!;
  expect(tag).toMatchObject({ hotkey: TAG_HOTKEY, scope: 'both' });

  // The hotkey toggles the tag on the focused item.
  await fieldValue(page, itemKey(original, 'service')).click();
  await page.keyboard.press(TAG_HOTKEY);
  await expect(itemSection(0).getByRole('list', { name: 'Tags' })).toContainText('Needs second look');
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.tags.map((t) => t.name)).toEqual(['Needs second look']);
  await page.keyboard.press(TAG_HOTKEY);
  await expect(itemSection(0).getByRole('list', { name: 'Tags' })).toBeHidden();
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.tags).toEqual([]);
  await page.keyboard.press(TAG_HOTKEY);
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.tags.map((t) => t.name)).toEqual(['Needs second look']);
});

test('verifies a letter with v and goes to the next letter needing review with n', async () => {
  await page.keyboard.press('v');
  await expect(page.locator('.letter-pane .status')).toHaveText('Verified');
  await expect(page.getByText(`Verified by ${REVIEWER}`)).toBeVisible();
  await expect(page.getByLabel('Review progress')).toContainText(`1 / ${LETTERS} verified`);
  await expect(queueRow(page, rowLabel(target)).locator('.row-status')).toHaveText('✓');
  await expect.poll(async () => (await getLetter(ws, target.id)).status).toBe('verified');
  // A verified letter is read-only: keys that edit do nothing.
  await page.keyboard.press('a');
  await expect(page.locator('.status-bar')).toContainText('read-only');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(target.items.length);

  const before = await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100 });
  const expected = await ws.call('nextLetterToReview', target.id, {}, 'import');
  expect(expected).not.toBeNull();
  await page.keyboard.press('n');
  const next = before.rows.find((row) => row.id === expected)!;
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(next));
  await expect(page.locator('.letter-pane .status')).toHaveText('Unreviewed');
  await expect(queueRow(page, rowLabel(next))).toHaveAttribute('aria-selected', 'true');
});

test('shows the edit history with h', async ({}, testInfo) => {
  await openLetter(page, target);
  await page.keyboard.press('h');
  const dialog = page.getByRole('dialog', { name: 'Edit history' });
  const rows = dialog.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(dialog).toContainText('Changed the service of item 1');
  await expect(dialog).toContainText('Verified the letter');
  await expect(dialog).toContainText(REVIEWER);
  const history = await ws.call('listHistory', target.id);
  await expect(rows).toHaveCount(history.length);
  await snap(page, 'history', testInfo);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('searches and filters the queue, and the counts follow', async () => {
  const letters = await allLetters(ws);
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  const status = page.getByLabel('Status', { exact: true });
  const decision = page.getByLabel('Decision', { exact: true });
  const rows = page.getByRole('listbox', { name: 'Letters' }).getByRole('option');

  // A word from the service under review, counted in the stored texts themselves.
  const word = (original.service!.match(/[A-Za-z]{6,}/g) ?? []).find((w) => {
    const n = letters.filter((l) => new RegExp(`\\b${w}\\b`, 'i').test(l.text)).length;
    return n > 0 && n < LETTERS;
  });
  expect(word, 'a word some letters have and others lack').toBeDefined();
  const withWord = letters.filter((l) => new RegExp(`\\b${word}\\b`, 'i').test(l.text));
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await search.fill(word!);
  await search.press('Enter');
  await expect(queueCount(page)).toHaveText(countText(withWord.length));
  await expect(rows).toHaveCount(withWord.length);
  for (const letter of withWord) await expect(queueRow(page, rowLabel(letter))).toBeVisible();
  // The search's words are marked in the source.
  await openLetter(page, withWord[0]!);
  expect(await page.evaluate(() => CSS.highlights.get('search')?.size ?? 0)).toBeGreaterThan(0);

  // Escape clears the box and the search together, as does emptying the box: the queue is never
  // filtered by words the box no longer shows.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
  await search.fill(word!);
  await search.press('Enter');
  await expect(queueCount(page)).toHaveText(countText(withWord.length));
  await search.fill('');
  await expect(queueCount(page)).toHaveText(countText(LETTERS));

  await status.selectOption('verified');
  await expect(queueCount(page)).toHaveText(countText(1));
  await expect(rows).toHaveCount(1);
  await expect(queueRow(page, rowLabel(target))).toBeVisible();
  await status.selectOption('unreviewed');
  await expect(queueCount(page)).toHaveText(countText(letters.filter((l) => l.status === 'unreviewed').length));
  await status.selectOption('');

  for (const value of ['Upheld', 'Overturned'] as const) {
    const having = letters.filter((l) => l.items.some((i) => i.decision === value));
    await decision.selectOption(value);
    await expect(queueCount(page)).toHaveText(countText(having.length));
    await expect(rows).toHaveCount(having.length);
  }
  // Filters combine.
  await status.selectOption('verified');
  const verifiedOverturned = letters.filter((l) => l.status === 'verified' && l.items.some((i) => i.decision === 'Overturned'));
  await expect(queueCount(page)).toHaveText(countText(verifiedOverturned.length));

  const tag = page.getByLabel('Tag', { exact: true });
  await status.selectOption('');
  await decision.selectOption('');
  await tag.selectOption({ label: 'Needs second look' });
  await expect(queueCount(page)).toHaveText(countText(1));
  await tag.selectOption('');
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
});

test('keeps every change after a reload', async ({}, testInfo) => {
  await page.reload();
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
  await expect(page.getByLabel('Review progress')).toContainText(`1 / ${LETTERS} verified`);
  await openLetter(page, target);
  await expect(page.locator('.letter-pane .status')).toHaveText('Verified');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(target.items.length);
  await expect(fieldValue(page, itemKey(original, 'service'))).toHaveText(original.service!);
  // The service was put back to the parser's value: it is no longer marked edited.
  await expect(page.locator(`#field-${itemKey(original, 'service')} .edited-mark`)).toBeHidden();
  await expect(decisionOf(0)).toHaveText(original.decision!);
  // Undo is kept by the library server, so the reload still offers the last change.
  await expect(page.getByRole('button', { name: `Undo: Verified the letter, confirming ${target.items.length} items (${rowLabel(target)})` })).toBeEnabled();
  await expect(itemSection(0).getByRole('list', { name: 'Tags' })).toContainText('Needs second look');
  const stored = await getLetter(ws, target.id);
  expect(stored.items[0]!.spans['service']).toEqual(original.spans['service']);
  expect(stored.items[0]!.humanEdited).not.toContain('service');
  expect(stored.items.map((i) => i.id)).toEqual(target.items.map((i) => i.id));
  await snap(page, 'verified-letter-after-reload', testInfo);
  await page.keyboard.press('g');
  await expect(page.getByRole('dialog', { name: 'Manage tags' }).getByLabel('Hotkey of tag Needs second look')).toHaveValue(TAG_HOTKEY);
  await page.keyboard.press('Escape');
});
