/**
 * One page of the letter's PDF: while it is in view, its image drawn by pdf.js at the screen's
 * own resolution (redrawn at every zoom, so it stays sharp), its text laid over it for selecting
 * (in the page's reading order), and every value's boxes; out of view, an empty frame of the
 * page's size, its image let go.
 */
import { memo, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextLayout } from '../../../shared/pages.ts';
import { inTurn, loadPdfJs } from '../pages/pdfDocument.ts';
import type { OrderedRun } from '../pages/readingOrder.ts';
import type { PageFrame } from '../pages/runBoxes.ts';
import type { OrderMark, ValueBox } from '../pages/usePageDrawing.ts';
import { HIGHLIGHT_LABELS } from '../highlights.ts';

export interface PdfPageProps {
  readonly document: PDFDocumentProxy;
  readonly index: number;
  readonly count: number;
  readonly frame: PageFrame;
  /** CSS pixels per point. */
  readonly scale: number;
  readonly pixelRatio: number;
  readonly visible: boolean;
  readonly layout: TextLayout;
  readonly text: string;
  /** The family each font's text is laid out in (fontFamilies.ts). */
  readonly families: readonly string[];
  readonly order: readonly OrderedRun[];
  readonly boxes: readonly ValueBox[];
  readonly outOfOrder: readonly OrderMark[];
  readonly activeKey: string | null;
  readonly hoverKey: string | null;
  /** Where the printed text begins, in points: fields are named in the margin before it. */
  readonly printedLeft: number;
}

/** Beyond this many pixels a page's image is drawn coarser and scaled up: one page never takes more than 64 MB. */
const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

const percent = (value: number, whole: number) => `${((100 * value) / whole).toFixed(3)}%`;

export const PdfPage = memo(function PdfPage(props: PdfPageProps) {
  const { document, index, count, frame, scale, pixelRatio, visible, layout, text, families, order, boxes, outOfOrder, activeKey, hoverKey, printedLeft } = props;
  const image = useRef<HTMLDivElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const element = useRef<HTMLDivElement>(null);
  /** The scale the image in view was last drawn at: the text over it is laid out once it is there. */
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  /** The focused value's first box on this page, and the one under the pointer: their fields are named in the margin beside them. */
  const active = boxes.find((box) => box.key === activeKey) ?? null;
  const hovered = hoverKey !== activeKey ? (boxes.find((box) => box.key === hoverKey) ?? null) : null;

  // The image: drawn into a fresh canvas that replaces the old one once done, so a zoom never flashes blank.
  useEffect(() => {
    const holder = image.current;
    if (!visible || !holder) return;
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    const canvas = window.document.createElement('canvas');
    void inTurn(document, async () => {
      if (cancelled) return;
      const page = await document.getPage(index + 1);
      const viewport = page.getViewport({ scale });
      const ratio = Math.min(pixelRatio, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      task = page.render({ canvas, viewport, transform: [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (cancelled) return;
      holder.replaceChildren(canvas);
      setDrawnAt(scale);
      element.current?.setAttribute('data-painted', 'true');
      element.current?.dispatchEvent(new CustomEvent('page-painted', { bubbles: true }));
    }).catch(() => undefined);
    return () => {
      cancelled = true;
      task?.cancel();
      canvas.width = 0;
      canvas.height = 0;
    };
  }, [document, index, scale, pixelRatio, visible]);

  // Out of view: the image goes, and pdf.js lets go of the page's resources.
  useEffect(() => {
    if (visible) return;
    for (const old of image.current?.querySelectorAll('canvas') ?? []) {
      old.width = 0;
      old.height = 0;
    }
    image.current?.replaceChildren();
    setDrawnAt(null);
    element.current?.removeAttribute('data-painted');
    void document.getPage(index + 1).then((page) => page.cleanup());
  }, [document, index, visible]);

  // The text over the image: pdf.js's text layer, fed the stored runs in the page's reading order,
  // laid out after the image is drawn so it never holds up the first sight of the page.
  const textReady = visible && drawnAt !== null;
  useEffect(() => {
    const holder = textLayer.current;
    if (!textReady || !holder) return;
    let layer: { cancel(): void } | null = null;
    let cancelled = false;
    void (async () => {
      const [{ pdfjs }, page] = await Promise.all([loadPdfJs(), document.getPage(index + 1)]);
      if (cancelled) return;
      const runs = order.map(({ run }) => layout.runs[run]!);
      const styles = Object.fromEntries(
        layout.fonts.map((font, i) => [`f${i}`, { fontFamily: families[i] ?? 'serif', ascent: font.ascent, descent: font.descent, vertical: font.vertical }]),
      );
      const items = runs.map((run) => ({ str: text.slice(run.start, run.end), dir: 'ltr', transform: [...run.transform], width: run.width, height: run.height, fontName: `f${run.font}`, hasEOL: false }));
      holder.replaceChildren();
      const rendering = new pdfjs.TextLayer({ textContentSource: { items, styles, lang: 'en' }, container: holder, viewport: page.getViewport({ scale }) });
      layer = rendering;
      await rendering.render();
      if (cancelled) return;
      rendering.textDivs.forEach((div, i) => {
        div.dataset['start'] = String(runs[i]!.start);
      });
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      layer?.cancel();
      holder.replaceChildren();
    };
  }, [document, index, scale, textReady, order, layout, text, families]);

  return (
    <div
      ref={element}
      className="pdf-page"
      data-page={index}
      style={{ width: frame.width * scale, height: frame.height * scale, ['--total-scale-factor' as string]: scale }}
      role="img"
      aria-label={`Page ${index + 1} of ${count}`}
    >
      <div className="pdf-image" ref={image} />
      {visible && (
        <div className="pdf-boxes" aria-hidden="true">
          {boxes.map((box, i) => (
            <div
              key={`${box.key}-${i}`}
              className={`page-box hl-${box.colour}${box.key === activeKey ? ' hl-active' : ''}${box.key === hoverKey ? ' page-box-hover' : ''}`}
              data-target={box.key}
              style={{ left: percent(box.left, frame.width), top: percent(box.top, frame.height), width: percent(box.width, frame.width), height: percent(box.height, frame.height) }}
            />
          ))}
          {[active, hovered].map(
            (box) =>
              box && (
                <div key={box.key} className={`page-margin-label${box === hovered ? ' hover' : ''}`} style={{ left: percent(printedLeft, frame.width), top: percent(box.top + box.height / 2, frame.height) }}>
                  {HIGHLIGHT_LABELS[box.colour]}
                </div>
              ),
          )}
          {outOfOrder.map((box) => (
            <div
              key={`order-${box.number}`}
              className="page-order"
              data-number={box.number}
              style={{ left: percent(box.left, frame.width), top: percent(box.top, frame.height), width: percent(box.width, frame.width), height: percent(box.height, frame.height) }}
            />
          ))}
        </div>
      )}
      <div className="textLayer" ref={textLayer} />
    </div>
  );
});
