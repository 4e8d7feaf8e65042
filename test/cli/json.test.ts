/**
 * --json: one JSON object on stdout instead of the text summary, for export, reparse, report,
 * search and eval (import and import-dataset are in exitCodes.test.ts, stats in
 * libraryCommands.test.ts, agreement in test/export/cli.test.ts, vocabulary in its own).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ExportResult } from '../../src/shared/export.ts';
import type { SearchHit } from '../../src/shared/library.ts';
import type { EvaluationSummary } from '../../src/main/evaluation/evaluate.ts';
import { PARSER_VERSION } from '../../src/main/letters/parsing/index.ts';
import { getLetter, insertParsedLetter, openLibrary } from '../../src/main/storage/index.ts';
import { generateLetter, writeLetterPdf, writeLetterText } from '../fixtures/index.ts';
import { verifyLetter } from '../review/asReviewer.ts';
import { buildLetter } from '../storage/helpers.ts';
import { cli } from './runCli.ts';

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-json-'));
  db = path.join(dir, 'library.sqlite');
  const library = openLibrary(db, { reviewer: 'Ana Lopez' });
  // Both parsed by an older parser; the verified one holds human work and is kept.
  for (const [caseNumber, service] of [['CM16-0000301', 'Acupuncture, 6 visits'], ['CM16-0000302', 'Lumbar epidural steroid injection']] as const) {
    const { source, parsed } = buildLetter({ caseNumber, items: [{ service, decision: 'Upheld' }], parserVersion: 'older-parser' });
    const { letterId } = insertParsedLetter(library.db, source, parsed, null);
    if (caseNumber === 'CM16-0000302') verifyLetter(library.db, letterId);
  }
  library.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('search --json: the query and its hits, matches marked in brackets', async () => {
  const result = await cli('search', '--db', db, '--json', 'epidural');
  expect(result.code).toBe(0);
  const { query, hits } = JSON.parse(result.stdout) as { query: string; hits: SearchHit[] };
  expect(query).toBe('epidural');
  expect(hits.map((hit) => hit.caseNumber)).toEqual(['CM16-0000302']);
  expect(hits[0]?.snippet).toContain('[epidural]');
  expect(JSON.parse((await cli('search', '--db', db, '--json', 'zzqqxx')).stdout)).toEqual({ query: 'zzqqxx', hits: [] });
});

test('export --json: the files written with their sizes and rows, and the counts', async () => {
  const out = path.join(dir, 'csv');
  const result = await cli('export', '--db', db, '--format', 'csv', '--out', out, '--json');
  expect([result.code, result.stderr]).toEqual([0, '']);
  const exported = JSON.parse(result.stdout) as ExportResult & { library: string };
  expect(exported).toMatchObject({ library: db, letters: 1, items: 1 });
  expect(exported.files.map((file) => [path.basename(file.path), file.rows])).toEqual([['items.csv', 1], ['README.md', 0]]);
  for (const file of exported.files) expect(statSync(file.path).size).toBe(file.bytes);
});

test('reparse --json: letters re-parsed and letters kept, and the letters whose derived values it worked out', async () => {
  const result = await cli('reparse', '--db', db, '--json');
  expect(result.code).toBe(0);
  // Stored without a record of their derived values' version, as by an older app: both are worked out.
  expect(JSON.parse(result.stdout)).toEqual({ library: db, reparsed: 1, kept: 1, derivedUpdated: 2 });
  const library = openLibrary(db);
  const versions = library.db.prepare('SELECT parser_version FROM letters ORDER BY case_number').pluck().all();
  expect(versions).toEqual([PARSER_VERSION, 'older-parser']);
  expect(getLetter(library.db, 2)?.status).toBe('verified');
  library.close();
  expect(JSON.parse((await cli('reparse', '--db', db, '--json')).stdout)).toEqual({ library: db, reparsed: 0, kept: 2, derivedUpdated: 0 });
});

test('report --json: the file written, its format and scope, and the letters and items it covers', async () => {
  // The library was stored without a record of its derived values' version, which report only reads.
  expect((await cli('reparse', '--db', db)).code).toBe(0);
  const out = path.join(dir, 'report');
  const report = await cli('report', '--db', db, '--format', 'md', '--out', out, '--json');
  expect([report.code, report.stderr]).toEqual([0, '']);
  const file = path.join(out, 'imr-insights.md');
  expect(JSON.parse(report.stdout)).toEqual({ library: db, file, format: 'md', scope: 'verified', letters: 1, items: 1 });
  expect(readFileSync(file, 'utf8')).toContain('Verified letters of library.sqlite: 1 letters, 1 items.');
});

test('eval --json: the figures, and a gold file that is not JSON spoils only its own letter', async () => {
  const folder = path.join(dir, 'gold');
  mkdirSync(folder);
  for (const seed of [31, 32]) {
    const letter = generateLetter(seed, { headerTable: true });
    await writeLetterPdf(letter, path.join(folder, `${letter.id}.pdf`));
    writeFileSync(path.join(folder, `${letter.id}.json`), JSON.stringify(letter.truth));
  }
  const broken = generateLetter(33, { headerTable: true });
  await writeLetterText(broken, path.join(folder, `${broken.id}.txt`), { style: 'layout', encoding: 'utf-8' });
  writeFileSync(path.join(folder, `${broken.id}.json`), '{ not json');

  const result = await cli('eval', folder, '--json');
  expect([result.code, result.stderr]).toEqual([0, '']);
  const summary = JSON.parse(result.stdout) as EvaluationSummary;
  expect(summary).toMatchObject({ folder, letters: 3, pdfLetters: 2, textLetters: 1, lettersAllExact: 2, itemCountAgreed: 2 });
  expect(summary.fieldsExact).toBe(summary.fieldsCompared);
  expect(summary.fields['caseNumber']).toEqual({ exact: 2, loose: 2, total: 2 });
  expect(summary.differing).toEqual([
    { name: broken.id, error: expect.stringMatching(new RegExp(`^${path.join(folder, `${broken.id}.json`)}: not a readable gold file \\(`)), itemCountDiffers: false, fields: [] },
  ]);
});
