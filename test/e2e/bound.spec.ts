/**
 * Changes bound to the letter they were made on, in the real UI over the real bridge: an edit
 * saved as another letter opens lands on its own letter, and a change made on a view that
 * someone else has changed since is refused, reloaded and said so.
 */
import { expect, test } from '@playwright/test';
import type { Route } from '@playwright/test';
import { allLetters, fieldValue, getLetter, isApiCall, openLetter, queueRow, rowLabel } from './helpers.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

let ws: Workstation;

test.beforeAll(async () => {
  ws = await startWorkstation();
});

test.afterAll(async () => {
  await ws?.stop();
});

async function loadSamples(page: import('@playwright/test').Page) {
  await page.goto(ws.url);
  if ((await allLetters(ws)).length > 0) return;
  await page.getByRole('button', { name: 'Load sample letters' }).click();
  await expect(page.getByLabel('Import report')).toContainText('0 failed');
  await page.keyboard.press('Escape');
}

test('an edit saved just as another letter is opened lands on the letter it was typed in', async ({ page }) => {
  await loadSamples(page);
  const [a, b] = (await allLetters(ws)).filter((letter) => letter.items.length > 0 && letter.status !== 'verified');
  await openLetter(page, a!);
  const item = a!.items[0]!;
  await fieldValue(page, `item-${item.id}-rationale`).click();
  await page.keyboard.press('Enter');
  await page.locator('.field-input').fill('Typed into the first letter.');
  // Saving (Enter) and opening the other letter, with no wait between them.
  await page.keyboard.press('Enter');
  await queueRow(page, rowLabel(b!)).click();
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(b!));
  await expect.poll(async () => (await getLetter(ws, a!.id)).items[0]!.rationale).toBe('Typed into the first letter.');
  expect((await getLetter(ws, b!.id)).items.map((i) => i.rationale)).toEqual(b!.items.map((i) => i.rationale));

  // The same with a letter field, which every letter has.
  await queueRow(page, rowLabel(a!)).click();
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(a!));
  await fieldValue(page, 'letter-reviewerSubspecialty').click();
  await page.keyboard.press('Enter');
  await page.locator('.field-input').fill('Typed into the first letter');
  await page.keyboard.press('Enter');
  await queueRow(page, rowLabel(b!)).click();
  await expect.poll(async () => (await getLetter(ws, a!.id)).reviewerSubspecialty).toBe('Typed into the first letter');
  expect((await getLetter(ws, b!.id)).reviewerSubspecialty).toBe(b!.reviewerSubspecialty);
});

test('a row clicked while the queue reloads after a save opens the letter it shows', async ({ page }) => {
  await loadSamples(page);
  const [a, b] = (await allLetters(ws)).filter((letter) => letter.items.length > 0 && letter.status !== 'verified');
  await openLetter(page, a!);
  await fieldValue(page, 'letter-reviewerSubspecialty').click();
  await page.keyboard.press('Enter');
  await page.locator('.field-input').fill('Saved while the queue reloads');
  // The queue's reload after the save is held back, as on a busy library.
  const held: Route[] = [];
  await page.route('**/api', (route) => (isApiCall(route.request(), 'queryQueue') ? void held.push(route) : route.continue()));
  await page.keyboard.press('Enter');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect.poll(async () => (await getLetter(ws, a!.id)).reviewerSubspecialty).toBe('Saved while the queue reloads');
  // The saved letter is shown again (its new revision) while the rows are still the old ones.
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(a!));
  await queueRow(page, rowLabel(b!)).click();
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(b!));
  for (const route of held) await route.continue();
  await page.unroute('**/api');
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(b!));
  expect((await getLetter(ws, b!.id)).reviewerSubspecialty).toBe(b!.reviewerSubspecialty);
});

test('a change made on a letter someone changed since is refused, and the letter reloads and says so', async ({ page }) => {
  await loadSamples(page);
  const letter = (await allLetters(ws)).find((l) => l.items.length > 0 && l.status !== 'verified')!;
  await openLetter(page, letter);
  const item = letter.items[0]!;
  await fieldValue(page, `item-${item.id}-service`).click();
  // Another window changes the letter behind this one's back.
  await ws.call('updateLetterField', { letterId: letter.id, revision: letter.revision }, { field: 'priority', value: 'Expedited' });
  const flipped = item.decision === 'Upheld' ? 'Overturned' : 'Upheld';
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect(page.locator('.status-bar')).toContainText('changed since it was shown');
  await expect(page.locator('.status-bar')).toContainText('nothing was saved');
  const stored = await getLetter(ws, letter.id);
  expect(stored.items[0]!.decision).toBe(item.decision);
  expect(stored.header?.priority).toBe('Expedited');
  // Reloaded: the next key acts on the letter as it is now, and is saved.
  await page.keyboard.press(flipped === 'Upheld' ? 'u' : 'o');
  await expect.poll(async () => (await getLetter(ws, letter.id)).items[0]!.decision).toBe(flipped);
});

test('a key pressed while a change is still being reported keeps its own answer: the change does not say its piece over it', async ({ page }) => {
  await loadSamples(page);
  const letter = (await allLetters(ws)).find((l) => l.items.length > 0 && l.status !== 'verified' && l.items[0]!.decision !== null)!;
  await openLetter(page, letter);
  const item = letter.items[0]!;
  // The change's reply, which its report is worded from, is held back, as on a busy library.
  const held: Route[] = [];
  await page.route('**/api', (route) => (isApiCall(route.request(), 'setDecision') ? void held.push(route) : route.continue()));
  await fieldValue(page, `item-${item.id}-decision`).click();
  await page.keyboard.press(item.decision === 'Upheld' ? 'o' : 'u');
  await expect.poll(() => held.length).toBeGreaterThan(0);
  // The reviewer goes on: w answers in the status bar at once.
  const status = page.locator('.status-bar');
  const hint = await status.textContent();
  await page.keyboard.press('w');
  await expect(status).not.toHaveText(hint ?? '');
  const answer = await status.textContent();
  const reply = page.waitForResponse((response) => isApiCall(response.request(), 'setDecision'));
  for (const route of held) await route.continue();
  await page.unroute('**/api');
  // The change reports as soon as its reply has come: two frames later it is on screen.
  await reply;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(status).toHaveText(answer ?? '');
});
