/**
 * `imr-review report` through the real bin script: HTML with every chart inline and nothing to
 * load, the Markdown summary and the JSON, on the hand-worked library of ./library.ts; and the
 * HTML report on the real letters in ../shared/letters/dev, opened in Chromium with no network.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import type { Insights } from '../../src/shared/insights.ts';
import { bringDerivedUpToDate } from '../../src/main/review/index.ts';
import { cli } from '../cli/runCli.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/server.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addHandWorkedLetters } from './library.ts';

const temp = useTempFolder();
const DEV_LETTERS = path.resolve(import.meta.dirname, '../../../shared/letters/dev');

function handWorkedLibrary(): string {
  const library = temp.library({ reviewer: 'Test Reviewer' });
  addHandWorkedLetters(library);
  // Their derived values recorded as this version's, as the app does at open: report only reads the library.
  bringDerivedUpToDate(library.db);
  library.close();
  return library.file;
}

describe('imr-review report', () => {
  it('writes one self-contained HTML page: charts as inline SVG, tables, sources, no script and nothing to fetch', async () => {
    const db = handWorkedLibrary();
    const out = temp.folder();
    const { code, stdout } = await cli('report', '--db', db, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('imr-insights.html: verified letters, 3 letters, 6 items');
    const html = readFileSync(path.join(out, 'imr-insights.html'), 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\(/i);
    // Decisions, two published-figure charts and nine breakdowns.
    expect(html.match(/<svg[^>]*class="insights-chart"/g)).toHaveLength(14);
    expect(html).toContain('Items upheld</span><b>66.7%</b>');
    expect(html).toContain("California Workers' Compensation Institute, press release id=501, cwci.org");
    expect(html).toContain('not a random sample');
  });

  it('writes a page axe finds no violation in, each bar named with its figure', async () => {
    const db = handWorkedLibrary();
    const out = temp.folder();
    expect((await cli('report', '--db', db, '--out', out, '--all')).code).toBe(0);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await (await browser.newContext({ offline: true })).newPage();
      await page.goto(`file://${path.join(out, 'imr-insights.html')}`);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      // The hand-worked library's prescription drugs: 3 of the 4 decided items upheld.
      const drugs = page.locator('svg.insights-chart[aria-label^="By service category."] [role="graphics-symbol"][aria-label^="Prescription drug: "]');
      expect(await drugs.evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label')))).toEqual([
        'Prescription drug: 3 items upheld, 75.0% of 4 with a decision (95% CI 30.1-95.4%)',
        'Prescription drug: 1 item overturned, 25.0% of 4 with a decision',
      ]);
    } finally {
      await browser.close();
    }
  });

  it('writes the Markdown summary and the JSON for scripts; --all takes every letter', async () => {
    const db = handWorkedLibrary();
    const out = temp.folder();
    expect((await cli('report', '--db', db, '--out', out, '--format', 'md', '--all')).code).toBe(0);
    const markdown = readFileSync(path.join(out, 'imr-insights.md'), 'utf8');
    expect(markdown).toContain('All letters of library.imrlib: 6 letters, 9 items.');
    expect(markdown).toContain('- **Items upheld**: 62.5% (95% CI 30.6-86.3%; 5 of 8 with a decision)');
    expect(markdown).toContain('| Prescription drug | 5 | 4 | 3 | 1 | 75.0% | 30.1% | 95.4% |');
    expect((await cli('report', '--db', db, '--out', out, '--format', 'json', '--all')).code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'imr-insights.json'), 'utf8')) as { insights: Insights; libraryName: string };
    expect(json.libraryName).toBe('library.imrlib');
    expect(json.insights.headline.items).toBe(9);
    expect(json.insights.breakdowns.find((b) => b.id === 'drug-class')?.rows[0]?.key).toBe('opioid');
  });

  it('refuses an unknown format', async () => {
    const { code, stderr } = await cli('report', '--format', 'pdf');
    expect(code).toBe(2);
    expect(stderr).toContain("error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are html, md, json.");
  });
});

describe.skipIf(!existsSync(DEV_LETTERS))(
  existsSync(DEV_LETTERS) ? 'the report on the real dev letters' : `the report on the real dev letters (skipped: ${DEV_LETTERS} is absent)`,
  () => {
    it('opens in Chromium with every request refused and no console error', async () => {
      const db = path.join(temp.folder(), 'dev.sqlite');
      expect((await cli('import', DEV_LETTERS, '--db', db, '--create', '--threads', '1')).code).toBe(0);
      const out = temp.folder();
      expect((await cli('report', '--db', db, '--out', out, '--all')).code).toBe(0);
      const file = path.join(out, 'imr-insights.html');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const context = await browser.newContext({ offline: true });
        const page = await context.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        page.on('pageerror', (error) => problems.push(String(error)));
        page.on('request', (request) => request.url().startsWith('file:') || requests.push(request.url()));
        await page.goto(`file://${file}`);
        await expect.poll(() => page.locator('svg.insights-chart').count()).toBe(14);
        expect(await page.locator('h1').textContent()).toBe('IMR insights');
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.screenshot({ path: path.join(out, 'report.png'), fullPage: false });
      } finally {
        await browser.close();
      }
    });
  },
);
