/**
 * `import-dataset`: loads another library's JSONL export. Letters match by sha256; a letter
 * this library lacks is created from its record, one it has is merged (see mergeRecord.ts).
 * Each letter is its own transaction, so a cancel or a bad line keeps the letters before it.
 */
import path from 'node:path';
import type { ImportDatasetResult } from '../../shared/export.ts';
import type { Library } from '../storage/index.ts';
import { getReviewer } from '../storage/index.ts';
import { inWriteTransaction, nowIso, statement } from '../storage/sql.ts';
import { readDatasetFile } from './datasetFile.ts';
import { mergeRecord } from './mergeRecord.ts';
import { createLetterFromRecord } from './storeRecord.ts';

export interface ImportDatasetControl {
  readonly signal?: AbortSignal;
  /** Called after each letter with the letters handled so far. */
  readonly onProgress?: (letters: number) => void;
}

/** Who the history names for changes the import makes when the library has no reviewer set. */
const IMPORT_ACTOR = 'dataset import';

export async function importDataset(library: Library, file: string, control: ImportDatasetControl = {}): Promise<ImportDatasetResult> {
  const { db } = library;
  const source = path.basename(file);
  const actor = getReviewer(db) ?? IMPORT_ACTOR;
  let created = 0;
  let merged = 0;
  let fieldsTaken = 0;
  let conflicts = 0;
  for await (const record of readDatasetFile(file)) {
    control.signal?.throwIfAborted();
    inWriteTransaction(db, () => {
      const existing = statement(db, 'SELECT id FROM letters WHERE sha256 = ?').get(record.sha256) as { id: number } | undefined;
      if (!existing) {
        createLetterFromRecord(db, record);
        created++;
        return;
      }
      const outcome = mergeRecord(db, existing.id, record, { letterId: existing.id, reviewer: actor, at: nowIso() }, source);
      merged++;
      fieldsTaken += outcome.fieldsTaken;
      conflicts += outcome.conflicts;
    });
    control.onProgress?.(created + merged);
  }
  return { created, merged, fieldsTaken, conflicts };
}
