/**
 * The workstation UI over the real bridge at 100,000 letters, in Debian's Chromium:
 * opening a letter from the queue (click or j) until its items and highlights are on
 * screen, a decision key until the API has saved it, and the virtualized queue under
 * large scroll jumps and continuous scrolling. Times are taken inside the page
 * (performance.now), so the browser driver's own latency is not counted.
 * Targets: open < 100 ms; a decision's or an undo's result painted < 50 ms; the queue and
 * counts refreshed after it < 100 ms; a far jump painted < 50 ms.
 *
 * The UI edits letters, so it works on a copy of the shared 100,000-letter library.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import type { StoredLetter } from '../src/shared/library.ts';
import { CHROMIUM, CHROMIUM_ARGS, buildApp, startWorkstation } from '../test/e2e/server.ts';
import type { Workstation } from '../test/e2e/server.ts';
import { LIBRARY_LETTERS, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { median, p95 } from './stats.ts';

const OPEN_SAMPLES = 30;
const EDIT_SAMPLES = 30;
const SCROLL_JUMPS = 25;
const WARM_UP = 3;
const BIG_LETTERS = 10;
/**
 * The item and letter fields the source pane highlights as a letter opens (see highlightsOf in
 * SourcePane.tsx): the parts of a partial certification lie inside its service and show only
 * while one of them is focused, so they are not waited for.
 */
const HIGHLIGHTED_FIELDS = new Set([
  'service', 'decision', 'claimsAdministratorGuideline', 'maximusGuideline', 'rationale',
  'format', 'caseNumber', 'dateAssigned', 'decisionDate',
  'dateOfInjury', 'urDenialDate', 'applicationReceived', 'priority', 'reviewerSpecialty', 'reviewerLicensure', 'reviewerSubspecialty',
]);

/** The queue's row height as laid out (QueuePane's ROW_HEIGHT), measured so the bench follows the UI. */
function rowHeight(page: Page): Promise<number> {
  return page.locator('.queue-row').first().evaluate((row) => row.getBoundingClientRect().height);
}

export async function benchUi(): Promise<BenchResult[]> {
  const shared = libraryFile();
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-bench-ui-'));
  const copy = path.join(folder, 'library.sqlite');
  const source = new Database(shared, { readonly: true, fileMustExist: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  buildApp();
  const ws = await startWorkstation({ libraryFile: copy, reviewer: 'bench' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.goto(ws.url);
    await page.locator('.letter-pane section.item').first().waitFor();
    // The shared library is meant to hold LIBRARY_LETTERS letters; say so when it holds a different number.
    const letters = (await ws.call('getStats')).letters;
    if (letters !== LIBRARY_LETTERS) process.stdout.write(`    (the library holds ${letters.toLocaleString('en-US')} letters, not ${LIBRARY_LETTERS.toLocaleString('en-US')})\n`);
    await page.locator('.queue-count', { hasText: `${letters.toLocaleString('en-US')} letters` }).waitFor();
    await installProbes(page);
    return [...(await openResults(page, ws)), ...(await editResults(page)), ...(await scrollResults(page))];
  } finally {
    await browser.close();
    await ws.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What "fully rendered" means for a letter: its title, every item, and a highlight for every span. */
interface Expected {
  readonly title: string;
  readonly items: number;
  readonly targets: readonly string[];
}

function expectedOf(letter: StoredLetter): Expected {
  const targets = Object.keys(letter.spans)
    .filter((field) => HIGHLIGHTED_FIELDS.has(field))
    .map((field) => `letter-${field}`);
  for (const item of letter.items) {
    for (const field of Object.keys(item.spans)) if (HIGHLIGHTED_FIELDS.has(field)) targets.push(`item-${item.id}-${field}`);
  }
  return { title: letter.caseNumber ?? letter.fileName, items: letter.items.length, targets };
}

/** Page-side helpers: a fetch log (when each API answer has fully arrived) and a "wait until" on DOM changes. */
async function installProbes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const log: { method: string; at: number }[] = [];
    w['apiLog'] = log;
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await original(...args);
      // Every call is POST /api with the method named in its body.
      if (String(args[0]) === '/api' && typeof args[1]?.body === 'string') {
        await response.clone().arrayBuffer();
        log.push({ method: (JSON.parse(args[1].body) as { method: string }).method, at: performance.now() });
      }
      return response;
    };
    /** Resolves with the time the condition first held (checked on every DOM change), then the time after the next paint. */
    w['until'] = (condition: () => boolean, timeoutMs = 10_000) =>
      new Promise<{ dom: number; painted: number }>((resolve, reject) => {
        const done = () => {
          const dom = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          // After the next animation frame's callbacks the frame is drawn; a message posted then runs after it.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ dom, painted: performance.now() });
            channel.port2.postMessage(null);
          });
        };
        const observer = new MutationObserver(() => condition() && done());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('timed out waiting for the page'));
        }, timeoutMs);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        if (condition()) done();
      });
  });
}

/** Opens the letter after the selected one (clicking its row, or pressing j) and times it until it is fully shown. */
async function timeOpen(page: Page, how: 'click' | 'key' | 'row', expected: Expected): Promise<{ dom: number; painted: number }> {
  return page.evaluate(
    async ({ how, expected }) => {
      const w = window as unknown as Record<string, unknown>;
      const until = w['until'] as (c: () => boolean) => Promise<{ dom: number; painted: number }>;
      const rendered = () => {
        if (document.querySelector('.letter-title h2')?.textContent !== expected.title) return false;
        if (document.querySelectorAll('.letter-pane section.item').length !== expected.items) return false;
        const shown = new Set([...document.querySelectorAll<HTMLElement>('.source mark[data-target]')].map((m) => m.dataset['target']));
        return expected.targets.every((target) => shown.has(target));
      };
      const next =
        how === 'row'
          ? ([...document.querySelectorAll<HTMLElement>('.queue-row')].find((row) => row.querySelector('.row-case')?.textContent === expected.title) ?? null)
          : (document.querySelector<HTMLElement>('.queue-row.selected')?.nextElementSibling as HTMLElement | null);
      if (how !== 'key' && next?.querySelector('.row-case')?.textContent !== expected.title) throw new Error(`no row for ${expected.title}`);
      const started = performance.now();
      if (how !== 'key') next!.click();
      else window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
      const { dom, painted } = await until(rendered);
      return { dom: dom - started, painted: painted - started };
    },
    { how, expected },
  );
}

async function openResults(page: Page, ws: Workstation): Promise<BenchResult[]> {
  const rows = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 2 * (OPEN_SAMPLES + WARM_UP) + 1 })).rows;
  const painted: Record<'click' | 'key', number[]> = { click: [], key: [] };
  const dom: number[] = [];
  let items = 0;
  let highlights = 0;
  // Row 0 is open at start; each step opens the next row, alternating a click and j.
  for (let i = 1; i < rows.length; i++) {
    const how = i % 2 === 1 ? 'click' : 'key';
    const expected = expectedOf((await ws.call('getLetter', rows[i]!.id))!);
    const time = await timeOpen(page, how, expected);
    if (i <= 2 * WARM_UP) continue;
    painted[how].push(time.painted);
    dom.push(time.dom);
    items += expected.items;
    highlights += expected.targets.length;
  }
  // The letters with the most items among the first thousand, each clicked in the queue.
  const big: number[] = [];
  const bigRows = (await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1000 })).rows
    .map((row, index) => ({ row, index }))
    .filter(({ index }) => index >= rows.length)
    .sort((a, b) => b.row.itemCount - a.row.itemCount)
    .slice(0, BIG_LETTERS);
  for (const { row, index } of bigRows) {
    const expected = expectedOf((await ws.call('getLetter', row.id))!);
    await page.locator('.queue-list').evaluate((list, top) => (list.scrollTop = top), Math.max(0, (index - 3) * (await rowHeight(page))));
    await page.locator('.queue-row .row-case', { hasText: expected.title }).waitFor();
    big.push((await timeOpen(page, 'row', expected)).painted);
  }
  const all = [...painted.click, ...painted.key];
  const detail = (times: number[]) => `median ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;
  return [
    {
      name: `open a letter from the queue until its items and highlights are painted, p95 of ${all.length}`,
      value: p95(all),
      unit: 'ms',
      target: { atMost: 100 },
      detail:
        `median ${median(all).toFixed(1)} ms; by click: ${detail(painted.click)}; by j: ${detail(painted.key)}; ` +
        `DOM complete (before paint): median ${median(dom).toFixed(1)} ms; letters average ${(items / all.length).toFixed(1)} items, ${(highlights / all.length).toFixed(0)} highlights`,
    },
    { name: 'open a letter from the queue, median', value: median(all), unit: 'ms', target: { atMost: 100 } },
    {
      name: `open one of the ${big.length} letters with the most items in the first 1,000 (${itemRange(bigRows.map(({ row }) => row.itemCount))} items), slowest`,
      value: Math.max(...big),
      unit: 'ms',
      target: { atMost: 100 },
      detail: `median ${median(big).toFixed(1)} ms`,
    },
  ];
}

/**
 * Presses u / o on an unverified letter's first item, then Ctrl+Z, and times each: the API's
 * answer (whose reply carries the letter, the undo step and the counts), the result painted, and
 * the queue page in view read again.
 */
async function editResults(page: Page): Promise<BenchResult[]> {
  const times: Record<'decision' | 'undo', { saved: number[]; shown: number[]; settled: number[] }> = {
    decision: { saved: [], shown: [], settled: [] },
    undo: { saved: [], shown: [], settled: [] },
  };
  // The letter open now, or the next one that is not verified (verified letters are read-only).
  while ((await page.locator('.letter-pane .status').textContent()) === 'Verified') {
    const title = await page.locator('.letter-title h2').textContent();
    await page.keyboard.press('j');
    await page.locator('.letter-title h2', { hasNotText: title! }).waitFor();
  }
  const caseNumber = await page.locator('.letter-title h2').textContent();
  for (let i = 0; i < EDIT_SAMPLES + WARM_UP; i++) {
    for (const kind of ['decision', 'undo'] as const) {
      const time = await page.evaluate(async (kind) => {
        const w = window as unknown as Record<string, unknown>;
        const log = w['apiLog'] as { method: string; at: number }[];
        const until = w['until'] as (c: () => boolean) => Promise<{ dom: number; painted: number }>;
        const radios = () => [...document.querySelectorAll<HTMLElement>('.letter-pane section.item')[0]!.querySelectorAll<HTMLElement>('[role="radio"]')];
        const current = radios().find((r) => r.getAttribute('aria-checked') === 'true')?.textContent ?? null;
        const want = current === 'Upheld' ? 'Overturned' : 'Upheld';
        const from = log.length;
        const started = performance.now();
        const key = kind === 'undo' ? { key: 'z', ctrlKey: true } : { key: want === 'Upheld' ? 'u' : 'o' };
        window.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true }));
        const ui = await until(() => radios().find((r) => r.getAttribute('aria-checked') === 'true')?.textContent === want);
        // The change's reply carries the letter and the counts; the queue page in view is read again after it.
        const method = kind === 'undo' ? 'undo' : 'setDecision';
        const answered = (name: string) => log.slice(from).find((entry) => entry.method === name)?.at;
        const waitingSince = performance.now();
        while (answered(method) === undefined || answered('queryQueue') === undefined) {
          if (performance.now() - waitingSince > 10_000) throw new Error(`no ${method} and queryQueue answered (answered: ${log.slice(from).map((entry) => entry.method).join(', ')})`);
          await new Promise((r) => setTimeout(r, 5));
        }
        return { saved: answered(method)! - started, shown: ui.painted - started, settled: answered('queryQueue')! - started };
      }, kind);
      if (i < WARM_UP) continue;
      times[kind].saved.push(time.saved);
      times[kind].shown.push(time.shown);
      times[kind].settled.push(time.settled);
    }
  }
  const { decision, undo } = times;
  const spread = (values: number[]) => `median ${median(values).toFixed(1)} ms, p95 ${p95(values).toFixed(1)} ms`;
  return [
    {
      name: `decision key until its result is painted, p95 of ${decision.shown.length}`,
      value: p95(decision.shown),
      unit: 'ms',
      target: { atMost: 50 },
      detail: `median ${median(decision.shown).toFixed(1)} ms; until the API has saved it: ${spread(decision.saved)} (letter ${caseNumber})`,
    },
    {
      name: `Ctrl+Z until its result is painted, p95 of ${undo.shown.length}`,
      value: p95(undo.shown),
      unit: 'ms',
      target: { atMost: 50 },
      detail: `median ${median(undo.shown).toFixed(1)} ms; until the API has undone it: ${spread(undo.saved)}`,
    },
    {
      name: `queue and counts refreshed after a decision or an undo, p95 of ${decision.settled.length + undo.settled.length}`,
      value: p95([...decision.settled, ...undo.settled]),
      unit: 'ms',
      target: { atMost: 100 },
      detail: `decision: ${spread(decision.settled)}; undo: ${spread(undo.settled)}`,
    },
  ];
}

/** Jumps through the 100,000-row queue and scrolls it continuously, counting rendered rows and timing frames. */
async function scrollResults(page: Page): Promise<BenchResult[]> {
  const jumps = await page.evaluate(
    async ({ jumps, rowHeight }) => {
      const w = window as unknown as Record<string, unknown>;
      const until = w['until'] as (c: () => boolean) => Promise<{ dom: number; painted: number }>;
      const list = document.querySelector<HTMLElement>('.queue-list')!;
      const total = Math.round(list.scrollHeight / rowHeight);
      const results: { positioned: number; filled: number; rows: number }[] = [];
      for (let i = 0; i < jumps; i++) {
        // Large jumps all over the list, in a fixed order (some forward, some back).
        const index = Math.floor((((i * 7919) % jumps) / jumps) * (total - 100)) + 10 + i;
        const top = index * rowHeight;
        /** The rows inside the list's box; the rest are overscan. */
        const visible = () => {
          const box = list.getBoundingClientRect();
          return [...list.querySelectorAll<HTMLElement>('.queue-row')].filter((row) => {
            const rect = row.getBoundingClientRect();
            return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
          });
        };
        const started = performance.now();
        list.scrollTop = top;
        const positioned = await until(() => list.scrollTop === top && visible().length >= Math.floor(list.clientHeight / rowHeight) - 1);
        const filled = await until(() => visible().every((row) => !row.classList.contains('loading')));
        results.push({ positioned: positioned.painted - started, filled: filled.painted - started, rows: list.querySelectorAll('.queue-row').length });
      }
      // Continuous scrolling: 300 px a frame for 2 s, and the time between frames.
      list.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 200));
      const frames: number[] = [];
      let rowsMax = 0;
      await new Promise<void>((resolve) => {
        let last = 0;
        const step = (now: number) => {
          if (last) frames.push(now - last);
          last = now;
          list.scrollTop += 300;
          rowsMax = Math.max(rowsMax, list.querySelectorAll('.queue-row').length);
          if (frames.length < 120) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      return { total, results, frames, rowsMax, viewportRows: Math.ceil(list.clientHeight / rowHeight) };
    },
    { jumps: SCROLL_JUMPS, rowHeight: await rowHeight(page) },
  );
  const positioned = jumps.results.map((r) => r.positioned);
  const filled = jumps.results.map((r) => r.filled);
  const rows = Math.max(...jumps.results.map((r) => r.rows), jumps.rowsMax);
  return [
    {
      name: `queue rows in the DOM while scrolling ${jumps.total.toLocaleString('en-US')} letters (most at any time)`,
      value: rows,
      unit: 'rows',
      target: { atMost: 3 * jumps.viewportRows },
      detail: `${jumps.viewportRows} rows fit the list; the rest is overscan`,
    },
    {
      name: `queue jump to a far position until its rows are painted, p95 of ${positioned.length}`,
      value: p95(positioned),
      unit: 'ms',
      target: { atMost: 50 },
      detail: `median ${median(positioned).toFixed(1)} ms; until their letters are filled in (a page fetched): median ${median(filled).toFixed(1)} ms, p95 ${p95(filled).toFixed(1)} ms`,
    },
    {
      name: `queue continuous scroll (300 px a frame), p95 frame time over ${jumps.frames.length} frames`,
      value: p95(jumps.frames),
      unit: 'ms',
      target: { atMost: 33 },
      detail: `median ${median(jumps.frames).toFixed(1)} ms, max ${Math.max(...jumps.frames).toFixed(1)} ms, frames over 50 ms: ${jumps.frames.filter((f) => f > 50).length}`,
    },
  ];
}

function itemRange(counts: readonly number[]): string {
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? String(high) : `${low}-${high}`;
}

