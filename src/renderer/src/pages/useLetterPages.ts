/**
 * The open letter's pages: its own copy of the PDF opened in pdf.js, each page's frame and the
 * text layout, or why there are none. The letters next to it in the queue are opened ahead, so
 * moving on (j, k) shows their first page at once; any other document is closed.
 */
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextLayout } from '../../../shared/pages.ts';
import { api } from '../api/client.ts';
import { openPdf } from './pdfDocument.ts';
import type { PageFrame } from './runBoxes.ts';

type NoPages = { readonly kind: 'none'; readonly reason: 'text-file' | 'no-copy' | 'unreadable' };
type OpenPages = { readonly kind: 'pdf'; readonly letterId: number; readonly document: PDFDocumentProxy; readonly frames: readonly PageFrame[]; readonly layout: TextLayout };
export type LetterPagesState = { readonly kind: 'loading' } | NoPages | OpenPages;

/** Documents open now, by letter: the one shown and the ones opened ahead. */
const opened = new Map<number, Promise<NoPages | OpenPages>>();
/** The same, once open: a letter opened ahead is shown in the same render that shows the letter. */
const ready = new Map<number, NoPages | OpenPages>();

function load(letterId: number): Promise<NoPages | OpenPages> {
  let pages = opened.get(letterId);
  if (!pages) {
    pages = (async (): Promise<NoPages | OpenPages> => {
      const stored = await api.getLetterPages(letterId);
      if (!stored || stored.kind === 'none') return { kind: 'none', reason: stored?.reason ?? 'no-copy' };
      const document = await openPdf(stored.pdfBase64);
      // pdf.js's worker reads the first page and loads its fonts (most of the time to a first
      // image) while the rest is set up, so drawing it later is quick.
      void document.getPage(1).then((page) => page.getOperatorList()).catch(() => undefined);
      const viewports = await Promise.all(Array.from({ length: document.numPages }, async (_, i) => (await document.getPage(i + 1)).getViewport({ scale: 1 })));
      return { kind: 'pdf', letterId, document, frames: viewports.map(({ width, height, transform }) => ({ width, height, transform })), layout: stored.layout };
    })();
    opened.set(letterId, pages);
    // A letter whose pages failed is asked for again the next time.
    pages.then(
      (loaded) => {
        if (opened.get(letterId) === pages) ready.set(letterId, loaded);
      },
      () => opened.delete(letterId),
    );
  }
  return pages;
}

/**
 * Starts opening a letter's pages before the letter itself is on screen (it is being loaded).
 * Resolves once pdf.js has them and is reading the first page on its own thread, so the letter
 * can be laid out meanwhile; never rejects (a failure shows when the pages are asked for).
 */
export function openLetterPagesEarly(letterId: number): Promise<void> {
  return load(letterId).then(
    () => undefined,
    () => undefined,
  );
}

/** Closes every document but those of `keep`. */
function closeOthers(keep: readonly number[]): void {
  for (const [letterId, pages] of opened) {
    if (keep.includes(letterId)) continue;
    opened.delete(letterId);
    ready.delete(letterId);
    void pages.then((loaded) => (loaded.kind === 'pdf' ? loaded.document.destroy() : undefined), () => undefined);
  }
}

/** `neighbours`: the letters to open ahead (the next and previous in the queue). */
export function useLetterPages(letterId: number, neighbours: readonly number[], onError: (message: string) => void): LetterPagesState {
  const [state, setState] = useState<{ readonly letterId: number; readonly pages: NoPages | OpenPages } | null>(null);
  const ahead = neighbours.join(',');
  useEffect(() => {
    let current = true;
    load(letterId).then(
      (pages) => current && setState({ letterId, pages }),
      (error: unknown) => {
        if (!current) return;
        setState({ letterId, pages: { kind: 'none', reason: 'unreadable' } });
        onError(`The page could not be shown: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [letterId, onError]);
  useEffect(() => {
    const keep = [letterId, ...ahead.split(',').filter(Boolean).map(Number)];
    closeOthers(keep);
    // Opened ahead once this letter's own are under way; a failure there is reported if that letter is opened.
    const timer = window.setTimeout(() => keep.slice(1).forEach((id) => void openLetterPagesEarly(id)), 300);
    return () => window.clearTimeout(timer);
  }, [letterId, ahead]);
  // Leaving the page view closes them all.
  useEffect(() => () => closeOthers([]), []);
  if (state?.letterId === letterId) return state.pages;
  return ready.get(letterId) ?? { kind: 'loading' };
}
