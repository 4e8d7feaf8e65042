/**
 * The page view in Chromium over the real bridge: generated PDFs imported through the API and
 * then deleted (the page comes from the library's own copy), their values' boxes measured on
 * screen against where the generator drew them, clicks and focus linked both ways, a selection
 * on the page assigned with `s`, the text letter that has no page, and the screens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { StoredLetter } from '../../src/shared/library.ts';
import type { DrawnBox, DrawnText, GeneratedLetter } from '../fixtures/index.ts';
import { drawnBoxes, generateLetter, phrasePattern, writeLetterPdf, writeLetterText } from '../fixtures/index.ts';
import { allLetters, fieldValue, openLetter, snap } from './helpers.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

/** Points of slack between a box on screen and where the generator drew its value. */
const TOLERANCE = 2;
const LETTER_WIDTH = 612;

let ws: Workstation;
let page: Page;
let letters: StoredLetter[];
const generated = new Map<string, { letter: GeneratedLetter; drawn: DrawnText[] }>();

test.beforeAll(async ({ browser }) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-e2e-pages-'));
  for (const seed of [5100, 5101]) {
    const letter = generateLetter(seed, { itemCount: 3, headerTable: true, partials: [] });
    generated.set(`${letter.id}.pdf`, { letter, drawn: await writeLetterPdf(letter, path.join(folder, `${letter.id}.pdf`)) });
  }
  const typed = generateLetter(5102);
  await writeLetterText(typed, path.join(folder, `${typed.id}.txt`), { style: 'layout' });
  ws = await startWorkstation();
  await ws.call('startImport', [folder]);
  await expect.poll(async () => (await ws.call('getImportStatus')).running === null && (await ws.call('getStats')).letters === 3, { timeout: 60_000 }).toBe(true);
  // The page view works from the library's copy: the files are gone.
  rmSync(folder, { recursive: true, force: true });
  letters = await allLetters(ws);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(ws.url);
  await page.locator('.letter-pane section.item').first().waitFor();
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
});

const pdfLetter = (index: number) => letters.filter((letter) => letter.sourceKind === 'pdf')[index]!;
const viewRadio = (name: 'Text' | 'Both' | 'Page') => page.getByRole('radiogroup', { name: /Source view/ }).getByRole('radio', { name });
const scroller = () => page.locator('.page-scroller');

/** Opens a letter from another one, so its load (which focuses its first value) is over before the test goes on. */
async function openAfresh(letter: StoredLetter): Promise<void> {
  if ((await page.locator('.letter-title h2').textContent()) === letter.caseNumber) await openLetter(page, letters.find((other) => other.id !== letter.id)!);
  await openLetter(page, letter);
}

/** Shows the page alone, whatever view the tests before left (each test can run by itself). */
async function showPageOnly(): Promise<void> {
  await viewRadio('Page').click();
  await expect(viewRadio('Page')).toBeChecked();
}

/** Focuses a field by clicking it in the fields pane. */
async function focusField(key: string): Promise<void> {
  await page.locator(`#field-${key} .field-value`).click();
  await expect(page.locator(`#field-${key}`)).toHaveClass(/field-focused/);
}

/** The value's boxes as drawn on screen, in page points from the page's top-left corner. */
async function boxesOnScreen(key: string): Promise<{ page: number; left: number; right: number; top: number; bottom: number }[]> {
  await expect(page.locator(`.pdf-page[data-painted] .page-box[data-target="${key}"]`).first()).toBeVisible();
  return page.locator(`.page-box[data-target="${key}"]`).evaluateAll(
    (boxes, width) =>
      boxes.map((box) => {
        const sheet = box.closest<HTMLElement>('[data-page]')!;
        const frame = sheet.getBoundingClientRect();
        const rect = box.getBoundingClientRect();
        const points = width / frame.width;
        return {
          page: Number(sheet.dataset['page']),
          left: (rect.left - frame.left) * points,
          right: (rect.right - frame.left) * points,
          top: (rect.top - frame.top) * points,
          bottom: (rect.bottom - frame.top) * points,
        };
      }),
    LETTER_WIDTH,
  );
}

/** Where the generator drew the value the span holds: its place among the value's occurrences is the same in the text and on the pages. */
function drawnAt(letter: StoredLetter, value: string, span: readonly [number, number]): DrawnBox[] {
  const occurrence = [...letter.text.slice(0, span[0]).matchAll(phrasePattern(value))].length;
  const boxes = drawnBoxes(generated.get(letter.fileName)!.drawn, value, occurrence);
  if (!boxes) throw new Error(`the generator did not draw "${value}"`);
  return boxes;
}

test('p goes round the text, both side by side and the page, and the view stays for the next letter', async () => {
  await openAfresh(pdfLetter(0));
  await expect(viewRadio('Text')).toBeChecked();
  await expect(page.locator('.page-view')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(viewRadio('Both')).toBeChecked();
  await expect(page.locator('.source')).toBeVisible();
  await expect(page.locator('.pdf-page[data-painted]').first()).toBeVisible();
  await page.keyboard.press('p');
  await expect(viewRadio('Page')).toBeChecked();
  await expect(page.locator('.source')).toHaveCount(0);
  await openAfresh(pdfLetter(1));
  await expect(viewRadio('Page')).toBeChecked();
  await expect(page.locator('.pdf-page[data-painted]').first()).toBeVisible();
  await page.keyboard.press('p');
  await expect(viewRadio('Text')).toBeChecked();
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(viewRadio('Page')).toBeChecked();
});

test('every value’s boxes sit where the generator drew it, within 2 points, on the page drawn from the library’s own copy', async () => {
  await showPageOnly();
  let checked = 0;
  for (const index of [0, 1]) {
    const letter = pdfLetter(index);
    await openAfresh(letter);
    const values: [key: string, value: string, span: readonly [number, number]][] = [];
    for (const field of ['caseNumber', 'dateAssigned', 'decisionDate', 'dateOfInjury', 'urDenialDate', 'applicationReceived', 'priority', 'reviewerSpecialty', 'reviewerLicensure'] as const) {
      const span = letter.spans[field]?.[0];
      if (span) values.push([`letter-${field}`, letter.text.slice(span[0], span[1]).trim(), span]);
    }
    for (const item of letter.items) {
      for (const field of ['service', 'decision', 'claimsAdministratorGuideline', 'maximusGuideline'] as const) {
        const span = item.spans[field]?.[0];
        const value = field === 'decision' ? item.decision : item[field];
        if (span && value) values.push([`item-${item.id}-${field}`, value, span]);
      }
    }
    for (const [key, value, span] of values) {
      await focusField(key);
      const expected = drawnAt(letter, value, span);
      const shown = await boxesOnScreen(key);
      expect(shown.length, `${letter.caseNumber} ${key}`).toBe(expected.length);
      shown.forEach((box, i) => {
        const want = expected[i]!;
        const where = `${letter.caseNumber} ${key} "${value}" box ${i + 1}`;
        expect(box.page, where).toBe(want.page);
        expect(Math.abs(box.left - want.left), `${where}: left`).toBeLessThan(TOLERANCE);
        expect(Math.abs(box.right - want.right), `${where}: right`).toBeLessThan(TOLERANCE);
        // The box spans the letters' height: from above the x-height to below the baseline, no taller than a line.
        expect(box.top, `${where}: top`).toBeLessThan(want.baseline - 0.6 * want.fontSize);
        expect(box.bottom, `${where}: bottom`).toBeGreaterThan(want.baseline);
        expect(box.bottom - box.top, `${where}: height`).toBeLessThan(want.fontSize + TOLERANCE);
      });
      checked++;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(10);
});

test('clicking a box focuses its field, and focusing a field scrolls the page to its box', async () => {
  const letter = pdfLetter(0);
  await openAfresh(letter);
  await showPageOnly();
  await scroller().evaluate((element) => element.scrollTo(0, 0));
  const caseBox = page.locator('.pdf-page[data-painted] .page-box[data-target="letter-caseNumber"]');
  await expect(caseBox).toBeVisible();
  const box = (await caseBox.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('#field-letter-caseNumber')).toHaveClass(/field-focused/);
  await expect(caseBox).toHaveClass(/hl-active/);

  const last = letter.items.at(-1)!;
  const key = `item-${last.id}-maximusGuideline`;
  await focusField(key);
  const target = page.locator(`.page-box[data-target="${key}"]`).first();
  await expect(target).toHaveClass(/hl-active/);
  const [pane, shown] = [(await scroller().boundingBox())!, (await target.boundingBox())!];
  expect(shown.y).toBeGreaterThanOrEqual(pane.y);
  expect(shown.y + shown.height).toBeLessThanOrEqual(pane.y + pane.height);
  expect(await scroller().evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  // Back at the top, the box scrolled to by hand and clicked on its later page focuses its field again.
  await focusField('letter-caseNumber');
  await expect.poll(() => scroller().evaluate((element) => element.scrollTop)).toBeLessThan(pane.height);
  await target.scrollIntoViewIfNeeded();
  const back = (await target.boundingBox())!;
  await page.mouse.click(back.x + 3, back.y + back.height / 2);
  await expect(page.locator(`#field-${key}`)).toHaveClass(/field-focused/);
});

/** Where one character of the letter's text is on screen, in the page's text layer. */
function characterOnPage(offset: number): Promise<{ left: number; right: number; middle: number }> {
  return page.evaluate((at) => {
    for (const run of document.querySelectorAll<HTMLElement>('.pdf-page[data-painted] .textLayer [data-start]')) {
      const base = Number(run.dataset['start']);
      const node = run.firstChild;
      if (!node || at < base || at >= base + (node.textContent?.length ?? 0)) continue;
      const range = document.createRange();
      range.setStart(node, at - base);
      range.setEnd(node, at - base + 1);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, right: rect.right, middle: rect.top + rect.height / 2 };
    }
    throw new Error(`offset ${at} is on no page in view`);
  }, offset);
}

/** Drags a selection on the page from the character at `start` to the one before `end` (offsets in the letter's text). */
async function dragOnPage(start: number, end: number): Promise<void> {
  const first = await characterOnPage(start);
  const last = await characterOnPage(end - 1);
  await page.mouse.move(first.left + 1, first.middle);
  await page.mouse.down();
  await page.mouse.move((first.left + last.right) / 2, (first.middle + last.middle) / 2, { steps: 5 });
  await page.mouse.move(last.right - 1, last.middle, { steps: 5 });
  await page.mouse.up();
}

test('text selected on the page is what s gives the focused field, in the page’s order where the text reads it in another', async () => {
  const letter = pdfLetter(0);
  await openAfresh(letter);
  await showPageOnly();
  await scroller().evaluate((element) => element.scrollTo(0, 0));
  const specialtySpan = letter.spans['reviewerSpecialty']![0]!;
  const specialty = letter.reviewerSpecialty!;

  await focusField('letter-reviewerSubspecialty');
  await dragOnPage(specialtySpan[0], specialtySpan[1]);
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe(specialty);
  await page.keyboard.press('s');
  await expect(fieldValue(page, 'letter-reviewerSubspecialty')).toHaveText(specialty);
  expect((await ws.call('getLetter', letter.id))!.spans['reviewerSubspecialty']).toEqual([specialtySpan]);

  // "Application" / "Received:" is one cell on the page; the text reads the date after "Received:".
  const date = letter.header!.applicationReceived!;
  const application = letter.text.indexOf('Application');
  const received = letter.text.indexOf('Received:', application);
  await focusField('letter-priority');
  await dragOnPage(application, received + 'Received:'.length);
  await page.keyboard.press('s');
  await expect(fieldValue(page, 'letter-priority')).toHaveText(`Application ${date} Received:`);
  const spans = (await ws.call('getLetter', letter.id))!.spans['priority']!;
  expect(spans.map(([start, end]) => letter.text.slice(start, end))).toEqual(['Application', date, 'Received:']);
  await expect(page.locator('.pdf-page[data-painted] .page-order')).toHaveCount(1);
  await expect(page.locator('.page-order-note')).toHaveText('1 out of order');

  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(fieldValue(page, 'letter-priority')).toHaveText(letter.header!.priority!);
});

test('a letter read from a text file shows its text, saying why it has no page', async () => {
  const typed = letters.find((letter) => letter.sourceKind === 'text')!;
  await openAfresh(typed);
  await showPageOnly();
  await expect(page.getByRole('note').filter({ hasText: 'imported from a text file, which has no pages' })).toBeVisible();
  await expect(page.locator('.source')).toBeVisible();
  await expect(page.locator('.pdf-page')).toHaveCount(0);
});

test('screens: the text, both side by side and the page, at 1440x900 and 1280x720', async ({}, testInfo) => {
  const letter = pdfLetter(0);
  await openAfresh(letter);
  await focusField(`item-${letter.items[0]!.id}-service`);
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    for (const view of ['Text', 'Both', 'Page'] as const) {
      await viewRadio(view).click();
      if (view !== 'Text') await expect(page.locator('.pdf-page[data-painted]').first()).toBeVisible();
      await snap(page, `source-${view.toLowerCase()}-${width}x${height}`, testInfo);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
});
