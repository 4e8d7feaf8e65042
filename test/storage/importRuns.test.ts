import { describe, expect, it } from 'vitest';
import { InvalidEditError, NotFoundError } from '../../src/main/storage/errors.ts';
import {
  finishImportRun,
  getImportRun,
  listImportErrors,
  listImportRuns,
  recordImportError,
  startImportRun,
} from '../../src/main/storage/importRuns.ts';
import { updateItemField, verifyLetter } from '../review/asReviewer.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/letters.ts';
import { getLibraryStats } from '../../src/main/storage/stats.ts';
import { buildLetter, useTempFolder } from './helpers.ts';

const temp = useTempFolder();

describe('import runs', () => {
  it('record how a run went and which files failed', () => {
    const { db } = temp.library();
    const first = startImportRun(db, '/letters/march');
    recordImportError(db, first, { filePath: '/letters/march/a.pdf', code: 'corrupt-pdf', message: 'bad xref' });
    recordImportError(db, first, { filePath: '/letters/march/b.pdf', code: 'no-text-layer', message: 'scanned' });
    finishImportRun(db, first, 'completed', { filesSeen: 10, imported: 7, duplicates: 1, failed: 2 });
    const second = startImportRun(db);

    expect(getImportRun(db, first)).toMatchObject({
      source: '/letters/march',
      status: 'completed',
      filesSeen: 10,
      imported: 7,
      duplicates: 1,
      failed: 2,
      errorCount: 2,
    });
    expect(getImportRun(db, first)?.finishedAt).not.toBeNull();
    expect(listImportRuns(db).map((run) => [run.id, run.status])).toEqual([
      [second, 'running'],
      [first, 'completed'],
    ]);
    expect(listImportErrors(db, first).map(({ filePath, code }) => [filePath, code])).toEqual([
      ['/letters/march/a.pdf', 'corrupt-pdf'],
      ['/letters/march/b.pdf', 'no-text-layer'],
    ]);
    expect(listImportErrors(db, second)).toEqual([]);
    expect(() => finishImportRun(db, first, 'failed', { filesSeen: 0, imported: 0, duplicates: 0, failed: 0 })).toThrow(
      InvalidEditError,
    );
    expect(() => finishImportRun(db, 999, 'failed', { filesSeen: 0, imported: 0, duplicates: 0, failed: 0 })).toThrow(
      NotFoundError,
    );
  });
});

describe('getLibraryStats', () => {
  it('counts letters by status and format, items by decision, and import errors', () => {
    const { db } = temp.library({ reviewer: 'Dana Reyes' });
    const runId = startImportRun(db);
    const letters = [
      buildLetter({ caseNumber: 'CM16-0000001', items: [{ service: 'A', decision: 'Upheld' }, { service: 'B', decision: null }] }),
      buildLetter({ caseNumber: 'CM16-0000002', format: 'F1-prose-credentials', items: [{ service: 'C', decision: 'Overturned' }] }),
      buildLetter({ caseNumber: 'CM16-0000003', items: [{ service: 'D', decision: 'Upheld' }] }),
    ];
    const ids = letters.map(({ source, parsed }) => insertParsedLetter(db, source, parsed, runId).letterId);
    recordImportError(db, runId, { filePath: '/x.pdf', code: 'corrupt-pdf', message: 'bad' });
    recordImportError(db, runId, { filePath: '/y.pdf', code: 'corrupt-pdf', message: 'bad' });
    recordImportError(db, runId, { filePath: '/z.txt', code: 'empty-file', message: 'empty' });
    verifyLetter(db, ids[2] ?? 0);
    updateItemField(db, getLetter(db, ids[0] ?? 0)?.items[1]?.id ?? 0, 'decision', 'Overturned');

    expect(getLibraryStats(db)).toEqual({
      letters: 3,
      lettersByStatus: { unreviewed: 1, in_progress: 1, verified: 1, flagged: 0 },
      lettersByFormat: { 'F1-credentials-block': 2, 'F1-prose-credentials': 1 },
      items: 4,
      itemsByDecision: { Upheld: 2, Overturned: 2, none: 0 },
      importErrors: 3,
      importErrorsByCode: { 'corrupt-pdf': 2, 'empty-file': 1 },
    });
  });
});
