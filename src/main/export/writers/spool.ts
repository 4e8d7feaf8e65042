/**
 * Sheet XML kept on disk until its turn: a workbook's zip holds one part after another, so the
 * items and citations sheets can only go into it once the letters sheet is done. Their rows are
 * rendered as they come and spooled to a file in the export's staging folder (removed after),
 * so the export holds a row at a time, not a sheet, whatever the dataset's size. Every read and
 * write is guarded.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FsGuard } from '../guardedFs.ts';
import { guarded, openSink, removePath, withoutCancel } from '../guardedFs.ts';

const READ_BYTES = 1 << 20;

export interface TextSpool {
  write(text: string): Promise<void>;
  /** Saves what was written; then `read` gives it back. */
  close(): Promise<void>;
  /** The spooled bytes, in order; the file is removed once they have all been read. */
  read(): Readable;
  discard(): Promise<void>;
}

export async function openSpool(guard: FsGuard, dir: string, name: string): Promise<TextSpool> {
  const file = path.join(dir, `.${name}.spool`);
  const sink = await openSink(guard, file);
  let closed = false;
  return {
    write: (text) => sink.write(text),
    async close() {
      closed = true;
      await sink.close();
    },
    read: () => Readable.from(chunks(guard, file), { objectMode: false }),
    async discard() {
      if (!closed) await sink.abandon();
      closed = true;
      await removePath(withoutCancel(guard), file);
    },
  };
}

async function* chunks(guard: FsGuard, file: string): AsyncGenerator<Buffer> {
  const handle = await guarded(guard, `opening ${file}`, () => open(file, 'r'));
  try {
    for (;;) {
      // A buffer of its own each time: the zip may still hold the one before.
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      const { bytesRead } = await guarded(guard, `reading ${file}`, () => handle.read(buffer, 0, READ_BYTES, null), READ_BYTES);
      if (bytesRead === 0) break;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
  await removePath(guard, file);
}
