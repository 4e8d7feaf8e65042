/**
 * Exit codes through the real bin script: 0 done; 1 the command could not do its work, and with
 * --strict also done with failures (files that failed to import or extract, conflicts left by
 * import-dataset); 130 cancelled by SIGINT mid-import. (2, usage, is in usage.test.ts.)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExtractionFailure } from '../../src/shared/extraction.ts';
import type { ImportSummary } from '../../src/shared/importing.ts';
import { getLetter, insertParsedLetter, listImportRuns, openLibrary } from '../../src/main/storage/index.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import { updateItemField } from '../review/asReviewer.ts';
import { buildLetter } from '../storage/helpers.ts';
import { BIN, cli, storedLetters } from './runCli.ts';

let dir: string;
let letters: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-cli-exit-'));
  letters = path.join(dir, 'letters');
  await writeFixtureFolder(letters, { count: 3, seed: 5100, pdfShare: 0, badFiles: ['binary-text'] });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('failures with and without --strict', () => {
  test('import: a file that fails is reported and the import is done (0); with --strict, 1', async () => {
    const db = path.join(dir, 'import.sqlite');
    const plain = await cli('import', letters, '--db', db, '--create', '--json');
    expect(plain.code).toBe(0);
    const summary = JSON.parse(plain.stdout) as ImportSummary;
    expect(summary).toMatchObject({ status: 'completed', imported: 3, failed: 1 });
    expect(summary.failures.map((failure) => [path.basename(failure.path), failure.code])).toEqual([['bad-1-binary-text.txt', 'binary-file']]);

    const strict = await cli('import', letters, '--db', db, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/duplicates: 3 .*\n[\s\S]*failed: +1\n +\[binary-file\] /);
    expect(strict.stderr).toBe('');
  });

  test('extract: a file that cannot be read gives its failure line and the others are printed (0); with --strict, 1; a path that does not exist is a usage error (2) and nothing is read', async () => {
    const plain = await cli('extract', letters);
    expect(plain.code).toBe(0);
    const lines = plain.stdout.trim().split('\n').map((line) => JSON.parse(line) as Partial<ExtractionFailure> & { caseNumber?: string });
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line.error !== undefined).map((line) => [path.basename(line.file ?? ''), line.error?.code])).toEqual([['bad-1-binary-text.txt', 'binary-file']]);

    expect((await cli('extract', letters, '--strict')).code).toBe(1);
    const missing = path.join(dir, 'no-such-letter.pdf');
    for (const strict of [[], ['--strict']]) {
      const gone = await cli('extract', lines[0]?.file ?? '', missing, ...strict);
      expect(gone.code).toBe(2);
      expect(gone.stderr).toBe(`${missing}: no such file or folder\n`);
      expect(gone.stdout).toBe('');
    }
  });

  test('import-dataset: conflicts left for a decision are done (0); with --strict, 1', async () => {
    const { source, parsed } = buildLetter({ caseNumber: 'CM16-0000777', items: [{ service: 'MRI lumbar spine', decision: 'Upheld' }] });
    const side = (name: string, service: string) => {
      const file = path.join(dir, `${name}.sqlite`);
      const library = openLibrary(file, { reviewer: name });
      const { letterId } = insertParsedLetter(library.db, source, parsed, null);
      updateItemField(library.db, getLetter(library.db, letterId)?.items[0]?.id ?? 0, 'service', service);
      library.close();
      return file;
    };
    const ours = side('Ana', 'MRI of the lumbar spine');
    const theirs = side('Ben', 'Lumbar MRI');
    const exported = path.join(dir, 'ben-export');
    expect((await cli('export', '--db', theirs, '--format', 'jsonl', '--out', exported, '--all')).code).toBe(0);
    const file = path.join(exported, 'letters.jsonl');

    const strict = await cli('import-dataset', file, '--db', ours, '--strict', '--json');
    expect(strict.code).toBe(1);
    const result = JSON.parse(strict.stdout) as { merged: number; conflicts: number; conflictsWaiting: { field: string; ours: string; theirs: string }[] };
    expect(result).toMatchObject({ merged: 1, conflicts: 1 });
    expect(result.conflictsWaiting.map(({ field, ours: mine, theirs: their }) => [field, mine, their])).toEqual([['service', 'MRI of the lumbar spine', 'Lumbar MRI']]);

    const plain = await cli('import-dataset', file, '--db', ours);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('  new conflicts:   0\nConflicts waiting for a decision: 1\n');
  });
});

describe('the command could not do its work: 1, in one line naming the file', () => {
  test('a dataset file that does not exist (a usage error, 2), a folder to evaluate that does not exist, a report folder that is a file, a library that is not one', async () => {
    const db = path.join(dir, 'target.sqlite');
    expect((await cli('init', '--db', db)).code).toBe(0);
    const missing = path.join(dir, 'nothing.jsonl');
    expect(await cli('import-dataset', missing, '--db', db)).toEqual({ code: 2, stdout: '', stderr: `${missing}: no such file or folder\n` });
    expect(await cli('eval', path.join(dir, 'no-folder'))).toEqual({ code: 1, stdout: '', stderr: `${path.join(dir, 'no-folder')}: no such folder\n` });
    const letter = path.join(letters, 'bad-1-binary-text.txt');
    expect(await cli('report', '--db', db, '--out', letter)).toEqual({ code: 1, stdout: '', stderr: `Report not written to ${letter}: EEXIST: file already exists, mkdir '${letter}'\n` });
    expect(await cli('stats', '--db', letter)).toEqual({ code: 1, stdout: '', stderr: `Cannot open letter library ${letter}: the file is not a SQLite database\n` });
  });
});

describe('Ctrl+C', () => {
  test('SIGINT mid-import stops it, keeps the letters stored, prints the summary and exits 130', async () => {
    const many = path.join(dir, 'many');
    const total = 40;
    await writeFixtureFolder(many, { count: total, seed: 5200, pdfShare: 1 });
    const db = path.join(dir, 'cancelled.sqlite');
    const child = spawn(process.execPath, [BIN, 'import', many, '--db', db, '--create', '--threads', '1', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    for (const deadline = Date.now() + 60_000; storedLetters(db) < 3 && Date.now() < deadline; ) await sleep(20);
    child.kill('SIGINT');
    const [code, signal] = await exited;

    expect({ code, signal, stderr }).toEqual({ code: 130, signal: null, stderr: '' });
    const summary = JSON.parse(stdout) as ImportSummary;
    const stored = storedLetters(db);
    expect(summary.status).toBe('cancelled');
    expect(summary.imported).toBe(stored);
    expect(stored).toBeGreaterThanOrEqual(3);
    expect(stored).toBeLessThan(total);
    const library = openLibrary(db);
    expect(listImportRuns(library.db)[0]).toMatchObject({ status: 'cancelled', imported: stored });
    library.close();
  });
});
