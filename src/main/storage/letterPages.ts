/**
 * The library's own copy of each PDF letter and its text layout (see shared/pages.ts). The
 * layout is stored packed (layoutCodec.ts): about 2 KB a letter, a fifteenth of a real letter's PDF.
 */
import type { TextLayout } from '../../shared/pages.ts';
import type { PackedPdfCopy, PdfCopy } from '../../shared/source.ts';
import { packedCopy, unpackLayout } from '../letters/reading/layoutCodec.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

/** A letter's pages as stored: the PDF's bytes and layout, or why there are none. */
export type StoredPages =
  | { readonly kind: 'pdf'; readonly pdf: Buffer; readonly layout: TextLayout }
  | { readonly kind: 'none'; readonly reason: 'text-file' | 'no-copy' };

export function insertLetterPages(db: Db, letterId: number, copy: PdfCopy | PackedPdfCopy): void {
  const { bytes, packedLayout } = packedCopy(copy);
  statement(db, 'INSERT INTO letter_pages (letter_id, layout, pdf) VALUES (?, ?, ?)').run(letterId, asBuffer(packedLayout), asBuffer(bytes));
}

/** better-sqlite3 stores a Buffer as a blob; a Uint8Array that crossed from a worker is a plain view. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The letter's pages; null when there is no such letter. */
export function readLetterPages(db: Db, letterId: number): StoredPages | null {
  const row = statement(
    db,
    'SELECT l.source_kind AS kind, p.layout, p.pdf FROM letters l LEFT JOIN letter_pages p ON p.letter_id = l.id WHERE l.id = ?',
  ).get(letterId) as { kind: 'pdf' | 'text'; layout: Buffer | null; pdf: Buffer | null } | undefined;
  if (!row) return null;
  if (row.layout === null || row.pdf === null) return { kind: 'none', reason: row.kind === 'text' ? 'text-file' : 'no-copy' };
  return { kind: 'pdf', pdf: row.pdf, layout: unpackLayout(row.layout) };
}
