/**
 * Review at speed (issue 14): the exception-first keys and their keystroke counts, notices,
 * focus and keys that behave, readable conflicts and history, search marks from the index,
 * empty filters, bulk actions, the corrections report and the layout at 1280x720. One library
 * of generated letters (letter 2 prints no case number, so the parser warns), one page, in order.
 */
import type { Page, Route, TestInfo } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { NOTICE_MS } from '../../src/renderer/src/state/useNotices.ts';
import { foldWhitespace } from '../../src/shared/fold.ts';
import type { StoredLetter } from '../../src/shared/library.ts';
import { axeViolations, dragSelectSource, getLetter, isApiCall, queueRow, snap } from './helpers.ts';
import type { BuiltLetter } from './library.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const OURS = 'Per the guidelines, continued medication use is appropriate after first-line conservative care has failed and objective findings support it. In this case, the progress notes document measurable gains in function and a reduction in pain. The request is medically necessary.';
const THEIRS = OURS.replace('measurable gains', 'no measurable gains').replace('is medically necessary', 'is not medically necessary');

let ws: Workstation;
let page: Page;
let built: BuiltLetter[];
/** Letter ids in import order: ids[i] is built[i]. */
let ids: number[];

const title = () => page.locator('.letter-title h2');
const statusBar = () => page.locator('.status-bar');
const fieldBox = (key: string) => page.locator(`#field-${key}`);

/** Presses keys and counts them: the keystrokes a reviewer spends, typing aside. */
function keyCounter() {
  const pressed: string[] = [];
  return {
    pressed,
    press: async (key: string) => {
      pressed.push(key);
      await page.keyboard.press(key);
    },
  };
}

function record(testInfo: TestInfo, what: string, keys: readonly string[]): void {
  testInfo.annotations.push({ type: 'keystrokes', description: `${what}: ${keys.length} (${keys.join(' ')})` });
  console.log(`keystrokes, ${what}: ${keys.length} (${keys.join(' ')})`);
}

async function open(index: number): Promise<StoredLetter> {
  await queueRow(page, built[index]!.caseNumber).click();
  await expect(title()).toHaveText(built[index]!.caseNumber);
  return getLetter(ws, ids[index]!);
}

test.beforeAll(async ({ browser }) => {
  const library = buildLibrary({
    letters: 8,
    withoutCaseNumber: [1],
    conflicts: [{ letter: 0, itemPosition: 0, field: 'rationale', ours: OURS, theirs: THEIRS, theirReviewer: 'Other Reviewer', source: 'other.jsonl' }],
  });
  built = library.letters;
  ws = await startWorkstation({ libraryFile: library.file });
  ids = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100 })).rows.map((row) => row.id);
  // The letter without a case number is listed by its file name; it is named by it below too.
  built[1] = { ...built[1]!, caseNumber: `${built[1]!.caseNumber}.txt` };
  await ws.call('createTag', { name: 'Lumbar', colour: '#2f6fde', hotkey: null, scope: 'item' });
  // A context of its own, which axe needs to check the dialogs as they fill.
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.clock.install();
  await page.goto(ws.url);
  await expect(title()).toHaveText(built[0]!.caseNumber);
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
});

test('a clean letter is reviewed in one keystroke: d confirms its items, verifies it and shows the next letter, loaded ahead', async ({}, testInfo) => {
  const next = await ws.call('nextLetterToReview', ids[2]!, {}, 'import');
  expect(next).toBe(ids[3]);
  const preloaded = page.waitForResponse((response) => isApiCall(response.request(), 'getLetter') && (response.request().postDataJSON() as { args: number[] }).args[0] === next);
  const letter = await open(2);
  await preloaded;
  // From now on the library answers no getLetter: the next letter can only come from the preload.
  const held: Route[] = [];
  await page.route('**/api', (route) => (isApiCall(route.request(), 'getLetter') ? void held.push(route) : route.continue()));

  const keys = keyCounter();
  await keys.press('d');
  await expect(title()).toHaveText(built[3]!.caseNumber);
  for (const route of held) await route.continue();
  await page.unroute('**/api');
  record(testInfo, 'clean letter', keys.pressed);
  expect(keys.pressed).toHaveLength(1);

  await expect.poll(async () => (await getLetter(ws, letter.id)).status).toBe('verified');
  const stored = await getLetter(ws, letter.id);
  expect(stored.items.map((item) => item.status)).toEqual(letter.items.map(() => 'confirmed'));
  await expect(statusBar()).toContainText(`Verified the letter, confirming ${letter.items.length} item${letter.items.length === 1 ? '' : 's'} (${built[2]!.caseNumber})`);
  await expect(statusBar().getByRole('button', { name: 'Undo' })).toBeVisible();
});

test('a letter with one wrong value takes at most 4 keystrokes: a wrong decision in 2, a value the parser warned about in 3', async ({}, testInfo) => {
  // The letter opened by d, its focus on item 1's decision (not confirmed yet).
  const letter = await getLetter(ws, ids[3]!);
  const item = letter.items[0]!;
  await expect(fieldBox(`item-${item.id}-decision`)).toHaveClass(/field-focused/);
  const flipped = item.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  const keys = keyCounter();
  await keys.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect(page.getByRole('region', { name: 'Item 1', exact: true }).getByRole('radio', { checked: true })).toHaveText(flipped);
  await keys.press('d');
  await expect(title()).not.toHaveText(built[3]!.caseNumber);
  record(testInfo, 'wrong decision', keys.pressed);
  expect(keys.pressed.length).toBeLessThanOrEqual(4);
  await expect.poll(async () => (await getLetter(ws, letter.id)).status).toBe('verified');
  const decided = await getLetter(ws, letter.id);
  expect(decided.items[0]!.decision).toBe(flipped);
  expect(decided.items[0]!.status).toBe('confirmed');

  // The letter without a case number opens at the value the parser warned about.
  const warned = await open(1);
  expect(warned.warnings.map((w) => w.field)).toContain('caseNumber');
  const caseField = fieldBox('letter-caseNumber');
  await expect(caseField).toHaveClass(/field-focused/);
  await expect(caseField.locator('.warning')).toHaveCount(1);
  const typed = keyCounter();
  await typed.press('Enter');
  await page.keyboard.type('CM17-0009001');
  await typed.press('Enter');
  await expect(caseField.locator('.field-value')).toHaveText('CM17-0009001');
  // Fixed, the warning no longer shows beside the field.
  await expect(caseField.locator('.warning')).toHaveCount(0);
  await typed.press('d');
  await expect(title()).not.toHaveText('CM17-0009001');
  record(testInfo, 'value with a warning', typed.pressed);
  expect(typed.pressed.length).toBeLessThanOrEqual(4);
  await expect.poll(async () => (await getLetter(ws, warned.id)).status).toBe('verified');
  expect((await getLetter(ws, warned.id)).caseNumber).toBe('CM17-0009001');
  built[1] = { ...built[1]!, caseNumber: 'CM17-0009001' };
});

test('w walks the values needing attention across items, y confirms the focused item, v confirms the rest', async () => {
  const letter = await open(5);
  const [first, second] = letter.items;
  await expect(fieldBox(`item-${first!.id}-decision`)).toHaveClass(/field-focused/);
  await page.keyboard.press('y');
  await expect(page.getByRole('region', { name: 'Item 1', exact: true }).locator('.item-status')).toHaveText('✓ Confirmed');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.status).toBe('confirmed');
  await page.keyboard.press('w');
  await expect(fieldBox(`item-${second!.id}-decision`)).toHaveClass(/field-focused/);
  await expect(page.locator(`#field-item-${second!.id}-decision .field-value`)).toBeFocused();
  await expect(statusBar()).toContainText('Item 2 decision: not confirmed yet');
  await page.keyboard.press('Shift+W');
  await expect(fieldBox(`item-${letter.items.at(-1)!.id}-decision`)).toHaveClass(/field-focused/);
  await page.keyboard.press('v');
  await expect(page.locator('.letter-pane .status')).toHaveText('Verified');
  const stored = await getLetter(ws, letter.id);
  expect(stored.items.every((item) => item.status === 'confirmed')).toBe(true);
  await page.keyboard.press('w');
  await expect(statusBar()).toContainText('nothing needs attention');
});

test('selecting text inside another field’s highlight keeps the focus where it was, so s fills the focused field', async () => {
  const letter = await open(0);
  const item = letter.items[0]!;
  await page.locator(`#field-item-${item.id}-service .field-value`).click();
  const rationale = item.spans['rationale']![0]!;
  const from = letter.text.indexOf(' ', rationale[0] + 10) + 1;
  const to = letter.text.indexOf(' ', from + 12);
  await dragSelectSource(page, from, to);
  await expect(fieldBox(`item-${item.id}-service`)).toHaveClass(/field-focused/);
  await expect(fieldBox(`item-${item.id}-rationale`)).not.toHaveClass(/field-focused/);
  await page.keyboard.press('s');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.service).toBe(foldWhitespace(letter.text.slice(from, to)));
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.service).toBe(item.service);
});

test('Enter opens the editor with the caret at the end every time, Ctrl+A selects all, and Shift+Enter adds no line break', async () => {
  const caret = () => page.locator('.field-input').evaluate((input: HTMLTextAreaElement) => [input.selectionStart, input.selectionEnd, input.value.length]);
  // Two letters with the same priority: the second editor used to open with the whole value selected.
  const letters = await Promise.all(ids.map((id) => getLetter(ws, id)));
  const open = letters.filter((l) => l.status !== 'verified' && l.header?.priority);
  const [a, b] = open.filter((l) => l.header!.priority === open[0]!.header!.priority);
  expect(b, 'two letters with the same priority').toBeDefined();
  for (const letter of [a!, b!]) {
    await queueRow(page, letter.caseNumber!).click();
    await expect(title()).toHaveText(letter.caseNumber!);
    await page.locator('#field-letter-priority .field-value').click();
    await page.keyboard.press('Enter');
    const length = letter.header!.priority!.length;
    await expect.poll(caret).toEqual([length, length, length]);
    await page.keyboard.press('Escape');
  }
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  const length = b!.header!.priority!.length;
  await expect.poll(caret).toEqual([0, length, length]);
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('.field-input')).toHaveCount(0);
  expect((await getLetter(ws, b!.id)).header!.priority).toBe(b!.header!.priority);
  await expect(statusBar()).toContainText('No change');
});

test('Enter and Space press a focused button, and Tab goes from the page through every control in page order', async () => {
  await open(0);
  await page.getByRole('button', { name: 'History' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Edit history' })).toBeVisible();
  await expect(page.locator('.field-input')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Flag', exact: true }).focus();
  await page.keyboard.press(' ');
  await expect(page.getByRole('dialog', { name: 'Flag this letter' })).toBeVisible();
  await page.keyboard.press('Escape');

  // From the page itself (a click on plain text focuses nothing), as after a reload.
  await page.locator('.brand').click();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  const reached: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
    }));
  }
  const at = (name: string) => reached.indexOf(name);
  for (const name of ['Import…', 'Search letters', 'Letters', 'Source text', 'History', 'Case number', 'Item 1 decision', 'Item 1 Service']) expect(at(name), name).toBeGreaterThanOrEqual(0);
  expect(at('Import…')).toBeLessThan(at('Search letters'));
  expect(at('Search letters')).toBeLessThan(at('Source text'));
  expect(at('Case number')).toBeLessThan(at('Item 1 decision'));
  expect(at('Item 1 decision')).toBeLessThan(at('Item 1 Service'));
});

test('a letter opened by a key takes the keyboard focus to its ringed field: Tab goes on from there, and j / k still walk the letters', async () => {
  const list = page.getByRole('listbox', { name: 'Letters' });
  const ringed = page.locator('.letter-pane .field-focused .field-value');
  const firstItem = async (index: number) => (await getLetter(ws, ids[index]!)).items[0]!;
  await open(2);
  // A click in the queue leaves the focus in the list, which the reviewer is using.
  await expect(list).toBeFocused();
  await page.keyboard.press('j');
  await expect(title()).toHaveText(built[3]!.caseNumber);
  const item = await firstItem(3);
  await expect(fieldBox(`item-${item.id}-decision`)).toHaveClass(/field-focused/);
  await expect(ringed).toBeFocused();
  // Tab goes on from the ringed field (the item's decision) to the field after it, not to the view switch at the top of the source.
  await page.keyboard.press('Tab');
  await expect(page.locator(`#field-item-${item.id}-service .field-value`)).toBeFocused();
  // From a field, j and k walk the letters, each opening with the keyboard focus on its ringed field.
  await page.keyboard.press('j');
  await expect(title()).toHaveText(built[4]!.caseNumber);
  await expect(page.locator(`#field-item-${(await firstItem(4)).id}-decision .field-value`)).toBeFocused();
  await page.keyboard.press('k');
  await expect(title()).toHaveText(built[3]!.caseNumber);
  await expect(page.locator(`#field-item-${item.id}-decision .field-value`)).toBeFocused();
  await page.keyboard.press('k');
  await expect(title()).toHaveText(built[2]!.caseNumber);
  await expect(ringed).toBeFocused();
  // n from the queue list too.
  const toReview = await ws.call('nextLetterToReview', ids[2]!, {}, 'import');
  expect(toReview).not.toBeNull();
  const unverified = ids.indexOf(toReview!);
  await open(2);
  await page.keyboard.press('n');
  await expect(title()).toHaveText(built[unverified]!.caseNumber);
  await expect(ringed).toBeFocused();
  // Enter in the queue list goes into the letter: it edits the ringed field (the keystroke counts above), or on a decision, which keys set, focuses it.
  await open(unverified);
  await expect(list).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator(`#field-item-${(await firstItem(unverified)).id}-decision .field-value`)).toBeFocused();
  await expect(statusBar()).toContainText('Set the decision with u (Upheld) or o (Overturned).');
  // ↓ in the list moves through the list: the next letter opens and the focus stays there.
  await open(2);
  await page.keyboard.press('ArrowDown');
  await expect(title()).toHaveText(built[3]!.caseNumber);
  await expect(list).toBeFocused();
});

test('clicking an item’s decision focuses it without setting it', async () => {
  const letter = await open(0);
  const item = letter.items[1]!;
  const before = await ws.call('getUndoState');
  await page.locator(`#field-item-${item.id}-decision .field-value`).click();
  await expect(fieldBox(`item-${item.id}-decision`)).toHaveClass(/field-focused/);
  expect((await getLetter(ws, letter.id)).items[1]!.decision).toBe(item.decision);
  expect((await ws.call('getUndoState')).undo?.changeId).toBe(before.undo?.changeId);
});

test('after Shift+Delete the next item is focused, and the item keys act on it', async () => {
  const letter = await open(0);
  const [, second, third] = letter.items;
  await page.locator(`#field-item-${second!.id}-decision .field-value`).click();
  await page.keyboard.press('Shift+Delete');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(letter.items.length - 1);
  await expect(fieldBox(`item-${third!.id}-decision`)).toHaveClass(/field-focused/);
  const flipped = third!.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[1]!.decision).toBe(flipped);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items.map((i) => [i.id, i.decision])).toEqual(letter.items.map((i) => [i.id, i.decision]));
});

test('each action says what it did in a short notice with Undo; errors stay until dismissed', async () => {
  const letter = await open(0);
  await page.keyboard.press('y');
  await expect(statusBar()).toContainText(`Marked item 1 confirmed (${built[0]!.caseNumber})`);
  await statusBar().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.status).toBe('unreviewed');
  await expect(statusBar()).toContainText('Undone: Marked item 1 confirmed');
  await page.clock.fastForward(NOTICE_MS + 100);
  await expect(statusBar().locator('.notice-text')).toHaveText('Press ? for keyboard shortcuts.');

  await page.keyboard.press('s');
  await expect(statusBar().getByRole('alert')).toContainText('Select text in the source');
  await page.clock.fastForward(NOTICE_MS * 3);
  await expect(statusBar().getByRole('alert')).toContainText('Select text in the source');
  await statusBar().getByRole('button', { name: 'Dismiss the message' }).click();
  await expect(statusBar().locator('.notice-text')).toHaveText('Press ? for keyboard shortcuts.');
});

test('search marks exactly what the index matched: every word a prefix found, a phrase as one mark', async () => {
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  const marks = () => page.evaluate(() => [...(CSS.highlights.get('search') ?? [])].map((range) => (range as Range).toString()));
  await search.fill('lumb*');
  await search.press('Enter');
  const letter = await open(0);
  const prefixed = letter.text.match(/\blumb\w*/gi) ?? [];
  expect(prefixed.length).toBeGreaterThan(0);
  await expect.poll(marks).toEqual(prefixed);

  await search.fill('"lumbar spine"');
  await search.press('Enter');
  await expect(title()).toBeVisible();
  const phrases = (await getLetter(ws, ids[0]!)).text.match(/lumbar\s+spine/gi) ?? [];
  expect(phrases.length).toBeGreaterThan(0);
  await expect.poll(async () => (await marks()).map(foldWhitespace)).toEqual(phrases.map(foldWhitespace));
});

test('a filter that matches nothing says so and closes the letter; the export dialog has the status and format filters', async () => {
  const search = page.getByRole('searchbox', { name: 'Search letters' });
  await search.fill('zzqqxxy');
  await search.press('Enter');
  await expect(page.locator('.queue-empty')).toContainText('No letter matches “zzqqxxy”');
  await expect(title()).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(title()).toBeVisible();
  await expect(page.locator('.queue-count')).toHaveText('8 letters');

  await page.keyboard.press('x');
  const dialog = page.getByRole('dialog', { name: 'Export the dataset' });
  await expect(dialog.getByLabel('Only letters of format')).toBeVisible();
  await dialog.getByText('All letters, with their review status').click();
  await expect(dialog.getByLabel('Only letters with status')).toBeVisible();
  await page.keyboard.press('Escape');
});

test('conflicts show both values whole with the difference marked', async ({}, testInfo) => {
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Dataset conflicts' });
  const row = dialog.locator('tbody tr').first();
  await expect(row.locator('td').nth(1)).toHaveText('Item 1 decision rationale');
  await expect(row.locator('td').nth(2)).toHaveText(OURS);
  await expect(row.locator('td').nth(3)).toContainText(THEIRS);
  await expect(row.locator('ins')).toHaveText(['no ', 'not ']);
  await snap(page, 'conflicts-with-values', testInfo);
  expect(await axeViolations(page, testInfo, 'conflicts-with-values')).toEqual([]);
  await page.keyboard.press('Escape');
});

test('the history has one row per change, in the fields pane’s words, with whole values', async ({}, testInfo) => {
  const letter = await open(0);
  const item = letter.items[0]!;
  const longer = `${item.rationale} The reviewer adds a sentence so the value runs well past any clipping width.`;
  await page.locator(`#field-item-${item.id}-rationale .field-value`).click();
  await page.keyboard.press('Enter');
  await page.locator('.field-input').fill(longer);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.rationale).toBe(longer);
  await page.keyboard.press('h');
  const dialog = page.getByRole('dialog', { name: 'Edit history' });
  await expect(dialog.locator('tbody tr')).toHaveCount((await ws.call('listHistory', letter.id)).length);
  const row = dialog.locator('tbody tr').first();
  await expect(row).toContainText('Changed the decision rationale of item 1');
  await expect(row.locator('td').nth(4)).toHaveText(longer);
  await expect(row.locator('ins')).toContainText('The reviewer adds a sentence');
  expect(await axeViolations(page, testInfo, 'history-with-values')).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.rationale).toBe(item.rationale);
});

test('bulk: tag every item whose service mentions the lumbar spine across letters, with a preview, undone in one step', async ({}, testInfo) => {
  const letters = await Promise.all(ids.map((id) => getLetter(ws, id)));
  const matching = letters.filter((l) => l.status !== 'verified').flatMap((l) => l.items.filter((i) => /\blumbar\b/i.test(i.service ?? '')).map((i) => ({ letter: l, item: i })));
  const letterCount = new Set(matching.map((m) => m.letter.id)).size;
  expect(letterCount).toBeGreaterThan(1);
  const tag = (await ws.call('listTags')).find((t) => t.name === 'Lumbar')!;

  await page.keyboard.press('b');
  const dialog = page.getByRole('dialog', { name: 'Bulk actions' });
  await dialog.getByLabel('Item text to find').fill('lumbar');
  await dialog.getByRole('button', { name: 'Find items' }).click();
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('status')).toContainText(`${matching.length} items in ${letterCount} letters`);
  await expect(preview.locator('tbody tr')).toHaveCount(matching.length);
  await expect(preview.locator('tbody tr').first().locator('ins')).toHaveText('+ Lumbar');
  await snap(page, 'bulk-preview', testInfo);
  expect(await axeViolations(page, testInfo, 'bulk-preview')).toEqual([]);
  await dialog.getByRole('button', { name: `Apply to ${matching.length} items` }).click();
  await expect(dialog.getByText(`Changed ${matching.length} items in ${letterCount} letters.`)).toBeVisible();
  for (const { letter, item } of matching) {
    const stored = await getLetter(ws, letter.id);
    expect(stored.items.find((i) => i.id === item.id)!.tags.map((t) => t.id)).toEqual([tag.id]);
    expect(stored.revision).toBeGreaterThan(letter.revision);
  }
  const step = (await ws.call('getUndoState')).undo!;
  expect(step.action).toBe('bulk-edit');
  expect((await ws.call('listHistory', matching[0]!.letter.id)).at(-1)!.action).toBe('bulk-edit');

  await dialog.getByRole('button', { name: 'Undo this bulk change' }).click();
  await expect.poll(async () => (await Promise.all(matching.map(async ({ letter, item }) => (await getLetter(ws, letter.id)).items.find((i) => i.id === item.id)!.tags.length))).every((n) => n === 0)).toBe(true);
  expect((await ws.call('getUndoState')).redo?.changeId).toBe(step.changeId);
  await page.keyboard.press('Escape');
});

test('what reviewers corrected: per field how often the parser’s value was changed on verified letters, and the corrections', async ({}, testInfo) => {
  await page.keyboard.press('Shift+C');
  const dialog = page.getByRole('dialog', { name: 'What reviewers corrected' });
  const verified = (await ws.call('getStats')).lettersByStatus.verified;
  await expect(dialog).toContainText(`On ${verified} verified letters`);
  const row = (name: string) => dialog.locator('tbody tr').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(row('Case number (letter fields)').locator('td').nth(2)).toHaveText('1');
  await expect(row('Decision (item fields)').locator('td').nth(2)).toHaveText('1');
  await row('Decision (item fields)').getByRole('button').click();
  const list = dialog.getByRole('region', { name: 'Corrections of Decision' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toContainText(built[3]!.caseNumber);
  await snap(page, 'corrections-listed', testInfo);
  expect(await axeViolations(page, testInfo, 'corrections-listed')).toEqual([]);
  await page.keyboard.press('Escape');
});

test('at 1280x720 the source reflows its paragraphs and the first item’s fields fit on screen', async ({}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const letter = await open(0);
  await expect(page.locator('.source .soft').first()).toBeAttached();
  // A reflowed line break shows as a space: the paragraph runs on in one line box where the printed line ended.
  const soft = await page.locator('.source .soft').first().evaluate((element) => getComputedStyle(element).whiteSpace);
  expect(soft).toBe('normal');
  const item = letter.items[0]!;
  for (const field of ['decision', 'service', 'claimsAdministratorGuideline', 'maximusGuideline']) {
    const box = await fieldBox(`item-${item.id}-${field}`).boundingBox();
    expect(box, field).not.toBeNull();
    expect(box!.y + box!.height, field).toBeLessThanOrEqual(720 - 28);
  }
  await snap(page, 'reflowed-1280x720', testInfo);
});
