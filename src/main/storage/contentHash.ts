/**
 * A letter's identity by its text rather than its bytes: the same letter saved as windows-1252
 * and as UTF-16LE has different bytes and the same text. Unicode is normalised (NFC) and every
 * run of white space (line ends, page breaks) read as one space, so a re-saved file matches.
 */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of the normalised text; null for a letter without text (one created from a dataset). */
export function contentSha256(text: string): string | null {
  const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return normal === '' ? null : createHash('sha256').update(normal, 'utf8').digest('hex');
}
