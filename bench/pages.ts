/**
 * The page view in Debian's Chromium over the real bridge: from opening a letter until the image
 * of its first page is painted, for the next letter in the queue after a second's reading (the
 * view has opened it ahead) and for a letter further down (fetched from the library, opened by
 * pdf.js and drawn from nothing); and the renderer's memory after scrolling a 20-page letter
 * through from first page to last: only the pages in view keep an image. Times are taken inside
 * the page. The letters opened are the real ones (../shared/letters/dev) when they are there,
 * generated PDF letters otherwise. Targets: first page painted < 150 ms; after the scroll, at
 * most 4 pages hold an image.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS, buildApp, startWorkstation } from '../test/e2e/server.ts';
import type { Workstation } from '../test/e2e/server.ts';
import type { LetterPage } from '../test/fixtures/index.ts';
import { generateLetter, writeFixtureFolder, writeLetterPdf } from '../test/fixtures/index.ts';
import { realPdfFolder } from './data.ts';
import type { BenchResult } from './result.ts';
import { median, p95 } from './stats.ts';

/** Letters opened one after another; every third of the second half is a jump to one not opened ahead. */
const LETTERS = 60;
const WARM_UP = 2;
/** How long the reviewer reads a letter before the next: time for the view to open the next one ahead. */
const READING_MS = 1000;
/** Rows skipped to reach a letter the view has not opened ahead. */
const JUMP = 3;
const LONG_PAGES = 20;
const LONG_CASE = 'CM17-0020020';

export async function benchPages(): Promise<BenchResult[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-bench-pages-'));
  const real = await realPdfFolder(LETTERS);
  const letters = real ?? path.join(folder, 'letters');
  if (!real) await writeFixtureFolder(letters, { count: LETTERS, seed: 7700, pdfShare: 1 });
  const kind = real ? 'real letters (../shared/letters/dev)' : 'generated PDF letters (../shared/letters is not here)';
  mkdirSync(path.join(folder, 'long'));
  await writeLongLetter(path.join(folder, 'long', `${LONG_CASE}.pdf`));
  buildApp();
  const ws = await startWorkstation();
  let browser: Browser | null = null;
  try {
    await ws.call('startImport', [letters, path.join(folder, 'long')]);
    while ((await ws.call('getImportStatus')).running !== null) await new Promise((resolve) => setTimeout(resolve, 100));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
    await page.addInitScript(() => localStorage.setItem('imr-source-view', 'page'));
    await page.goto(ws.url);
    await page.locator('.pdf-page[data-painted]').first().waitFor({ timeout: 30_000 });
    return [...(await paintResults(page, ws, kind)), ...(await memoryResults(page, browser, ws))];
  } finally {
    await browser?.close();
    await ws.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Twenty pages of generated letters, one after another, as one PDF. */
async function writeLongLetter(file: string): Promise<void> {
  const pages: LetterPage[] = [];
  for (let seed = 7800; pages.length < LONG_PAGES; seed++) pages.push(...generateLetter(seed, { itemCount: 12 }).pages);
  await writeLetterPdf({ id: LONG_CASE, pages: pages.slice(0, LONG_PAGES) }, file);
}

/** Opens the letter titled `title` (j: the next in the queue; or its row clicked) and times it until its first page's image is on screen. */
function timeFirstPage(page: Page, title: string, how: 'key' | 'click' = 'key'): Promise<number> {
  return page.evaluate(async ({ label, how }) => {
    const row = [...document.querySelectorAll<HTMLElement>('.queue-row')].find((candidate) => candidate.querySelector('.row-case')?.textContent === label);
    if (how === 'click' && !row) throw new Error(`no row for ${label}`);
    const painted = new Promise<number>((resolve) => {
      const onPainted = (event: Event) => {
        const sheet = event.target as HTMLElement;
        if (sheet.dataset['page'] !== '0' || document.querySelector('.letter-title h2')?.textContent !== label) return;
        document.removeEventListener('page-painted', onPainted);
        // The canvas is in the page; the frame after the next animation frame shows it.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        });
      };
      document.addEventListener('page-painted', onPainted);
    });
    const started = performance.now();
    if (how === 'click') row!.click();
    else window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    return (await painted) - started;
  }, { label: title, how });
}

async function paintResults(page: Page, ws: Workstation, kind: string): Promise<BenchResult[]> {
  const { rows } = await ws.call('queryQueue', { sort: 'import', offset: 0, limit: LETTERS + 1 });
  const label = (index: number) => rows[index]!.caseNumber ?? rows[index]!.fileName;
  // The queue's row height as laid out, so the bench follows the UI.
  const rowHeight = await page.locator('.queue-row').first().evaluate((row) => row.getBoundingClientRect().height);
  // Row 0 is open at start.
  const ahead: number[] = [];
  for (let index = 1; index < LETTERS / 2; index++) {
    await page.waitForTimeout(READING_MS);
    const time = await timeFirstPage(page, label(index));
    if (index > WARM_UP) ahead.push(time);
  }
  const fresh: number[] = [];
  for (let index = LETTERS / 2 + JUMP; index < LETTERS; index += JUMP) {
    await page.waitForTimeout(READING_MS);
    await page.locator('.queue-list').evaluate((list, top) => (list.scrollTop = top), Math.max(0, (index - 3) * rowHeight));
    await page.locator('.queue-row .row-case', { hasText: label(index) }).waitFor();
    fresh.push(await timeFirstPage(page, label(index), 'click'));
  }
  const detail = (times: number[]) => `median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;
  return [
    {
      name: `open the next letter (j) in the page view until its first page is painted, p95 of ${ahead.length}`,
      value: p95(ahead),
      unit: 'ms',
      target: { atMost: 150 },
      detail: `${detail(ahead)} (${kind}, 1440x900, ${READING_MS / 1000} s on each letter before the next; the first ${WARM_UP} left out while pdf.js warms up)`,
    },
    {
      name: `open a letter ${JUMP} rows down (not opened ahead) until its first page is painted, p95 of ${fresh.length}`,
      value: p95(fresh),
      unit: 'ms',
      target: { atMost: 150 },
      detail: detail(fresh),
    },
  ];
}

/** Scrolls the 20-page letter from its first page to its last, a screen at a time, each screen drawn before the next. */
async function memoryResults(page: Page, browser: Browser, ws: Workstation): Promise<BenchResult[]> {
  const { rows } = await ws.call('queryQueue', { sort: 'import', offset: 0, limit: 1000 });
  const index = rows.findIndex((row) => row.fileName === `${LONG_CASE}.pdf`);
  const long = rows[index]!;
  const rowHeight = await page.locator('.queue-row').first().evaluate((row) => row.getBoundingClientRect().height);
  await page.locator('.queue-list').evaluate((list, top) => (list.scrollTop = top), Math.max(0, (index - 3) * rowHeight));
  await page.locator('.queue-row .row-case', { hasText: long.caseNumber ?? long.fileName }).waitFor();
  await timeFirstPage(page, long.caseNumber ?? long.fileName, 'click');
  const pages = await page.locator('.pdf-page').count();
  const before = await rendererMemory(page, browser);
  await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.page-scroller')!;
    const drawn = () => [...document.querySelectorAll<HTMLElement>('.pdf-page')].some((sheet) => {
      const rect = sheet.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      return rect.bottom > view.top && rect.top < view.bottom && sheet.dataset['painted'] === 'true';
    });
    while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
      scroller.scrollTop += scroller.clientHeight;
      const since = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      while (!drawn() && performance.now() - since < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  await page.waitForTimeout(500);
  const after = await rendererMemory(page, browser);
  const images = await page.evaluate(() => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.pdf-page canvas')].filter((canvas) => canvas.width > 0);
    return { count: canvases.length, megabytes: canvases.reduce((sum, canvas) => sum + canvas.width * canvas.height * 4, 0) / 1e6 };
  });
  return [
    {
      name: `pages holding an image after scrolling a ${pages}-page letter through`,
      value: images.count,
      unit: 'pages',
      target: { atMost: 4 },
      detail: `their images take ${images.megabytes.toFixed(1)} MB (a page keeps its image while within half a screen of the view)`,
    },
    {
      name: `renderer memory (private) after scrolling the ${pages}-page letter through`,
      value: after.privateMb,
      unit: 'MB',
      detail:
        `${(after.privateMb - before.privateMb).toFixed(0)} MB more than with its first page shown (${before.privateMb.toFixed(0)} MB); ` +
        `JavaScript heap ${after.heapMb.toFixed(1)} MB (${before.heapMb.toFixed(1)} MB before), after a garbage collection; ` +
        `private: anonymous and shared-memory pages of Chromium's renderer processes, not the binary they all map`,
    },
    {
      name: 'renderer memory added by scrolling the letter through',
      value: after.privateMb - before.privateMb,
      unit: 'MB',
      target: { atMost: 60 },
    },
  ];
}

/** Chromium's renderer processes: their private memory (from /proc, Linux) and the page's JavaScript heap, after a garbage collection. */
async function rendererMemory(page: Page, browser: Browser): Promise<{ privateMb: number; heapMb: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  const browserSession = await browser.newBrowserCDPSession();
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const renderers = processInfo.filter((info) => info.type === 'renderer');
  const own = renderers.reduce((sum, info) => sum + privateMb(info.id), 0);
  await session.detach();
  await browserSession.detach();
  return { privateMb: own, heapMb: heap / 1e6 };
}

/** A process's resident pages that are its own: RssAnon and RssShmem (RssFile is the mapped binary and libraries, shared by every renderer). */
function privateMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return (kb('RssAnon') + kb('RssShmem')) / 1024;
  } catch {
    return 0;
  }
}

