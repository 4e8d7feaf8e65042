/** PDF text via pdf-parse (pdf.js): pages kept, joined like pdftotext ("...\n\f" per page). */
import { PDFParse } from 'pdf-parse';
import type { ReadErrorCode } from '../../../shared/source.ts';

export type PdfTextResult =
  | { readonly ok: true; readonly text: string; readonly pageOffsets: number[] }
  | {
      readonly ok: false;
      readonly code: Extract<ReadErrorCode, 'corrupt-pdf' | 'password-protected' | 'no-text-layer'>;
      readonly reason: string;
      readonly cause?: unknown;
    };

/** A letter has thousands of characters; a scan's stray marks give a handful at most. */
const MIN_TEXT_CHARACTERS = 20;

class ExtractionTimeout extends Error {}

export async function extractPdfText(bytes: Uint8Array, timeoutMs: number): Promise<PdfTextResult> {
  // A copy: pdf.js may take over (detach) the buffer it is given.
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractionTimeout()), timeoutMs);
  });
  try {
    // No cell separator: pdf-parse would add "\t" after pdf.js's own space between table cells
    // ("Case Number: \tCM16-..."), so real letters would read unlike each other.
    const result = await Promise.race([parser.getText({ cellSeparator: '' }), timeout]);
    return joinPages(result.pages.map((page) => page.text));
  } catch (error) {
    return failure(error, timeoutMs);
  } finally {
    clearTimeout(timer);
    await parser.destroy().catch(() => undefined);
  }
}

function joinPages(pageTexts: readonly string[]): PdfTextResult {
  const pageOffsets: number[] = [];
  let text = '';
  for (const pageText of pageTexts) {
    pageOffsets.push(text.length);
    text += `${pageText.endsWith('\n') ? pageText : `${pageText}\n`}\f`;
  }
  if (text.replace(/\s/g, '').length < MIN_TEXT_CHARACTERS) {
    return { ok: false, code: 'no-text-layer', reason: 'the PDF has no text layer; it may be a scanned image' };
  }
  return { ok: true, text, pageOffsets };
}

function failure(error: unknown, timeoutMs: number): PdfTextResult {
  if (error instanceof ExtractionTimeout) {
    return {
      ok: false,
      code: 'corrupt-pdf',
      reason: `reading the PDF did not finish within ${Math.round(timeoutMs / 1000)} s; it may be damaged`,
    };
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return { ok: false, code: 'password-protected', reason: 'the PDF is password-protected', cause: error };
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return { ok: false, code: 'corrupt-pdf', reason: `the PDF is damaged or not a valid PDF${detail}`, cause: error };
}
