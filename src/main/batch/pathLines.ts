/**
 * Paths from a stream, one per record: records end with a newline (a carriage return before it
 * is dropped, for lists written on Windows) or, in NUL mode, with a NUL byte, which no path can
 * hold, so a path with a newline in it passes whole (`find -print0`). The last record needs no
 * end. A blank record is a record: it gets its own line of output, as every record does. A path
 * that is not UTF-8 keeps its bytes (see reading/fileNames.ts).
 */
import { nameFromBytes } from '../letters/reading/index.ts';

export type PathSeparator = 'newline' | 'nul';

const SEPARATOR_BYTE: Record<PathSeparator, number> = { newline: 0x0a, nul: 0x00 };

export async function* pathLines(input: AsyncIterable<Uint8Array | string>, separator: PathSeparator): AsyncGenerator<string> {
  const end = SEPARATOR_BYTE[separator];
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    const bytes = rest.length === 0 ? Buffer.from(chunk) : Buffer.concat([rest, Buffer.from(chunk)]);
    let start = 0;
    for (let at = bytes.indexOf(end, start); at >= 0; at = bytes.indexOf(end, start)) {
      yield record(bytes.subarray(start, at), separator);
      start = at + 1;
    }
    // A copy: the chunk's buffer is not held for a few bytes of it.
    rest = Buffer.from(bytes.subarray(start));
  }
  if (rest.length > 0) yield record(rest, separator);
}

function record(bytes: Buffer, separator: PathSeparator): string {
  const text = nameFromBytes(bytes);
  return separator === 'newline' && text.endsWith('\r') ? text.slice(0, -1) : text;
}
