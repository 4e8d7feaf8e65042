/**
 * Exports letters from a library as JSONL, CSV or Parquet with a dataset card, streaming one
 * letter at a time from one read snapshot, reporting progress, cancellable, and atomic: the
 * files appear whole at the end or not at all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import type { ExportOptions, ExportProgress, ExportResult, ExportedFile } from '../../shared/export.ts';
import type { Db } from '../storage/index.ts';
import { countRecords, getTag, openSnapshot, readRecords } from '../storage/index.ts';
import { atomicFile, commitAll } from './atomicFile.ts';
import type { AtomicFile } from './atomicFile.ts';
import { datasetCard } from './datasetCard.ts';
import { checkSettings } from '../review/index.ts';
import { decisionFigures } from '../insights/index.ts';
import { withDerived } from './derivedRecord.ts';
import { scopeFilter } from './scope.ts';
import { countLetter, newTally } from './tally.ts';
import { csvWriter } from './writers/csv.ts';
import { jsonlWriter } from './writers/jsonl.ts';
import { parquetWriter } from './writers/parquet.ts';
import type { DatasetWriter, WriterOptions } from './writers/writer.ts';

export const CARD_FILE = 'README.md';
export const APP_VERSION: string = packageJson.version;

export interface ExportControl {
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
  /** Told the temporary files the export writes, so whoever stops it can remove them. */
  readonly onFiles?: (tempPaths: readonly string[]) => void;
}

/** Progress is reported every this many letters (and at the start and end). */
const PROGRESS_EVERY = 500;

/** Letters between two yields to the event loop, where a cancel can arrive. */
const YIELD_EVERY = 200;

/** @param libraryFile the library, read through a read-only connection of the export's own */
export async function exportDataset(libraryFile: string, options: ExportOptions, control: ExportControl = {}): Promise<ExportResult> {
  const scope = options.scope ?? 'verified';
  const filter = options.filter ?? {};
  const selected = scopeFilter(scope, filter);
  const writerOptions: WriterOptions = {
    outDir: path.resolve(options.outDir),
    withSpans: options.withSpans ?? false,
    bom: options.bom ?? false,
  };
  control.signal?.throwIfAborted();
  await mkdir(writerOptions.outDir, { recursive: true });
  const reader = openSnapshot(libraryFile);
  let writer: DatasetWriter | null = null;
  const card = atomicFile(path.join(writerOptions.outDir, CARD_FILE));
  try {
    const filters = describeFilters(reader, filter);
    const total = countRecords(reader, selected);
    writer = await openWriter(options, writerOptions);
    control.onFiles?.([...writer.files.map((data) => data.file.tempPath), card.tempPath]);
    const tally = newTally();
    control.onProgress?.({ done: 0, total });
    const settings = checkSettings(reader);
    for (const stored of readRecords(reader, selected, writerOptions.withSpans)) {
      const letter = withDerived(stored, settings);
      control.signal?.throwIfAborted();
      await writer.add(letter);
      countLetter(tally, letter);
      if (tally.letters % PROGRESS_EVERY === 0) control.onProgress?.({ done: tally.letters, total });
      if (tally.letters % YIELD_EVERY === 0) await new Promise(setImmediate);
    }
    await writer.finish();
    control.signal?.throwIfAborted();
    const exportedAt = new Date().toISOString();
    await writeFile(
      card.tempPath,
      datasetCard({ format: options.format, scope, filters, ...writerOptions, appVersion: APP_VERSION, exportedAt, tally, figures: decisionFigures(reader, selected) }),
    );
    const sizes = await commitAll([...writer.files.map((data) => data.file), card]);
    const files: ExportedFile[] = [...writer.files, { file: card, rows: 0 }].map((data, index) => ({
      path: data.file.finalPath,
      bytes: sizes[index] ?? 0,
      rows: data.rows,
    }));
    control.onProgress?.({ done: tally.letters, total });
    return { files, letters: tally.letters, items: tally.items, exportedAt };
  } catch (error) {
    await writer?.abandon();
    await discardAll([...(writer?.files.map((data) => data.file) ?? []), card]);
    throw error;
  } finally {
    reader.close();
  }
}

async function openWriter(options: ExportOptions, writerOptions: WriterOptions): Promise<DatasetWriter> {
  if (options.format === 'jsonl') return jsonlWriter(writerOptions);
  if (options.format === 'csv') return csvWriter(writerOptions);
  if (options.format === 'parquet') return parquetWriter(writerOptions, `IMR Review Workstation ${APP_VERSION}`);
  throw new RangeError(`Unknown export format "${String(options.format)}"`);
}

async function discardAll(files: readonly AtomicFile[]): Promise<void> {
  await Promise.all(files.map((file) => file.discard()));
}

function describeFilters(db: Db, filter: NonNullable<ExportOptions['filter']>): string[] {
  const described: string[] = [];
  if (filter.tagId !== undefined) described.push(`tag "${getTag(db, filter.tagId).name}"`);
  if (filter.decision !== undefined) described.push(`letters with an item ${filter.decision}`);
  if (filter.format !== undefined) described.push(`format ${filter.format}`);
  if (filter.status !== undefined) described.push(`status ${filter.status}`);
  return described;
}
