/** A letter's pages through the library server: its own copy of the PDF, even once the file is gone. */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ServerFixture } from './fixture.ts';
import { startServerFixture } from './fixture.ts';

let server: ServerFixture;
beforeEach(async () => {
  server = await startServerFixture();
});
afterEach(async () => {
  await server.dispose();
});

test('getLetterPages gives the PDF as imported and its layout, after the file is deleted; a text letter says why it has none', async () => {
  const folder = path.join(server.dir, 'letters');
  const entries = await writeFixtureFolder(folder, { count: 4, seed: 710, pdfShare: 0.5 });
  const bytes = new Map(await Promise.all(entries.map(async (entry) => [entry.file, await readFile(path.join(folder, entry.file))] as const)));
  await server.call('startImport', [folder]);
  await server.settled('import');
  await rm(folder, { recursive: true });
  const { rows } = await server.call('queryQueue', { sort: 'import', offset: 0, limit: 10 });
  expect(rows.map((row) => row.fileName).sort()).toEqual(entries.map((entry) => entry.file).sort());
  for (const row of rows) {
    const pages = await server.call('getLetterPages', row.id);
    if (row.fileName.endsWith('.txt')) {
      expect(pages).toEqual({ kind: 'none', reason: 'text-file' });
      continue;
    }
    expect(pages?.kind).toBe('pdf');
    if (pages?.kind !== 'pdf') continue;
    expect(Buffer.from(pages.pdfBase64, 'base64').equals(bytes.get(row.fileName)!)).toBe(true);
    expect(pages.layout.runs.length).toBeGreaterThan(50);
  }
  expect(entries.some((entry) => entry.kind === 'pdf') && entries.some((entry) => entry.kind === 'text')).toBe(true);
  expect(await server.call('getLetterPages', 9999)).toBeNull();
});
