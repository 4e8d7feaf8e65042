/**
 * Long random sessions in Chromium (a property run with fast-check): keys that move, decide,
 * confirm, verify, finish, undo and redo, mixed with a new sort, a status filter, a search and
 * its clearing, a reload, and a second client's changes and undos through the bridge. After
 * each sequence everything is undone from the window, and every letter, read through the API,
 * must be as it was. Along the way: a reload and a new sort keep the open letter, and undo never
 * refuses twice in a row (a refusal reads the library again, so the next press acts).
 *
 * Its size comes from IMR_UI_SEQUENCES (test/testSize.ts: 12 in CI, 300 with IMR_TEST_SIZE=large):
 *   IMR_UI_SEQUENCES=300 npx playwright test -c test/e2e/playwright.config.ts sequences.spec.ts
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import type { QueueFilter, QueueSort } from '../../src/shared/api.ts';
import type { LetterStatus, StoredLetter } from '../../src/shared/library.ts';
import { testSize } from '../testSize.ts';
import { getLetter } from './helpers.ts';
import { buildLibrary } from './library.ts';
import type { Workstation } from './server.ts';
import { startWorkstation } from './server.ts';

const SEQUENCES = testSize('IMR_UI_SEQUENCES', { ci: 12, large: 300 });
const LETTERS = 8;
/** Words some letters hold and others not (generated services), for the search. */
const SEARCHES = ['physical therapy', 'MRI', 'acupuncture', 'tramadol', 'chiropractic'];

type Command =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'sort'; readonly sort: QueueSort }
  | { readonly kind: 'status'; readonly status: LetterStatus | null }
  | { readonly kind: 'search'; readonly term: string }
  | { readonly kind: 'clearSearch' }
  | { readonly kind: 'reload' }
  | { readonly kind: 'otherDecides'; readonly letter: number; readonly item: number; readonly upheld: boolean }
  | { readonly kind: 'otherUndoes' };

const KEYS = ['j', 'k', 'j', ']', '[', 'u', 'o', 'u', 'o', 'y', 'v', 'r', 'd', 'n', 'w', 'Control+z', 'Control+z', 'Control+Shift+z'];

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...KEYS).map((key) => ({ kind: 'key', key }) as const) },
  { weight: 1, arbitrary: fc.constantFrom<QueueSort>('import', 'caseNumber', 'attention').map((sort) => ({ kind: 'sort', sort }) as const) },
  { weight: 1, arbitrary: fc.constantFrom<LetterStatus | null>(null, null, 'unreviewed', 'in_progress', 'verified').map((status) => ({ kind: 'status', status }) as const) },
  { weight: 1, arbitrary: fc.constantFrom(...SEARCHES).map((term) => ({ kind: 'search', term }) as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clearSearch' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reload' } as const) },
  {
    weight: 2,
    arbitrary: fc.record({ letter: fc.nat(LETTERS - 1), item: fc.nat(3), upheld: fc.boolean() }).map((other) => ({ kind: 'otherDecides', ...other }) as const),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'otherUndoes' } as const) },
);

let ws: Workstation;
let page: Page;
let ids: number[];
/** Each letter's id by the label its title shows. */
let idByLabel: Map<string, number>;
/** The queue's filter and sort as the window has them (a reload keeps the sort, not the filter). */
let filter: { status?: LetterStatus; search?: string } = {};
let sort: QueueSort = 'import';
let original: unknown[];
let pending = 0;

/** A letter as compared: everything but its revision, which every change and undo moves on. */
function comparable(letter: StoredLetter): unknown {
  const { revision: _revision, ...rest } = letter;
  return rest;
}

async function libraryNow(): Promise<unknown[]> {
  return Promise.all(ids.map(async (id) => comparable(await getLetter(ws, id))));
}

test.beforeAll(async ({ browser }) => {
  ws = await startWorkstation({ libraryFile: buildLibrary({ letters: LETTERS, caseNumberAt: (index) => 3000 + ((index * 5) % LETTERS) }).file });
  const rows = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 100 })).rows;
  ids = rows.map((row) => row.id);
  idByLabel = new Map(rows.map((row) => [row.caseNumber ?? row.fileName, row.id]));
  original = await libraryNow();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('request', (request) => void (request.url().endsWith('/api') && pending++));
  const done = (request: { url(): string }) => void (request.url().endsWith('/api') && pending--);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  await page.goto(ws.url);
  await expect(page.locator('.letter-title h2')).toBeVisible();
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
});

const title = () => page.locator('.letter-title h2');
const status = () => page.locator('.status-bar');

/** Waits until the window has no API call in flight, twice a frame apart (a reply often sends the next call). */
async function settle(): Promise<void> {
  await expect
    .poll(async () => {
      if (pending > 0) return false;
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      return pending === 0;
    })
    .toBe(true);
}

/** Takes the keyboard focus off a form control, so the next key is a shortcut. */
async function blur(): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/**
 * A second client's call, made while the window's keys may still be saving: the library refusing
 * it (the letter changed since it was read, the step is no longer on top, the letter is verified
 * now) is what such a client meets, and nothing is written; anything else fails the run.
 */
async function asAnotherClient(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!/: (stale|cannot-undo|read-only):/.test(error instanceof Error ? error.message : String(error))) throw error;
  }
}

/** The open letter's label once the window has settled; null when none is open. */
async function openLabel(): Promise<string | null> {
  await settle();
  return (await title().count()) ? await title().innerText() : null;
}

/** Whether the letter is in the queue under the window's filter and sort, as the server reads them. */
async function stillMatches(label: string): Promise<boolean> {
  return (await ws.call('queuePosition', idByLabel.get(label)!, filter as QueueFilter, sort)) !== null;
}

async function run(step: Command): Promise<void> {
  switch (step.kind) {
    case 'key': {
      // A dialog a key opened (finish's or reopen's none; history's, flags' not in the list) is closed first.
      if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
      await page.keyboard.press(step.key);
      return;
    }
    case 'sort': {
      const before = await openLabel();
      sort = step.sort;
      await page.getByRole('combobox', { name: 'Sort' }).selectOption(step.sort);
      await blur();
      if (before !== null && (await stillMatches(before))) await expect(title(), 'a new sort keeps the open letter').toHaveText(before);
      return;
    }
    case 'status': {
      const select = page.getByRole('combobox', { name: 'Status' });
      await select.selectOption(step.status === null ? { label: 'Any status' } : { value: step.status });
      await blur();
      const { status: _status, ...rest } = filter;
      filter = step.status === null ? rest : { ...rest, status: step.status };
      return;
    }
    case 'search': {
      const box = page.getByRole('searchbox', { name: 'Search letters' });
      await box.fill(step.term);
      await box.press('Enter');
      await blur();
      filter = { ...filter, search: step.term };
      return;
    }
    case 'clearSearch': {
      const before = await openLabel();
      await page.getByRole('searchbox', { name: 'Search letters' }).press('Escape');
      const { search: _search, ...rest } = filter;
      filter = rest;
      if (before !== null && (await stillMatches(before))) await expect(title(), 'clearing the search keeps the open letter').toHaveText(before);
      return;
    }
    case 'reload': {
      const before = await openLabel();
      await page.reload();
      filter = {};
      if (before !== null) await expect(title(), 'a reload keeps the open letter').toHaveText(before);
      return;
    }
    case 'otherDecides': {
      const letter = await getLetter(ws, ids[step.letter]!);
      const item = letter.items[step.item % Math.max(1, letter.items.length)];
      if (!item || letter.status === 'verified' || letter.status === 'flagged') return;
      await asAnotherClient(ws.call('setDecision', { letterId: letter.id, revision: letter.revision }, item.id, step.upheld ? 'Upheld' : 'Overturned'));
      return;
    }
    case 'otherUndoes': {
      const offered = (await ws.call('getUndoState')).undo;
      if (offered) await asAnotherClient(ws.call('undo', { expected: offered.changeId }));
      return;
    }
  }
}

/** Undoes everything from the window, press by press; a refusal may happen once, never twice running. */
async function undoAll(): Promise<void> {
  await settle();
  if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  await blur();
  let refusedLast = false;
  for (let presses = 0; (await ws.call('getUndoState')).undo !== null; presses++) {
    expect(presses, 'undo all ends').toBeLessThan(500);
    const before = await ws.call('getUndoState');
    await page.keyboard.press('Control+z');
    await settle();
    const after = await ws.call('getUndoState');
    const refused = after.undo?.changeId === before.undo?.changeId;
    if (refused) {
      await expect(status()).toContainText(/Nothing was undone|now offers/);
      expect(refusedLast, 'undo refused twice running').toBe(false);
    }
    refusedLast = refused;
  }
}

test(`${SEQUENCES} random sessions with a second client, each undone from the window, leave every letter as it was`, async () => {
  test.setTimeout(120_000 + SEQUENCES * 60_000);
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (steps) => {
      for (const step of steps) await run(step);
      await undoAll();
      expect(await libraryNow()).toEqual(original);
    }),
    // The library is one file the whole run shares: a failure is reported as found, not shrunk against a changed library.
    { numRuns: SEQUENCES, endOnFailure: true },
  );
});
