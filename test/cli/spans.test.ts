/**
 * Spans stay true through the command line: a value a reviewer edited exports the span it now
 * reads at, or none, never the parser's old one; and `extract` and the export name every span
 * key alike (the partial-certification parts included), by the library's field names.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ExportedLetter } from '../../src/shared/export.ts';
import type { ExtractionRecord } from '../../src/shared/extraction.ts';
import type { SourceSpans } from '../../src/shared/letter.ts';
import { ITEM_FIELDS } from '../../src/shared/library.ts';
import { getLetter, openLibrary } from '../../src/main/storage/index.ts';
import { generateLetter, writeLetterText } from '../fixtures/index.ts';
import { setDecision, updateItemField, updateLetterField } from '../review/asReviewer.ts';
import { slice } from '../storage/helpers.ts';
import { cli } from './runCli.ts';

type WithSpans = { readonly spans: Record<string, SourceSpans> };
type ExportedWithSpans = Omit<ExportedLetter, 'items'> & WithSpans & { readonly items: readonly (ExportedLetter['items'][number] & WithSpans)[] };

let dir: string;
let file: string;
let db: string;
const letter = generateLetter(7301, { headerTable: true, priority: 'Standard', itemCount: 2, partials: [{ wording: 'remaining', trailingIs: false, at: 0 }] });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-spans-'));
  file = path.join(dir, `${letter.id}.txt`);
  await writeLetterText(letter, file, { style: 'layout', encoding: 'utf-8' });
  db = path.join(dir, 'library.sqlite');
  expect((await cli('import', file, '--db', db, '--create')).code).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exported(): Promise<ExportedWithSpans> {
  const result = await cli('export', '--db', db, '--format', 'jsonl', '--out', '-', '--all', '--with-spans');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ExportedWithSpans;
}

test('extract and the export name the span keys alike, the partial-certification parts by their field names', async () => {
  const extracted = JSON.parse((await cli('extract', file)).stdout) as ExtractionRecord;
  const record = await exported();
  const itemKeys = (items: readonly { spans: Record<string, unknown> }[]) => items.map((item) => Object.keys(item.spans).sort());
  expect(itemKeys(extracted.items)[0]).toEqual(['authorizedByClaimsAdministrator', 'claimsAdministratorGuideline', 'decision', 'imrEligiblePortion', 'item', 'maximusGuideline', 'originalRequest', 'rationale', 'service']);
  expect(itemKeys(record.items)).toEqual(itemKeys(extracted.items));
  for (const keys of itemKeys(record.items)) expect(keys.filter((key) => key !== 'item' && !(ITEM_FIELDS as readonly string[]).includes(key))).toEqual([]);
  // The same offsets: extract's one span per value, the export's list of them.
  expect(record.items.map((item) => item.spans['originalRequest'])).toEqual(extracted.items.map((item) => (item.spans['originalRequest'] ? [item.spans['originalRequest']] : undefined)));
});

test('an edited value exports the span it now reads at, or none: never the parser\'s span of the old value', async () => {
  const library = openLibrary(db);
  const stored = getLetter(library.db, 1)!;
  const text = stored.text;
  const second = stored.items[1]!;
  const oldService = second.service!;
  const shorter = oldService.split(' ').slice(0, 2).join(' ');
  expect(shorter.length).toBeLessThan(oldService.length);
  expect(text).not.toContain('Expedited');
  expect(updateLetterField(library.db, 1, 'priority', 'Expedited')).toBe(true);
  expect(updateItemField(library.db, second.id, 'service', shorter)).toBe(true);
  expect(setDecision(library.db, second.id, second.decision === 'Upheld' ? 'Overturned' : 'Upheld')).toBe(true);
  library.close();

  const before = { priority: slice(text, stored.spans['priority']), decision: slice(text, second.spans['decision']) };
  expect(before).toEqual({ priority: 'Standard', decision: second.decision });
  const record = await exported();
  expect(record.header?.priority).toBe('Expedited');
  expect(record.spans['priority']).toBeUndefined();
  expect(record.items[1]?.service).toBe(shorter);
  expect(slice(text, record.items[1]?.spans['service'])).toBe(shorter);
  expect(record.items[1]?.spans['decision']).toBeUndefined();
  // Values nobody edited keep their parser spans.
  expect(slice(text, record.spans['caseNumber'])).toBe(letter.truth.caseNumber);

  // The other formats write the same record's spans: the CSV's itemSpans cell is that JSON, quoted.
  const csvFolder = path.join(dir, 'csv');
  expect((await cli('export', '--db', db, '--format', 'csv', '--out', csvFolder, '--all', '--with-spans')).code).toBe(0);
  const quoted = (value: unknown) => `"${JSON.stringify(value).replaceAll('"', '""')}"`;
  const csv = readFileSync(path.join(csvFolder, 'items.csv'), 'utf8');
  expect(csv).toContain(quoted(record.items[1]?.spans));
  expect(csv).toContain(quoted(record.spans));
});
