/**
 * PDF text via pdf.js: pages kept, joined like pdftotext ("...\n\f" per page), and where on its
 * page each stretch of the text sits (see shared/pages.ts), from the same pass over the text.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ReadErrorCode } from '../../../shared/source.ts';
import type { TextLayout } from '../../../shared/pages.ts';
import { layoutCollector } from './layout.ts';
import { pageText } from './pageText.ts';

export type PdfTextResult =
  | { readonly ok: true; readonly text: string; readonly pageOffsets: number[]; readonly layout: TextLayout }
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
  const loading = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: VerbosityLevel.ERRORS });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractionTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([readPages(await Promise.race([loading.promise, timeout])), timeout]);
  } catch (error) {
    return failure(error, timeoutMs);
  } finally {
    clearTimeout(timer);
    await loading.destroy().catch(() => undefined);
  }
}

async function readPages(document: PDFDocumentProxy): Promise<PdfTextResult> {
  const pageOffsets: number[] = [];
  const layout = layoutCollector();
  let text = '';
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const read = pageText(content, page.getViewport({ scale: 1 }));
    page.cleanup();
    pageOffsets.push(text.length);
    layout.addPage(number - 1, text.length, read.placed, content.styles);
    text += `${read.text.endsWith('\n') ? read.text : `${read.text}\n`}\f`;
  }
  if (text.replace(/\s/g, '').length < MIN_TEXT_CHARACTERS) {
    return { ok: false, code: 'no-text-layer', reason: 'the PDF has no text layer; it may be a scanned image' };
  }
  return { ok: true, text, pageOffsets, layout: layout.layout() };
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
