/**
 * Undo on the library server: past a deleted item (undo puts it back under its own id, so older
 * changes still find it), with keys pressed before a change has reloaded, and after a reload.
 */
import { expect, test } from '@playwright/test';
import { allLetters, fieldValue, getLetter, openLetter } from './helpers.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

let ws: Workstation;

test.beforeAll(async () => {
  ws = await startWorkstation();
});

test.afterAll(async () => {
  await ws?.stop();
});

test('undoes a decision made before an item was deleted and restored', async ({ page }) => {
  await page.goto(ws.url);
  await page.getByRole('button', { name: 'Load sample letters' }).click();
  await expect(page.getByLabel('Import report')).toContainText('0 failed');
  await page.keyboard.press('Escape');
  const letter = (await allLetters(ws)).find((l) => l.items.length >= 3)!;
  await openLetter(page, letter);
  const item = letter.items[1]!;
  const flipped = item.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  const decision = page.getByRole('region', { name: 'Item 2', exact: true }).getByRole('radio', { checked: true });

  await fieldValue(page, `item-${item.id}-service`).click();
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect(decision).toHaveText(flipped);
  await page.keyboard.press('Shift+Delete');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(letter.items.length - 1);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(letter.items.length);
  await expect(decision).toHaveText(flipped);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.status-bar')).toContainText('Undone: Changed the decision of item 2', { timeout: 3000 });
  await expect(decision).toHaveText(item.decision!);
  expect((await getLetter(ws, letter.id)).items[1]!.decision).toBe(item.decision);
});

test('keys pressed before a change has reloaded act on the changed letter', async ({ page }) => {
  await page.goto(ws.url);
  if ((await allLetters(ws)).length === 0) {
    await page.getByRole('button', { name: 'Load sample letters' }).click();
    await expect(page.getByLabel('Import report')).toContainText('0 failed');
    await page.keyboard.press('Escape');
  }
  const letter = (await allLetters(ws)).find((l) => l.items.length >= 3 && l.status !== 'verified')!;
  await openLetter(page, letter);
  const item = letter.items[2]!;
  const flipped = item.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  await fieldValue(page, `item-${item.id}-service`).click();
  // No waiting between the keys: the delete must snapshot the item with its new decision.
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await page.keyboard.press('Shift+Delete');
  await page.keyboard.press('Control+z');
  await expect(page.locator('.letter-pane section.item')).toHaveCount(letter.items.length);
  await expect(page.locator('.status-bar')).toContainText('Undone: Deleted item 3');
  expect((await getLetter(ws, letter.id)).items[2]!.decision).toBe(flipped);
});
