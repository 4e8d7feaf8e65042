/**
 * The open letter's pages: its own copy of the PDF opened in pdf.js, each page's frame and the
 * text layout, or why there are none. The document is closed when another letter opens.
 */
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextLayout } from '../../../shared/pages.ts';
import { api } from '../api/client.ts';
import { openPdf } from './pdfDocument.ts';
import type { PageFrame } from './runBoxes.ts';

export type LetterPagesState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'none'; readonly reason: 'text-file' | 'no-copy' | 'unreadable' }
  | { readonly kind: 'pdf'; readonly letterId: number; readonly document: PDFDocumentProxy; readonly frames: readonly PageFrame[]; readonly layout: TextLayout };

export function useLetterPages(letterId: number, onError: (message: string) => void): LetterPagesState {
  const [state, setState] = useState<LetterPagesState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    let opened: PDFDocumentProxy | null = null;
    setState({ kind: 'loading' });
    void (async () => {
      const pages = await api.getLetterPages(letterId);
      if (!current) return;
      if (!pages || pages.kind === 'none') {
        setState({ kind: 'none', reason: pages?.reason ?? 'no-copy' });
        return;
      }
      opened = await openPdf(pages.pdfBase64);
      if (!current) return void opened.destroy();
      const frames: PageFrame[] = [];
      for (let number = 1; number <= opened.numPages; number++) {
        const { width, height, transform } = (await opened.getPage(number)).getViewport({ scale: 1 });
        frames.push({ width, height, transform });
      }
      if (current) setState({ kind: 'pdf', letterId, document: opened, frames, layout: pages.layout });
    })().catch((error: unknown) => {
      if (!current) return;
      setState({ kind: 'none', reason: 'unreadable' });
      onError(`The page could not be shown: ${error instanceof Error ? error.message : String(error)}`);
    });
    return () => {
      current = false;
      void opened?.destroy();
    };
  }, [letterId, onError]);
  return state;
}
