/** Scope and filters, determinism, nothing left behind by a failure or a cancel, progress, and the dataset card. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportDataset } from '../../src/main/export/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { countQueue } from '../../src/main/storage/index.ts';
import type { ExportFilter, ExportProgress } from '../../src/shared/export.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { buildReviewedDataset, REVIEWER } from './dataset.ts';
import { readJsonl } from './readBack.ts';

const temp = useTempFolder();

async function exportedShas(library: Library, scope: 'verified' | 'all', filter: ExportFilter): Promise<string[]> {
  const outDir = path.join(temp.folder(), 'out');
  await exportDataset(library.file, { format: 'jsonl', outDir, scope, filter });
  return readJsonl(path.join(outDir, 'letters.jsonl')).map((letter) => letter.sha256);
}

describe('scope and filters', () => {
  test('verified letters by default, every letter with --all, and the queue filters select what the queue selects', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    const { sha, tagIds } = buildReviewedDataset(library);

    expect(await exportedShas(library, 'verified', {})).toEqual([sha.edited, sha.partial, sha.empty].sort());
    expect(await exportedShas(library, 'all', {})).toEqual(Object.values(sha).sort());
    expect(await exportedShas(library, 'all', { status: 'flagged' })).toEqual([sha.flagged]);
    expect(await exportedShas(library, 'verified', { tagId: tagIds.urgent })).toEqual([sha.edited]);
    expect(await exportedShas(library, 'all', { tagId: tagIds.urgent })).toEqual([sha.edited, sha.unreviewed].sort());
    // An item tag selects its letter, as in the queue.
    expect(await exportedShas(library, 'all', { tagId: tagIds.imaging })).toEqual([sha.edited]);
    expect(await exportedShas(library, 'verified', { decision: 'Overturned' })).toEqual([sha.partial]);
    expect(await exportedShas(library, 'all', { format: 'F1-prose-credentials' })).toEqual([sha.unreviewed]);

    const filters: ExportFilter[] = [
      { decision: 'Upheld' },
      { tagId: tagIds.urgent, decision: 'Upheld' },
      { format: 'F1-credentials-block', status: 'verified' },
      { status: 'unreviewed' },
    ];
    for (const filter of filters) {
      expect((await exportedShas(library, 'all', filter)).length, JSON.stringify(filter)).toBe(countQueue(library.db, filter));
    }
  });

  test('a status filter other than verified needs the all scope', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    const outDir = path.join(temp.folder(), 'out');
    await expect(exportDataset(library.file, { format: 'csv', outDir, filter: { status: 'flagged' } })).rejects.toThrow(/all/);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('determinism', () => {
  test.each(['jsonl', 'csv', 'parquet'] as const)('two %s exports of the same library are byte-identical', async (format) => {
    const library = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(library);
    const first = path.join(temp.folder(), 'first');
    const second = path.join(temp.folder(), 'second');
    const a = await exportDataset(library.file, { format, outDir: first, scope: 'all', withSpans: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await exportDataset(library.file, { format, outDir: second, scope: 'all', withSpans: true });
    const dataFiles = a.files.map((file) => path.basename(file.path)).filter((name) => name !== 'README.md');
    expect(dataFiles.length).toBeGreaterThan(0);
    for (const name of dataFiles) {
      expect(readFileSync(path.join(first, name)).equals(readFileSync(path.join(second, name))), name).toBe(true);
    }
    expect(a.exportedAt).not.toBe(b.exportedAt);
  });
});

describe('atomic output', () => {
  test.each(['jsonl', 'csv', 'parquet'] as const)('a %s export failing midway leaves no file behind', async (format) => {
    const library = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(library);
    // A damaged row in the last letter (sha256 order) fails the export after the others were written.
    const lastId = library.db.prepare('SELECT id FROM letters ORDER BY sha256 DESC LIMIT 1').pluck().get();
    library.db.prepare("UPDATE letters SET warnings = 'not json' WHERE id = ?").run(lastId);
    const outDir = temp.folder();
    await expect(exportDataset(library.file, { format, outDir, scope: 'all' })).rejects.toThrow(SyntaxError);
    expect(readdirSync(outDir)).toEqual([]);
  });

  test('a cancelled export stops, leaves no file behind and keeps the previous export intact', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(library);
    const outDir = temp.folder();
    await exportDataset(library.file, { format: 'jsonl', outDir, scope: 'all' });
    const before = readFileSync(path.join(outDir, 'letters.jsonl'));

    const controller = new AbortController();
    const progress: ExportProgress[] = [];
    const run = exportDataset(
      library.file,
      { format: 'jsonl', outDir, scope: 'all' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          progress.push(p);
          controller.abort();
        },
      },
    );
    await expect(run).rejects.toThrow(/abort/i);
    expect(progress).toEqual([{ done: 0, total: 5 }]);
    expect(readdirSync(outDir).sort()).toEqual(['.imr-export.json', 'README.md', 'letters.jsonl']);
    expect(readFileSync(path.join(outDir, 'letters.jsonl')).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(`.${path.basename(outDir)}.`))).toEqual([]);
  });

  test('progress runs from 0 to the total letters in scope', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(library);
    const progress: ExportProgress[] = [];
    await exportDataset(library.file, { format: 'csv', outDir: temp.folder(), scope: 'all' }, { onProgress: (p) => progress.push(p) });
    expect(progress[0]).toEqual({ done: 0, total: 5 });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
  });
});

describe('dataset card', () => {
  test('README.md gives the counts, decisions, statuses, filters, versions, reviewers and every column', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    const { tagIds } = buildReviewedDataset(library);
    const outDir = temp.folder();
    const result = await exportDataset(library.file, { format: 'csv', outDir, scope: 'all', filter: { tagId: tagIds.urgent } });
    const card = readFileSync(path.join(outDir, 'README.md'), 'utf8');

    expect(card).toContain('- letters: 2\n- items: 3\n');
    expect(card).toContain('| Upheld | 2 | 66.7% |');
    expect(card).toContain('| (missing) | 1 | 33.3% |');
    expect(card).toContain('| Overturned | 0 | 0.0% |');
    expect(card).toContain('| verified | 1 |');
    expect(card).toContain('| unreviewed | 1 |');
    expect(card).toContain('| filters | tag "urgent" |');
    expect(card).toContain('| scope | all letters, with their review status |');
    expect(card).toContain(`| verified by | ${REVIEWER} (1 letter) |`);
    expect(card).toContain('| parser versions | test-1 (2 letters) |');
    expect(card).toMatch(/\| app version \| IMR Review Workstation \d+\.\d+\.\d+ \|/);
    expect(card).toContain(`| exported at | ${result.exportedAt} |`);
    expect(card).toContain('- `dateOfInjury`: 1');

    const header = readFileSync(path.join(outDir, 'items.csv'), 'utf8').split('\r\n')[0]?.split(',') ?? [];
    expect(header.length).toBeGreaterThan(40);
    for (const column of header) expect(card, column).toMatch(new RegExp(`\\| \`${column}\` \\| [^|]+ \\| [^|]{8,}`));
  });

  test('the JSONL card describes every key of the records and of their items', async () => {
    const library = temp.library({ reviewer: REVIEWER });
    buildReviewedDataset(library);
    const outDir = temp.folder();
    await exportDataset(library.file, { format: 'jsonl', outDir, withSpans: true });
    const card = readFileSync(path.join(outDir, 'README.md'), 'utf8');
    const [record] = readJsonl(path.join(outDir, 'letters.jsonl')).filter((letter) => letter.items.length > 0);
    const keys = [...Object.keys(record ?? {}), ...Object.keys(record?.items[0] ?? {})];
    expect(keys).toContain('spans');
    for (const key of keys) expect(card, key).toContain(`| \`${key}\` |`);
  });
});
