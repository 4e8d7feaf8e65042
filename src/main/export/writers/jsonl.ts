/** letters.jsonl: one letter per line, its items nested, keys as `imr-review extract` prints them. */
import path from 'node:path';
import type { ExportedLetter } from '../../../shared/export.ts';
import { openSink } from '../guardedFs.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const JSONL_FILE = 'letters.jsonl';

export async function jsonlWriter(options: WriterOptions): Promise<DatasetWriter> {
  const data: DataFile = { name: JSONL_FILE, rows: 0, bytes: 0 };
  const sink = await openSink(options.guard, path.join(options.dir, JSONL_FILE));
  return {
    files: [data],
    async add(letter: ExportedLetter) {
      await sink.write(`${JSON.stringify(letter)}\n`);
      data.rows++;
    },
    async finish() {
      await sink.close();
      data.bytes = sink.bytes;
    },
    abandon: () => sink.abandon(),
  };
}
