/** Turns a text file's bytes into the letter's text, exactly as decoded (line breaks and form feeds kept). */
import type { ReadErrorCode } from '../../../shared/source.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly code: Extract<ReadErrorCode, 'binary-file' | 'empty-file'>; readonly reason: string };

/** Above this share of control characters the "text" is binary data. Real letters have none. */
const MAX_CONTROL_SHARE = 0.02;

export function decodeLetterText(bytes: Uint8Array): DecodeResult {
  const { encoding, bomLength } = detectBom(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === null && body.includes(0)) return binary();
  const decoded = encoding ?? (isStrictUtf8(body) ? 'utf-8' : 'windows-1252');
  // ignoreBOM keeps a second, stray BOM as text: only the one detected above is stripped.
  const text = new TextDecoder(decoded, { ignoreBOM: true }).decode(body);
  if (text.trim() === '') return { ok: false, code: 'empty-file', reason: 'the file is empty (it holds only white space)' };
  if (controlShare(text) > MAX_CONTROL_SHARE) return binary();
  return { ok: true, text, encoding: decoded };
}

function detectBom(bytes: Uint8Array): { encoding: TextEncodingName | null; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: null, bomLength: 0 };
}

function isStrictUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that never occur in text: C0/C1 controls other than \t \n \r \f, DEL, NUL. */
function controlShare(text: string): number {
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return 1;
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
    if (isControl) controls += 1;
  }
  return controls / text.length;
}

function binary(): DecodeResult {
  return { ok: false, code: 'binary-file', reason: 'the file holds binary data, not text' };
}
