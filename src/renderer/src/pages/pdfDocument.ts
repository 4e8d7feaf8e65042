/**
 * pdf.js in the renderer: loaded the first time a page is shown, one worker for every letter,
 * and everything from the app's own files (the worker script, the standard fonts), so it runs
 * under the app's Content-Security-Policy: no eval (isEvalSupported off), no WebAssembly (the
 * JPEG 2000 and ICC decoders are left out), no fonts from the system (the same page everywhere).
 */
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');

/** pdf.js's standard fonts (Foxit and Liberation), for PDFs that name a font without embedding it. */
const FONT_URLS = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url', import: 'default', eager: true }),
  ).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

/** pdf.js's StandardFontDataFactory: each font fetched once, from the app's own files. */
class AppStandardFonts {
  static readonly #cache = new Map<string, Promise<Uint8Array>>();

  fetch({ filename }: { filename: string }): Promise<Uint8Array> {
    const url = FONT_URLS[filename];
    if (!url) return Promise.reject(new Error(`pdf.js asked for a font the app does not have: ${filename}`));
    let data = AppStandardFonts.#cache.get(filename);
    if (!data) {
      data = fetch(url).then(async (response) => new Uint8Array(await response.arrayBuffer()));
      AppStandardFonts.#cache.set(filename, data);
    }
    // pdf.js hands the bytes to its worker, which takes them over: each document gets its own copy.
    return data.then((bytes) => bytes.slice());
  }
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
    useSystemFonts: false,
    StandardFontDataFactory: AppStandardFonts,
    enableXfa: false,
  }).promise;
}

const turns = new WeakMap<PDFDocumentProxy, Promise<void>>();

/**
 * Runs page drawings of one document one after another, in the order they were asked for (the
 * pages in view first): pdf.js's single worker would otherwise share itself among them, and the
 * page the reviewer looks at would come last.
 */
export function inTurn<T>(document: PDFDocumentProxy, draw: () => Promise<T>): Promise<T> {
  const previous = turns.get(document) ?? Promise.resolve();
  const result = previous.then(draw);
  turns.set(document, result.then(() => undefined, () => undefined));
  return result;
}
