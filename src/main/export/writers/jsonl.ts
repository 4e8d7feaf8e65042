/** letters.jsonl: one letter per line, its items nested, keys as `imr-review extract` prints them. */
import path from 'node:path';
import type { ExportedLetter } from '../../../shared/export.ts';
import { atomicFile, openTextSink } from '../atomicFile.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const JSONL_FILE = 'letters.jsonl';

export async function jsonlWriter(options: WriterOptions): Promise<DatasetWriter> {
  const data: DataFile = { file: atomicFile(path.join(options.outDir, JSONL_FILE)), rows: 0 };
  const sink = await openTextSink(data.file.tempPath);
  return {
    files: [data],
    async add(letter: ExportedLetter) {
      await sink.write(`${JSON.stringify(letter)}\n`);
      data.rows++;
    },
    finish: () => sink.close(),
    abandon: () => sink.close(),
  };
}
