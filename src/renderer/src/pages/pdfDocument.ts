/**
 * pdf.js in the renderer: loaded the first time a page is shown, one worker for every letter,
 * and everything from the app's own files (the worker script, the fallback fonts), so it runs
 * under the app's Content-Security-Policy: no eval (isEvalSupported off), no WebAssembly (the
 * JPEG 2000 and ICC decoders are left out).
 */
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');

/**
 * Fonts a PDF names without embedding them (the real letters' Arial and Times New Roman) are
 * drawn in the system's own fonts of those names, as the letter's author saw them, and where the
 * system has none in pdf.js's Liberation and Foxit fonts, which the build keeps under their own
 * names in one folder. The browser loads those as web fonts once for every letter; pdf.js would
 * otherwise parse a copy for each letter on its worker (most of the time to a first page), asking
 * this thread for every font while the letter is being laid out.
 */
const FONT_URLS = Object.entries(
  import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url', import: 'default', eager: true }),
).map(([path, url]) => ({ name: path.slice(path.lastIndexOf('/') + 1), url: new URL(url, document.baseURI).href }));

/** Checked when a PDF is opened, so a build that scattered the fonts fails the page view, saying why, and nothing else. */
function fontFolder(): string {
  const first = FONT_URLS[0];
  const folder = first ? first.url.slice(0, first.url.length - first.name.length) : '';
  const strays = FONT_URLS.filter(({ name, url }) => url !== folder + name);
  if (!first || strays.length > 0) throw new Error(`pdf.js's standard fonts are not in one folder under their own names: ${strays.map(({ url }) => url).join(', ')}`);
  return folder;
}

let loaded: Promise<{ pdfjs: PdfJs; worker: PDFWorker }> | null = null;

/** pdf.js and its worker, started on first use (a few hundred ms once; then every letter reuses them). */
export function loadPdfJs(): Promise<{ pdfjs: PdfJs; worker: PDFWorker }> {
  loaded ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return { pdfjs, worker: new pdfjs.PDFWorker() };
  });
  return loaded;
}

export async function openPdf(base64: string): Promise<PDFDocumentProxy> {
  const { pdfjs, worker } = await loadPdfJs();
  return pdfjs.getDocument({
    data: Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)),
    worker,
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: true,
    standardFontDataUrl: fontFolder(),
    useWorkerFetch: true,
    enableXfa: false,
  }).promise;
}

const turns = new WeakMap<PDFDocumentProxy, Promise<void>>();

/**
 * Runs page drawings of one document one after another, in the order they were asked for (the
 * pages in view first), each shown before the next begins: pdf.js's single worker would
 * otherwise share itself among them, and the page the reviewer looks at would come last.
 */
export function inTurn<T>(document: PDFDocumentProxy, draw: () => Promise<T>): Promise<T> {
  const previous = turns.get(document) ?? Promise.resolve();
  const result = previous.then(draw);
  turns.set(document, result.then(nextFrameShown, nextFrameShown));
  return result;
}

/**
 * Resolves once the browser has shown a frame: pdf.js draws a page in one run of the main
 * thread, so the next page's drawing would otherwise hold back the frame that shows this one.
 */
function nextFrameShown(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
