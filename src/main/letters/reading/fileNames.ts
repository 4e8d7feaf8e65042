/**
 * File names as the file system gives them: bytes, which need not be UTF-8 (old Windows zips,
 * Latin-1 disks). A name is carried as a string in which each byte that is not part of valid
 * UTF-8 stands as a lone surrogate U+DC80–U+DCFF (Python's "surrogateescape"), so the string
 * goes back to the very bytes for the file system, and reads as `\xE9` in messages.
 */

/** A lone low surrogate that stands for one byte (one not preceded by a high surrogate). */
const ESCAPED_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The name for these bytes: valid UTF-8 as usual, any other byte escaped. */
export function nameFromBytes(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return escapedName(bytes);
  }
}

/** What to hand the file system for a name: the string itself, or its bytes when it holds escaped ones. */
export function fileSystemPath(name: string): string | Buffer {
  const escaped = [...name.matchAll(ESCAPED_BYTE)];
  if (escaped.length === 0) return name;
  const parts: Buffer[] = [];
  let from = 0;
  for (const match of escaped) {
    parts.push(Buffer.from(name.slice(from, match.index), 'utf8'), Buffer.of(match[0].charCodeAt(0) - 0xdc00));
    from = match.index + 1;
  }
  parts.push(Buffer.from(name.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

/** The name for people and for the library: each byte that is not UTF-8 shown as `\xNN`. */
export function readableName(name: string): string {
  return name.replace(ESCAPED_BYTE, (byte) => `\\x${(byte.charCodeAt(0) - 0xdc00).toString(16).toUpperCase().padStart(2, '0')}`);
}

function escapedName(bytes: Uint8Array): string {
  let name = '';
  let at = 0;
  while (at < bytes.length) {
    const length = utf8SequenceLength(bytes, at);
    if (length === 0) {
      name += String.fromCharCode(0xdc00 + (bytes[at] as number));
      at++;
    } else {
      name += strictUtf8.decode(bytes.subarray(at, at + length));
      at += length;
    }
  }
  return name;
}

/** The length of the valid UTF-8 sequence at `at`, or 0 when its first byte does not start one (RFC 3629's table). */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const first = bytes[at] as number;
  if (first < 0x80) return 1;
  const [length, low, high] =
    first >= 0xc2 && first <= 0xdf ? [2, 0x80, 0xbf]
    : first === 0xe0 ? [3, 0xa0, 0xbf]
    : first === 0xed ? [3, 0x80, 0x9f]
    : first >= 0xe1 && first <= 0xef ? [3, 0x80, 0xbf]
    : first === 0xf0 ? [4, 0x90, 0xbf]
    : first === 0xf4 ? [4, 0x80, 0x8f]
    : first >= 0xf1 && first <= 0xf3 ? [4, 0x80, 0xbf]
    : [0, 0, 0];
  if (length === 0 || at + length > bytes.length) return 0;
  const second = bytes[at + 1] as number;
  if (second < low || second > high) return 0;
  for (let next = at + 2; next < at + length; next++) {
    const byte = bytes[next] as number;
    if (byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}
