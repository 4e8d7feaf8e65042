/**
 * The Export dialog in the browser over the real bridge: a folder holding files the app did not
 * write is not written into until the reviewer says so, and then only beside them.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { snap } from './helpers.ts';
import type { Workstation } from './server.ts';
import { ROOT, startWorkstation } from './server.ts';

test.describe.configure({ mode: 'serial' });

let ws: Workstation;
let page: Page;
let folder: string;

test.beforeAll(async ({ browser }) => {
  folder = mkdtempSync(path.join(tmpdir(), 'imr-e2e-export-'));
  ws = await startWorkstation();
  await ws.call('startImport', [path.join(ROOT, 'resources/samples')]);
  for (let i = 0; i < 400 && (await ws.call('getImportStatus')).running !== null; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  page = await browser.newPage();
  await page.goto(ws.url);
});

test.afterAll(async () => {
  await page?.close();
  await ws?.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('the dialog opens on its first question, the format, at the format chosen', async () => {
  await page.keyboard.press('x');
  const dialog = page.getByRole('dialog', { name: 'Export the dataset' });
  await expect(dialog.getByRole('radio', { name: 'CSV (one row per item)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a folder with other files asks first; "Export beside them" keeps them and replaces only README.md', async ({}, testInfo) => {
  const outDir = path.join(folder, 'project');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'README.md'), '# My project\n');
  writeFileSync(path.join(outDir, 'notes.txt'), 'keep me');

  await page.keyboard.press('x');
  const dialog = page.getByRole('dialog', { name: 'Export the dataset' });
  await dialog.getByText('All letters, with their review status').click();
  await dialog.getByPlaceholder('/home/me/imr-dataset').fill(outDir);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const ask = dialog.getByRole('alert', { name: 'Folder holds other files' });
  await expect(ask).toContainText(`${outDir} holds files this app did not write (README.md, notes.txt).`);
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
  expect(readdirSync(outDir).sort()).toEqual(['README.md', 'notes.txt']);
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await snap(page, `export-foreign-files-${width}x${height}`, testInfo);
  }

  await ask.getByRole('button', { name: 'Export beside them' }).click();
  await expect(dialog.getByLabel('Export summary')).toContainText('Exported 8 letters');
  expect(readdirSync(outDir).sort()).toEqual(['.imr-export.json', 'README.md', 'items.csv', 'notes.txt']);
  expect(readFileSync(path.join(outDir, 'notes.txt'), 'utf8')).toBe('keep me');
  await snap(page, 'export-done-1280x720', testInfo);

  // Typing another folder drops the question; a new folder needs none.
  await dialog.getByPlaceholder('/home/me/imr-dataset').fill(path.join(folder, 'fresh'));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByLabel('Export summary')).toContainText(path.join(folder, 'fresh', 'items.csv'));
  await expect(ask).toBeHidden();
});
