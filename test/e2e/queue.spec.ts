/**
 * The virtualized queue over a library of a few thousand letters: only the rows in view
 * are in the DOM, rows far down are fetched and shown as they scroll into view, and the
 * list stays where the reviewer scrolls it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { insertParsedLetter, openLibrary, startImportRun } from '../../src/main/storage/index.ts';
import { generateLetter, renderLetterText } from '../fixtures/index.ts';
import { countText, queueCount } from './helpers.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

const LETTERS = 3000;
const DISTINCT = 30;
/** The queue's row height in pixels (QueuePane's ROW_HEIGHT). */
const ROW_HEIGHT = 46;

let folder: string;
let ws: Workstation;
let page: Page;
let list: Locator;

/** Stores LETTERS letters straight through the store (as bench/data.ts does), each under its own case number. */
function buildLibrary(file: string): void {
  const library = openLibrary(file, { reviewer: 'e2e' });
  const runId = startImportRun(library.db, 'e2e');
  let distinct = 0;
  for (let seed = 1000; distinct < DISTINCT; seed++) {
    const text = renderLetterText(generateLetter(seed), 'layout');
    // Some generated letters print no case number; the copies need one to differ.
    if (!/CM\d{2}-\d{7}/.test(text)) continue;
    const seedIndex = distinct++;
    for (let copy = 0; copy < LETTERS / DISTINCT; copy++) {
      const caseNumber = `CM17-${String(seedIndex * 1000 + copy).padStart(7, '0')}`;
      const copyText = text.replace(/CM\d{2}-\d{7}/g, caseNumber);
      const source = {
        path: `/e2e/${caseNumber}.txt`,
        fileName: `${caseNumber}.txt`,
        size: copyText.length,
        sha256: caseNumber.padEnd(64, '0'),
        kind: 'text' as const,
        text: copyText,
        pageOffsets: [0],
        encoding: 'utf-8',
      };
      insertParsedLetter(library.db, source, parseLetter(copyText), runId);
    }
  }
  library.close();
}

test.beforeAll(async ({ browser }) => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-e2e-queue-'));
  const file = path.join(folder, 'library.sqlite');
  buildLibrary(file);
  ws = await startWorkstation({ libraryFile: file });
  page = await browser.newPage();
  await page.goto(ws.url);
  list = page.getByRole('listbox', { name: 'Letters' });
  await expect(queueCount(page)).toHaveText(countText(LETTERS));
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** The label the list shows at a row index, once that row is loaded. */
const rowAt = (index: number) => list.locator(`.queue-row[style*="translateY(${index * ROW_HEIGHT}px)"] .row-case`);
const scrollTop = () => list.evaluate((element) => element.scrollTop);

async function labelAt(index: number): Promise<string> {
  const { rows } = await ws.call('queryQueue', { sort: 'import', offset: index, limit: 1 });
  return rows[0]!.caseNumber!;
}

test('renders only the rows in view', async () => {
  const fit = Math.ceil((await list.evaluate((element) => element.clientHeight)) / ROW_HEIGHT);
  const rendered = await list.getByRole('option').count();
  expect(rendered).toBeGreaterThanOrEqual(fit);
  expect(rendered).toBeLessThan(fit + 30);
  await expect(rowAt(0)).toHaveText(await labelAt(0));
});

test('scrolls with the wheel far down, fills the rows in and stays there', async () => {
  await list.hover();
  for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 4000);
  await expect.poll(scrollTop).toBeGreaterThan(20_000);
  const top = await scrollTop();
  const first = Math.ceil(top / ROW_HEIGHT);
  await expect(rowAt(first)).toHaveText(await labelAt(first));
  await expect(list.locator('.queue-row.loading')).toHaveCount(0);
  // Rows arriving must not pull the list back to the selected letter.
  await page.waitForTimeout(500);
  expect(await scrollTop()).toBe(top);
  expect(await list.getByRole('option').count()).toBeLessThan(60);
});

test('jumps to the end of the list, as dragging the scrollbar does, and stays there', async () => {
  await list.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(rowAt(LETTERS - 1)).toHaveText(await labelAt(LETTERS - 1));
  await page.waitForTimeout(500);
  expect(await scrollTop()).toBeGreaterThan((LETTERS - 20) * ROW_HEIGHT);
  const middle = Math.floor(LETTERS / 2);
  await list.evaluate((element, top) => {
    element.scrollTop = top;
  }, middle * ROW_HEIGHT);
  await expect(rowAt(middle)).toHaveText(await labelAt(middle));
  await page.waitForTimeout(500);
  expect(await scrollTop()).toBe(middle * ROW_HEIGHT);
});

test('j brings the next letter, and the list back to it', async () => {
  await page.keyboard.press('j');
  const second = await labelAt(1);
  await expect(page.locator('.letter-title h2')).toHaveText(second);
  await expect(list.getByRole('option', { selected: true })).toBeInViewport();
  await expect(list.getByRole('option', { selected: true })).toContainText(second);
});
