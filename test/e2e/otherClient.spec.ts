/**
 * Undo and redo follow the library as it is after another client changed it (a second window,
 * the command line, a program on the API): the press that finds the step gone says why, in
 * words, and what Undo offers now; the next press takes that step. No refusal repeats until a
 * reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { StoredLetter } from '../../src/shared/library.ts';
import { fieldValue, getLetter, rowLabel } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

let ws: Workstation;
let page: Page;
let letters: StoredLetter[];

test.beforeAll(async ({ browser }) => {
  ws = await startWorkstation({ libraryFile: buildLibrary({ letters: 4 }).file });
  const rows = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 10 })).rows;
  letters = await Promise.all(rows.map((row) => getLetter(ws, row.id)));
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(ws.url);
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(letters[0]!));
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
});

const status = () => page.locator('.status-bar');
const undoButton = () => page.getByRole('button', { name: /^(Undo: |Nothing to undo)/ });

/** Flips item 1's decision of the letter open in the window, by key. */
async function flipInWindow(letter: StoredLetter): Promise<void> {
  const item = letter.items[0]!;
  await fieldValue(page, `item-${item.id}-decision`).click();
  const now = (await getLetter(ws, letter.id)).items[0]!.decision;
  await page.keyboard.press(now === 'Upheld' ? 'o' : 'u');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.decision).not.toBe(now);
  await expect(undoButton()).toHaveAccessibleName(/^Undo: Changed the decision of item 1/);
}

/** Another client flips item 1's decision of `letter` through the API. */
async function flipElsewhere(letter: StoredLetter): Promise<void> {
  const current = await getLetter(ws, letter.id);
  const decision = current.items[0]!.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  await ws.call('setDecision', { letterId: current.id, revision: current.revision }, current.items[0]!.id, decision);
}

test("after another client's change, Ctrl+Z says what Undo offers now, and the next press undoes it", async () => {
  const [mine, theirs] = [letters[0]!, letters[1]!];
  const original = { mine: mine.items[0]!.decision, theirs: theirs.items[0]!.decision };
  await flipInWindow(mine);
  await flipElsewhere(theirs);

  await page.keyboard.press('Control+z');
  await expect(status()).toContainText('Nothing was undone: another window or program changed the library');
  await expect(status()).toContainText(`Undo now offers “Changed the decision of item 1 (${rowLabel(theirs)})”`);
  await expect(undoButton()).toHaveAccessibleName(`Undo: Changed the decision of item 1 (${rowLabel(theirs)})`);
  expect((await getLetter(ws, mine.id)).items[0]!.decision).not.toBe(original.mine);

  await page.keyboard.press('Control+z');
  await expect(status()).toContainText(`Undone: Changed the decision of item 1 (${rowLabel(theirs)})`);
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(theirs));
  expect((await getLetter(ws, theirs.id)).items[0]!.decision).toBe(original.theirs);

  await page.keyboard.press('Control+z');
  await expect(status()).toContainText(`Undone: Changed the decision of item 1 (${rowLabel(mine)})`);
  expect((await getLetter(ws, mine.id)).items[0]!.decision).toBe(original.mine);
});

test('a step another client undid is not offered again: the press says so, and its redo is on offer', async () => {
  const mine = letters[2]!;
  await page.getByRole('listbox', { name: 'Letters' }).getByRole('option').nth(2).click();
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(mine));
  await flipInWindow(mine);
  const offered = (await ws.call('getUndoState')).undo!;
  await ws.call('undo', { expected: offered.changeId });

  await page.keyboard.press('Control+z');
  await expect(status()).toContainText('Nothing was undone: another window or program changed the library');
  await expect(status()).toContainText('There is nothing left to undo.');
  // The redo the other client made possible is on offer here too, and taking it works at once.
  await page.keyboard.press('Control+Shift+z');
  await expect(status()).toContainText(`Redone: Changed the decision of item 1 (${rowLabel(mine)})`);
});

test('a redo another change ended says there is nothing left to redo, once', async () => {
  await page.keyboard.press('Control+z');
  await expect(status()).toContainText('Undone:');
  await flipElsewhere(letters[3]!);
  await page.keyboard.press('Control+Shift+z');
  await expect(status()).toContainText('Nothing was redone: another window or program changed the library');
  await expect(status()).toContainText('There is nothing left to redo.');
  await page.keyboard.press('Control+Shift+z');
  await expect(status()).toContainText('Nothing to redo.');
});

test('a second window: its change is on offer in the first, which undoes it', async ({ browser }) => {
  const second = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await second.goto(ws.url);
  const target = letters[1]!;
  await second.getByRole('listbox', { name: 'Letters' }).getByRole('option').nth(1).click();
  await expect(second.locator('.letter-title h2')).toHaveText(rowLabel(target));
  const before = (await getLetter(ws, target.id)).items[0]!.decision;
  await second.locator(`#field-item-${target.items[0]!.id}-decision .field-value`).click();
  await second.keyboard.press(before === 'Upheld' ? 'o' : 'u');
  await expect.poll(async () => (await getLetter(ws, target.id)).items[0]!.decision).not.toBe(before);
  await second.close();

  // The first window asks again when it is given the focus back; a press before that still ends in the step now on top.
  await page.keyboard.press('Control+z');
  await expect(status()).toContainText(/Nothing was undone|Undone: Changed the decision of item 1/);
  if ((await status().textContent())?.includes('Nothing was undone')) await page.keyboard.press('Control+z');
  await expect(status()).toContainText(`Undone: Changed the decision of item 1 (${rowLabel(target)})`);
  expect((await getLetter(ws, target.id)).items[0]!.decision).toBe(before);
});
