/**
 * Fault injection: hostile dataset files for `import-dataset`. Each is refused before anything is
 * merged, every bad line reported with its number, and the library file byte-identical after,
 * even when the good lines before the bad one would have rewritten a case number and verified
 * the letter. A file with no bad line merges, and a Parquet export after it works.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import { openLibrary } from '../../src/main/storage/index.ts';
import type { ExportedLetter } from '../../src/shared/export.ts';
import { cli } from '../cli/runCli.ts';
import { buildReviewedDataset, REVIEWER } from '../export/dataset.ts';

let dir: string;
let source: string;
let records: ExportedLetter[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-fault-dataset-'));
  source = path.join(dir, 'source.sqlite');
  const library = openLibrary(source, { reviewer: REVIEWER });
  buildReviewedDataset(library);
  library.close();
  await exportDataset(source, { format: 'jsonl', outDir: path.join(dir, 'export'), scope: 'all' });
  records = readFileSync(path.join(dir, 'export', 'letters.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ExportedLetter);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A good line that would change the library: their reviewer rewrote the case number and verified the letter. */
function rewritingLine(): string {
  const [first] = records;
  return JSON.stringify({ ...first, caseNumber: 'CM99-9999999', editedFields: ['caseNumber'], status: 'verified', verifiedBy: 'Mallory', verifiedAt: '2026-02-01T00:00:00.000Z' });
}

const withTag = (tag: string) => JSON.stringify({ ...records[1], tags: [tag] });

/** Each hostile file's lines and the problem reported for each bad one (as patterns); built once the export exists. */
const hostile = (): Record<string, { lines: (string | Buffer)[]; problems: string[] }> => ({
  'a bad line after a good one that would rewrite and verify a letter': {
    lines: [rewritingLine(), JSON.stringify(records[2]), '{"sha256": "not json'],
    problems: [/^line 3: not JSON \(.+\)$/.source],
  },
  'invalid UTF-8': {
    lines: [rewritingLine(), Buffer.concat([Buffer.from(JSON.stringify(records[1]).slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])],
    problems: ['^line 2: not UTF-8 text$'],
  },
  'a blank tag name': {
    lines: [rewritingLine(), withTag('   ')],
    problems: ['^line 2: not an exported letter: ✖ a tag name cannot be blank\\s+→ at tags\\[0\\]$'],
  },
  'an empty tag name': {
    lines: [withTag(''), rewritingLine()],
    problems: ['^line 1: not an exported letter: ✖ a tag name cannot be blank\\s+→ at tags\\[0\\]$'],
  },
  'verifiedAt "not-a-date"': {
    lines: [rewritingLine(), JSON.stringify({ ...records[1], verifiedAt: 'not-a-date' })],
    problems: ['^line 2: not an exported letter: ✖ Invalid ISO datetime\\s+→ at verifiedAt$'],
  },
  "a rationale of 200,001 characters (over the API's cap)": {
    lines: [rewritingLine(), JSON.stringify({ ...records[1], items: records[1]!.items.map((item) => ({ ...item, rationale: 'x'.repeat(200_001) })) })],
    problems: ['^line 2: not an exported letter: ✖ Too big: expected string to have <=200000 characters\\s+→ at items\\[0\\]\\.rationale'],
  },
  'a 50 MB line': {
    lines: [rewritingLine(), JSON.stringify({ ...records[1], caseNumber: 'x'.repeat(50 * 1024 * 1024) })],
    problems: ['^line 2: longer than 16 MB, more than any exported letter holds$'],
  },
  'every kind at once, and the same letter twice': {
    lines: [rewritingLine(), '[]', Buffer.from([0xc3, 0x28]), withTag(' '), JSON.stringify({ ...records[1], verifiedAt: 'yesterday' }), rewritingLine()],
    problems: [
      '^line 2: not an exported letter: .+$',
      '^line 3: not UTF-8 text$',
      '^line 4: not an exported letter: ✖ a tag name cannot be blank\\s+→ at tags\\[0\\]$',
      '^line 5: not an exported letter: ✖ Invalid ISO datetime\\s+→ at verifiedAt$',
      `^line 6: the same letter \\(sha256 ${records[0]!.sha256.slice(0, 12)}…\\) as line 1$`,
    ],
  },
});
const KINDS = [
  'a bad line after a good one that would rewrite and verify a letter',
  'invalid UTF-8',
  'a blank tag name',
  'an empty tag name',
  'verifiedAt "not-a-date"',
  "a rationale of 200,001 characters (over the API's cap)",
  'a 50 MB line',
  'every kind at once, and the same letter twice',
];

for (const kind of KINDS) {
  test(`${kind}: every bad line reported by number, nothing merged, the library byte-identical`, async () => {
    const { lines, problems } = hostile()[kind]!;
    const library = path.join(dir, `${kind.replace(/\W+/g, '-')}.sqlite`);
    copyFileSync(source, library);
    const file = path.join(dir, `${kind.replace(/\W+/g, '-')}.jsonl`);
    writeFileSync(file, Buffer.concat(lines.flatMap((line) => [Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\n')])));
    const before = readFileSync(library);

    const run = await cli('import-dataset', file, '--db', library);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const [headline, ...reported] = run.stderr.trimEnd().split('\n');
    expect(headline).toBe(`${file} has ${problems.length} bad line${problems.length === 1 ? '' : 's'}; nothing was merged:`);
    expect(reported).toHaveLength(problems.length);
    reported.forEach((line, index) => expect(line.trim()).toMatch(new RegExp(problems[index]!)));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(library).equals(before)).toBe(true);
  });
}

test('the same file without its bad line merges, and a Parquet export of the result works', async () => {
  const library = path.join(dir, 'clean.sqlite');
  copyFileSync(source, library);
  const file = path.join(dir, 'clean.jsonl');
  writeFileSync(file, `${rewritingLine()}\n${JSON.stringify(records[2])}\n`);
  const run = await cli('import-dataset', file, '--db', library);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('letters merged:  2');
  const exported = await cli('export', '--db', library, '--format', 'parquet', '--out', path.join(dir, 'clean-parquet'), '--all');
  expect(exported.code).toBe(0);
});
