/**
 * The Insights view in Chromium over the real bridge: it opens by its key, its figures are the
 * library server's, a bar opens the queue on exactly the letters holding its items, a table row
 * does too, charts save as SVG and PNG and tables as CSV. Screenshots at 1440x900 and 1280x720.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { derivableOfParsed, deriveValues } from '../../src/main/letters/derive.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { verifyLetter } from '../../src/main/review/index.ts';
import { insertParsedLetter, openLibrary, startImportRun } from '../../src/main/storage/index.ts';
import type { QueueFilter } from '../../src/shared/api.ts';
import type { Insights } from '../../src/shared/insights.ts';
import { queueFilterFor, withDecision } from '../../src/shared/insights.ts';
import { percent, percentInterval } from '../../src/shared/insightsFormat.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';
import { axeViolations, countText, queueCount, SCREENS_DIR, snap } from './helpers.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const LETTERS = 90;

let folder: string;
let ws: Workstation;
let page: Page;
let insights: Insights;
/** Console errors and uncaught errors of the page: a chart the CSP refused would show here. */
const problems: string[] = [];

/** Generated letters stored as an import stores them; two in three verified. */
function buildLibrary(file: string): void {
  const library = openLibrary(file, { reviewer: 'e2e' });
  const runId = startImportRun(library.db, 'e2e');
  for (let seed = 0; seed < LETTERS; seed++) {
    const text = renderLetterText(generateLetter(5000 + seed, { headerTable: true }), 'plain');
    const parsed = parseLetter(text);
    const source = { path: `/e2e/insights-${seed}.txt`, fileName: `insights-${seed}.txt`, size: text.length, sha256: `${seed}`.padStart(64, 'a'), kind: 'text' as const, text, pageOffsets: [0], encoding: 'utf-8' };
    const { letterId } = insertParsedLetter(library.db, source, parsed, runId, deriveValues(derivableOfParsed(parsed)));
    if (seed % 3 !== 0) verifyLetter(library.db, { reviewer: 'e2e', origin: 'review' }, { letterId, revision: 0 });
  }
  library.close();
}

async function queueTotal(filter: QueueFilter): Promise<number> {
  return (await ws.call('queryQueue', { ...filter, sort: 'import', offset: 0, limit: 1 })).total;
}

test.beforeAll(async ({ browser }) => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-e2e-insights-'));
  const file = path.join(folder, 'library.sqlite');
  buildLibrary(file);
  ws = await startWorkstation({ libraryFile: file });
  insights = await ws.call('getInsights', { filter: {}, scope: 'verified' });
  // axe runs its frames through the page's own context, which browser.newPage does not give it.
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true })).newPage();
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.goto(ws.url);
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
});

test.afterAll(async () => {
  await page?.context().close();
  await ws?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('Shift+I opens the view on the verified letters, with the server’s figures', async ({}, testInfo) => {
  await page.keyboard.press('Shift+I');
  await expect(page.getByRole('heading', { name: 'Insights', level: 2 })).toBeFocused();
  expect(insights.headline.letters).toBe(60);
  await expect(page.locator('.insights-status')).toHaveText(`60 letters, ${insights.headline.items} items`);
  const upheld = page.locator('.insight-tile', { hasText: 'Items upheld' });
  await expect(upheld.locator('.tile-value')).toHaveText(percent(insights.headline.upheld.value));
  await expect(page.locator('.insight-card svg.insights-chart')).toHaveCount(14);
  await snap(page, 'insights-1440x900', testInfo);
  await page.locator('#insights-category').scrollIntoViewIfNeeded();
  await snap(page, 'insights-1440x900-categories', testInfo);
  await page.locator('#insights-dwc').scrollIntoViewIfNeeded();
  await snap(page, 'insights-1440x900-dwc', testInfo);
});

test("the DWC section sets each year's items in DWC's categories beside the published shares, and a bar opens its letters", async () => {
  const pharmaceuticals = insights.dwcShares.find((share) => share.key.id === 'pharmaceuticals' && share.published.length > 0)!;
  expect(pharmaceuticals.published[0]!.figure.source.counts).toMatch(/by report year|by letter date/);
  const card = page.locator('#insights-dwc');
  await expect(card.locator('table')).toContainText('Pharmaceuticals items');
  await expect(card.locator('table')).toContainText(`counts ${pharmaceuticals.published[0]!.figure.source.counts}`);
  const expected = await queueTotal(queueFilterFor(insights.letterFilter!, pharmaceuticals.selection));
  await card.locator(`[data-chart="dwc-years"] [data-bar][aria-label^="${pharmaceuticals.year} · Pharmaceuticals: "]`).click();
  await expect(queueCount(page)).toHaveText(countText(expected));
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
  await page.keyboard.press('Shift+I');
  await expect(page.locator('.insight-card svg.insights-chart')).toHaveCount(14);
});

test('a bar opens the queue on exactly the letters holding its items', async ({}, testInfo) => {
  const categories = insights.breakdowns.find((b) => b.id === 'category')!;
  const row = categories.rows.find((r) => r.overturned > 0)!;
  const expected = await queueTotal(queueFilterFor(insights.letterFilter!, withDecision(row.selection, 'Overturned')));
  expect(expected).toBeGreaterThan(0);
  await page.locator(`[data-chart="category"] [data-bar][aria-label^="${row.label}: "][aria-label*="overturned"]`).click();
  await expect(page.locator('.insights')).toHaveCount(0);
  await expect(queueCount(page)).toHaveText(countText(expected));
  await expect(page.locator('.selection-banner')).toContainText(`with an item overturned, service category ${row.label}`);
  // Every letter listed has an overturned item.
  const rows = page.getByRole('listbox', { name: 'Letters' }).getByRole('option');
  await expect(rows.first()).toBeVisible();
  for (const option of await rows.all()) await expect(option.locator('.pill-overturned')).toBeVisible();
  await snap(page, 'insights-queue-selection', testInfo);
  // Clearing the selection keeps the queue's own filters: the view was over the verified letters.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.locator('.selection-banner')).toHaveCount(0);
  await expect(page.getByLabel('Status')).toHaveValue('verified');
  await expect(queueCount(page)).toHaveText(countText(60));
  await page.getByLabel('Status').selectOption({ label: 'Any status' });
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
});

test('a bar is a keyboard button too', async () => {
  await page.keyboard.press('Shift+I');
  const months = insights.breakdowns.find((b) => b.id === 'decision-month')!;
  const month = months.rows.find((r) => r.key !== null && r.upheld > 0)!;
  const expected = await queueTotal(queueFilterFor(insights.letterFilter!, withDecision(month.selection, 'Upheld')));
  const bar = page.locator(`[data-chart="decision-month"] [data-bar][aria-label^="${month.label}: "][aria-label*="upheld"]`);
  await expect(bar).toHaveAttribute('role', 'button');
  // Its name says its figure, as the table does.
  const decided = month.upheld + month.overturned;
  const items = `${month.upheld} item${month.upheld === 1 ? '' : 's'} upheld`;
  await expect(bar).toHaveAccessibleName(`${month.label}: ${items}, ${percent(month.upheld / decided)} of ${decided} with a decision (95% CI ${percentInterval(month.upheldShare.interval)}): open in the queue`);
  await bar.focus();
  await page.keyboard.press('Enter');
  await expect(queueCount(page)).toHaveText(countText(expected));
  await expect(page.locator('.selection-banner')).toContainText(`decided in ${month.label}`);
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Any status' });
});

test('a table row opens its group, and the queue’s own filter can be the scope', async () => {
  await page.getByRole('button', { name: 'Insights' }).click();
  const specialties = insights.breakdowns.find((b) => b.id === 'reviewer-specialty')!;
  const first = specialties.rows[0]!;
  const card = page.locator('#insights-reviewer-specialty');
  await card.locator('summary').click();
  await card.getByRole('button', { name: first.label, exact: true }).click();
  await expect(queueCount(page)).toHaveText(countText(first.letters));
  // Over the queue's filter now: the figures are of those letters alone.
  await page.keyboard.press('Shift+I');
  await page.getByText("Queue's filter").click();
  await expect(page.locator('.insights-status')).toHaveText(`${first.letters} letters, ${first.items} items`);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear selection' }).click();
});

test('charts save as SVG and PNG, tables as CSV', async () => {
  await page.keyboard.press('Shift+I');
  const card = page.locator('#insights-decisions');
  const saved = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: button }).click()]);
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    return { name: download.suggestedFilename(), bytes: readFileSync(file) };
  };
  const svg = await saved('Save SVG');
  expect(svg.name).toBe('imr-insights-decisions.svg');
  expect(svg.bytes.toString('utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.bytes.toString('utf8')).toContain('>Decisions</text>');
  const png = await saved('Save PNG');
  expect(png.name).toBe('imr-insights-decisions.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Kept beside the screenshots, to be looked at.
  mkdirSync(SCREENS_DIR, { recursive: true });
  writeFileSync(path.join(SCREENS_DIR, 'insights-saved-decisions.png'), png.bytes);
  await card.locator('summary').click();
  const csv = await saved('Save CSV');
  expect(csv.name).toBe('imr-insights-headline.csv');
  const lines = csv.bytes.toString('utf8').split('\r\n');
  expect(lines[0]).toBe('figure,value,95% low,95% high,count,of,counted over');
  expect(lines[1]).toBe('Letters,60,,,60,,');
  await page.keyboard.press('Escape');
});

test('the view has no axe violations at 1440x900 and 1280x720', async ({}, testInfo) => {
  const found: Record<string, string[]> = {};
  for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(size);
    await page.keyboard.press('Shift+I');
    await expect(page.locator('.insight-card svg.insights-chart')).toHaveCount(14);
    // Every card open, so its table is checked too.
    await page.locator('.insight-card > details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
    const list = await axeViolations(page, testInfo, `insights-${size.width}`);
    if (list.length > 0) found[`${size.width}x${size.height}`] = list;
    await page.keyboard.press('Escape');
    await expect(page.locator('.insights')).toHaveCount(0);
  }
  expect(found).toEqual({});
});

test('the view at 1280x720', async ({}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press('Shift+I');
  await expect(page.locator('.insight-card svg.insights-chart')).toHaveCount(14);
  await snap(page, 'insights-1280x720', testInfo);
  await page.locator('#insights-published').scrollIntoViewIfNeeded();
  await snap(page, 'insights-1280x720-published', testInfo);
  await page.locator('#insights-decision-month').scrollIntoViewIfNeeded();
  await snap(page, 'insights-1280x720-months', testInfo);
  await page.locator('#insights-dwc').scrollIntoViewIfNeeded();
  await snap(page, 'insights-1280x720-dwc', testInfo);
  await page.locator('#insights-mtus').scrollIntoViewIfNeeded();
  await snap(page, 'insights-1280x720-mtus', testInfo);
  await page.keyboard.press('Escape');
  await expect(page.locator('.insights')).toHaveCount(0);
  expect(problems).toEqual([]);
});
