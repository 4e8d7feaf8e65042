/**
 * Exports letters from a library as JSONL, CSV, Parquet or an Excel workbook with a dataset card,
 * streaming one letter at a time from one read snapshot, reporting progress, cancellable at every
 * file system step, and committed as a set (see exportSet.ts): the folder holds the previous
 * export or the new one, never a mix and never half a file.
 */
import path from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import type { ExportOptions, ExportProgress, ExportResult, ExportedFile } from '../../shared/export.ts';
import type { Db } from '../storage/index.ts';
import { freshenStaleRecords } from '../review/index.ts';
import { countRecords, getReviewer, getTag, openSnapshot, readRecords } from '../storage/index.ts';
import { datasetCard } from './datasetCard.ts';
import { dataQuality } from './qualitySection.ts';
import { decisionFigures } from '../insights/index.ts';
import { beginExportSet, CARD_FILE } from './exportSet.ts';
import type { FsGuard } from './guardedFs.ts';
import { DEFAULT_STEP_TIMEOUT_MS, openSink } from './guardedFs.ts';
import { scopeFilter } from './scope.ts';
import { countLetter, newTally } from './tally.ts';
import { csvWriter } from './writers/csv.ts';
import { jsonlWriter } from './writers/jsonl.ts';
import { parquetWriter } from './writers/parquet.ts';
import { xlsxWriter } from './writers/xlsx.ts';
import type { DatasetWriter, WriterOptions } from './writers/writer.ts';

export { CARD_FILE };
export const APP_VERSION: string = packageJson.version;

export interface ExportControl {
  readonly onProgress?: (progress: ExportProgress) => void;
  readonly signal?: AbortSignal;
  /** Told the folder once the export has begun writing beside it, so whoever abandons the export can clear up (recoverExportFolder). */
  readonly onStarted?: (target: string) => void;
  /** Called as the files are switched in: from then on a cancel comes too late. */
  readonly onCommitting?: () => void;
  /** How long one file system call may take before the export gives up on the folder. */
  readonly stepTimeoutMs?: number;
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
  const guard: FsGuard = { signal: control.signal, timeoutMs: control.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS };
  control.signal?.throwIfAborted();
  const set = await beginExportSet(guard, options.outDir, options.force ?? false);
  control.onStarted?.(set.target);
  const writerOptions: WriterOptions = { dir: set.stagingDir, withSpans: options.withSpans ?? false, bom: options.bom ?? false, guard };
  let writer: DatasetWriter | null = null;
  let reader: Db | null = null;
  try {
    reader = openSnapshot(libraryFile);
    const filters = describeFilters(reader, filter);
    const exportedBy = getReviewer(reader);
    const total = countRecords(reader, selected);
    writer = await openWriter(options, writerOptions);
    const tally = newTally();
    control.onProgress?.({ done: 0, total });
    for (const letter of readRecords(reader, selected, writerOptions.withSpans, freshenStaleRecords(reader))) {
      control.signal?.throwIfAborted();
      await writer.add(letter);
      countLetter(tally, letter);
      if (tally.letters % PROGRESS_EVERY === 0) control.onProgress?.({ done: tally.letters, total });
      if (tally.letters % YIELD_EVERY === 0) await new Promise(setImmediate);
    }
    await writer.finish();
    const exportedAt = new Date().toISOString();
    const { withSpans, bom } = writerOptions;
    const card = datasetCard({
      format: options.format,
      scope,
      filters,
      withSpans,
      bom,
      appVersion: APP_VERSION,
      exportedAt,
      library: libraryFile,
      exportedBy,
      tally,
      cutTexts: writer.cutTexts?.() ?? 0,
      figures: decisionFigures(reader, selected),
      quality: dataQuality(reader).blocks,
    });
    const cardBytes = await writeCard(guard, path.join(set.stagingDir, CARD_FILE), card);
    const data = [...writer.files, { name: CARD_FILE, rows: 0, bytes: cardBytes }];
    control.signal?.throwIfAborted();
    control.onCommitting?.();
    await set.commit({ format: options.format, exportedAt, files: data.map((file) => file.name) });
    const files: ExportedFile[] = data.map((file) => ({ path: path.join(set.target, file.name), bytes: file.bytes, rows: file.rows }));
    control.onProgress?.({ done: tally.letters, total });
    return { files, letters: tally.letters, items: tally.items, exportedAt };
  } catch (error) {
    // The staging folder goes whatever the writer's own clearing up met.
    await writer?.abandon().catch(() => undefined);
    await set.discard().catch(() => undefined);
    throw error;
  } finally {
    reader?.close();
  }
}

async function openWriter(options: ExportOptions, writerOptions: WriterOptions): Promise<DatasetWriter> {
  if (options.format === 'jsonl') return jsonlWriter(writerOptions);
  if (options.format === 'csv') return csvWriter(writerOptions);
  if (options.format === 'parquet') return parquetWriter(writerOptions, `IMR Review Workstation ${APP_VERSION}`);
  if (options.format === 'xlsx') return xlsxWriter(writerOptions, `IMR Review Workstation ${APP_VERSION}`);
  throw new RangeError(`Unknown export format "${String(options.format)}"`);
}

async function writeCard(guard: FsGuard, file: string, text: string): Promise<number> {
  const sink = await openSink(guard, file);
  try {
    await sink.write(text);
    await sink.close();
    return sink.bytes;
  } catch (error) {
    await sink.abandon();
    throw error;
  }
}

function describeFilters(db: Db, filter: NonNullable<ExportOptions['filter']>): string[] {
  const described: string[] = [];
  if (filter.tagId !== undefined) described.push(`tag "${getTag(db, filter.tagId).name}"`);
  if (filter.decision !== undefined) described.push(`letters with an item ${filter.decision}`);
  if (filter.format !== undefined) described.push(`format ${filter.format}`);
  if (filter.status !== undefined) described.push(`status ${filter.status}`);
  return described;
}
