/** What the specs share: screenshots, the queue, the source pane's highlights and selections. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, Request, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import type { QueueRow, StoredLetter } from '../../src/shared/library.ts';
import type { Workstation } from './server.ts';
import { ROOT } from './server.ts';

export const SCREENS_DIR = path.join(ROOT, 'test-results/screens');

/** Saves a screenshot of a main screen under test-results/screens and attaches it to the report. */
export async function snap(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Whether a request is the page's call of this API method (every call is POST /api, the method in its body). */
export function isApiCall(request: Request, method: string): boolean {
  return request.url().endsWith('/api') && (request.postDataJSON() as { method?: string } | null)?.method === method;
}

/** The "N letters" count above the queue. */
export function queueCount(page: Page): Locator {
  return page.locator('.queue-count');
}

export function countText(n: number): string {
  return `${n.toLocaleString('en-US')} letter${n === 1 ? '' : 's'}`;
}

/** The queue row whose label (case number, else file name) is `label`. */
export function queueRow(page: Page, label: string): Locator {
  return page.getByRole('listbox', { name: 'Letters' }).getByRole('option').filter({ has: page.locator('.row-case', { hasText: label }) });
}

export function rowLabel(row: Pick<QueueRow, 'caseNumber' | 'fileName'>): string {
  return row.caseNumber ?? row.fileName;
}

/** Every letter in the library, as the API stores it, in import order. */
export async function allLetters(ws: Workstation): Promise<StoredLetter[]> {
  const page = await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1000 });
  const letters: StoredLetter[] = [];
  for (const row of page.rows) letters.push((await ws.call('getLetter', row.id))!);
  return letters;
}

export async function getLetter(ws: Workstation, letterId: number): Promise<StoredLetter> {
  const letter = await ws.call('getLetter', letterId);
  if (!letter) throw new Error(`letter ${letterId} is gone`);
  return letter;
}

/** Opens a letter by clicking its queue row and waits for its title. */
export async function openLetter(page: Page, letter: StoredLetter): Promise<void> {
  await queueRow(page, rowLabel(letter)).click();
  await expect(page.locator('.letter-title h2')).toHaveText(rowLabel(letter));
}

/** The element showing one field's value in the fields pane. */
export function fieldValue(page: Page, key: string): Locator {
  return page.locator(`#field-${key} .field-value`);
}

/**
 * The source text shown over a field's span, if the span is highlighted: every piece of
 * text in it is a highlight, the field's own or one nested inside it (a partial
 * certification's parts inside its service), and the field's own colour shows in it.
 * A page break (a form feed, not shown) reads as a space. Null when the field has no
 * highlight there or plain text interrupts it.
 */
export async function highlightText(page: Page, key: string, span: readonly [number, number]): Promise<string | null> {
  return page.evaluate(
    ([target, from, to]) => {
      const pieces = [...document.querySelectorAll<HTMLElement>('.source [data-start]')]
        .map((element) => ({
          start: Number(element.dataset['start']),
          text: element.textContent ?? '',
          target: element.tagName === 'MARK' ? (element.dataset['target'] ?? null) : null,
        }))
        .filter((piece) => piece.start < to && piece.start + piece.text.length > from)
        .sort((a, b) => a.start - b.start);
      if (!pieces.some((piece) => piece.target === target)) return null;
      let text = '';
      let end = -1;
      for (const piece of pieces) {
        const start = Math.max(from, piece.start);
        const shown = piece.text.slice(start - piece.start, to - piece.start);
        if (piece.target === null && shown.trim() !== '') return null;
        if (end >= 0 && start !== end) text += ' ';
        text += shown;
        end = start + shown.length;
      }
      return text;
    },
    [key, span[0], span[1]] as const,
  );
}

/**
 * Selects [start, end) of the letter text in the source pane by setting the DOM
 * selection, then tells the pane (it reads the selection on mouseup).
 */
export async function selectSourceRange(page: Page, start: number, end: number): Promise<void> {
  await page.evaluate(
    ([from, to]) => {
      const source = document.querySelector<HTMLElement>('.source')!;
      const locate = (offset: number, isEnd: boolean): [Node, number] => {
        for (const element of source.querySelectorAll<HTMLElement>('[data-start]')) {
          const base = Number(element.dataset['start']);
          const node = element.firstChild;
          const length = node?.textContent?.length ?? 0;
          if (node && offset >= base && (offset < base + length || (isEnd && offset === base + length))) return [node, offset - base];
        }
        throw new Error(`offset ${offset} is not shown in the source`);
      };
      const range = document.createRange();
      range.setStart(...locate(from, false));
      range.setEnd(...locate(to, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      source.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    [start, end] as const,
  );
}

/** Selects [start, end) with a real mouse drag from the first character to the last. */
export async function dragSelectSource(page: Page, start: number, end: number): Promise<void> {
  const boxOf = (offset: number) =>
    page.evaluate((at) => {
      const source = document.querySelector<HTMLElement>('.source')!;
      for (const element of source.querySelectorAll<HTMLElement>('[data-start]')) {
        const base = Number(element.dataset['start']);
        const node = element.firstChild;
        if (node && at >= base && at < base + (node.textContent?.length ?? 0)) {
          const range = document.createRange();
          range.setStart(node, at - base);
          range.setEnd(node, at - base + 1);
          const rect = range.getClientRects()[0]!;
          return { left: rect.left, right: rect.right, middle: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`offset ${at} is not shown in the source`);
    }, offset);
  const first = await boxOf(start);
  const last = await boxOf(end - 1);
  await page.mouse.move(first.left + 1, first.middle);
  await page.mouse.down();
  await page.mouse.move((first.left + last.right) / 2, (first.middle + last.middle) / 2, { steps: 5 });
  await page.mouse.move(last.right - 1, last.middle, { steps: 5 });
  await page.mouse.up();
}

/** The text the page currently has selected. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Imports the sample letters through the API and waits until they are in. */
export async function loadSamples(ws: Workstation): Promise<void> {
  await ws.call('loadSampleLetters');
  await expect.poll(async () => (await ws.call('getImportStatus')).running === null && (await ws.call('getStats')).letters > 0, { timeout: 60_000 }).toBe(true);
}

/**
 * axe-core's violations on the page as it is, one line each (rule, help, first elements), with the
 * full report attached. The page must come from browser.newContext(): axe reaches frames through it.
 */
export async function axeViolations(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  await testInfo.attach(`axe-${name}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
