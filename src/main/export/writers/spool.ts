/**
 * Rows kept on disk until their turn: a workbook's zip holds one sheet after another, so the
 * items and citations sheets can only be written once the letters sheet is done. Spooled as one
 * JSON array per line in the export's staging folder (and removed after), so the export holds a
 * row at a time, not a sheet, whatever the dataset's size. Every read and write is guarded.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { CellValue } from '../columns.ts';
import type { FsGuard } from '../guardedFs.ts';
import { guarded, openSink, removePath } from '../guardedFs.ts';

const READ_BYTES = 1 << 20;

export interface RowSpool {
  add(cells: readonly CellValue[]): Promise<void>;
  /** Every row added, in order, then the spool file is removed. */
  replay(each: (cells: CellValue[]) => Promise<void>): Promise<void>;
  discard(): Promise<void>;
}

export async function openSpool(guard: FsGuard, dir: string, name: string): Promise<RowSpool> {
  const file = path.join(dir, `.${name}.spool`);
  const sink = await openSink(guard, file);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await sink.close();
  };
  return {
    // JSON escapes every line break inside a value: a newline only ever ends a row.
    add: (cells) => sink.write(`${JSON.stringify(cells)}\n`),
    async replay(each) {
      await close();
      for await (const line of lines(guard, file)) await each(JSON.parse(line) as CellValue[]);
      await removePath(guard, file);
    },
    async discard() {
      if (!closed) await sink.abandon();
      closed = true;
      await removePath(guard, file);
    },
  };
}

/** The file's lines; split on the newline byte first, which never occurs inside a UTF-8 character. */
async function* lines(guard: FsGuard, file: string): AsyncGenerator<string> {
  const handle = await guarded(guard, `opening ${file}`, () => open(file, 'r'));
  try {
    let pending: Buffer[] = [];
    const buffer = Buffer.alloc(READ_BYTES);
    for (;;) {
      const { bytesRead } = await guarded(guard, `reading ${file}`, () => handle.read(buffer, 0, READ_BYTES, null), READ_BYTES);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let from = 0;
      for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, from)) {
        pending.push(chunk.subarray(from, at));
        yield Buffer.concat(pending).toString('utf8');
        pending = [];
        from = at + 1;
      }
      // The buffer is read into again: keep a copy of the unfinished line.
      if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}
