/**
 * Where a PDF letter's text sits on its pages, kept at import: every pdf.js text item as a run of
 * the extracted text ([start, end) offsets, the same offsets every span uses) with the item's own
 * geometry, so any span maps to boxes on the page. Coordinates are PDF user space (points, y up).
 */

/** pdf.js's text matrix of an item: [a, b, c, d, e, f]; (e, f) is the baseline origin. */
export type TextTransform = readonly [number, number, number, number, number, number];

export interface TextRun {
  /** 0-based page index. */
  readonly page: number;
  /** [start, end) in the letter's text: exactly the item's characters. */
  readonly start: number;
  readonly end: number;
  readonly transform: TextTransform;
  /** Advance along the baseline, and the font height, in points. */
  readonly width: number;
  readonly height: number;
  /** Index into TextLayout.fonts. */
  readonly font: number;
}

/** What pdf.js knows of a run's font: ascent and descent as shares of the font size. */
export interface RunFont {
  readonly ascent: number;
  readonly descent: number;
  readonly vertical: boolean;
}

export interface TextLayout {
  readonly fonts: readonly RunFont[];
  /** In text order. */
  readonly runs: readonly TextRun[];
}

/**
 * A letter's pages as the page view shows them: the app's own copy of the PDF and its layout, or
 * why there is none (a text file has no pages; a PDF imported before copies were kept has no copy).
 */
export type LetterPages =
  | { readonly kind: 'pdf'; readonly pdfBase64: string; readonly layout: TextLayout }
  | { readonly kind: 'none'; readonly reason: 'text-file' | 'no-copy' };
