/** What the file reader hands the parser and the store: a letter's text and where it came from. */
import type { TextLayout } from './pages.ts';

export type SourceKind = 'pdf' | 'text';

export interface LetterSource {
  readonly path: string;
  readonly fileName: string;
  readonly size: number;
  /** Hex SHA-256 of the file's bytes: the letter's identity across databases. */
  readonly sha256: string;
  readonly kind: SourceKind;
  /** Text of the letter. PDF pages are joined with form feeds ("\f"). */
  readonly text: string;
  /** Offset in `text` where each page starts (one entry for a text file). */
  readonly pageOffsets: readonly number[];
  /** How a text file was decoded (utf-8, utf-16le, utf-16be, windows-1252); null for PDFs. */
  readonly encoding: string | null;
  /** A PDF as read: its bytes (the library keeps a copy) and where its text sits on its pages. */
  readonly pdf?: PdfCopy;
}

export interface PdfCopy {
  readonly bytes: Uint8Array;
  readonly layout: TextLayout;
}

/** A PdfCopy with its layout packed for storing (deflated JSON): what an import's worker hands over. */
export interface PackedPdfCopy {
  readonly bytes: Uint8Array;
  readonly packedLayout: Uint8Array;
}

/** A letter as the store takes it: its PDF's layout as read, or already packed. */
export type StorableSource = Omit<LetterSource, 'pdf'> & { readonly pdf?: PdfCopy | PackedPdfCopy };

export const READ_ERROR_CODES = [
  'not-found',
  'unreadable',
  'unsupported-type',
  'empty-file',
  'too-large',
  'binary-file',
  'corrupt-pdf',
  'password-protected',
  'no-text-layer',
] as const;
export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];
