/**
 * The letter's own pages beside (or instead of) its text: the PDF drawn by pdf.js, only the
 * pages in view, with every value's span boxed in its field's colour. Clicking a box focuses its
 * field; focusing a field scrolls its box into view; text selected on the page is what `s` gives
 * the focused field (in the page's order, where the text reads it in another). Runs the text
 * reads out of the page's order are outlined and numbered.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Span } from '../../../shared/letter.ts';
import type { StoredLetter } from '../../../shared/library.ts';
import type { FieldTarget } from '../fields.ts';
import { targetKey } from '../fields.ts';
import { selectedStretches } from '../pages/pageSelection.ts';
import { printedExtent } from '../pages/runBoxes.ts';
import type { PageFrame } from '../pages/runBoxes.ts';
import type { LetterPagesState } from '../pages/useLetterPages.ts';
import { usePageLayers, useValueBoxes, valueAt } from '../pages/usePageDrawing.ts';
import { usePixelRatio, useVisiblePages } from '../pages/useVisiblePages.ts';
import { PdfPage } from './PdfPage.tsx';

export interface PageViewProps {
  readonly letter: StoredLetter;
  readonly pages: Extract<LetterPagesState, { kind: 'pdf' }>;
  readonly focused: FieldTarget | null;
  readonly onFocusField: (target: FieldTarget) => void;
  readonly onSelectionChange: (spans: readonly Span[] | null) => void;
  /** Relative to the page's width fitting the pane: kept from letter to letter. */
  readonly zoom: number;
  readonly onZoom: (zoom: number | ((current: number) => number)) => void;
}

const PAGE_GAP = 12;
/** Points of the page's margin kept in view either side of the printed text at "Fit width" (room for a field's name). */
const PRINTED_MARGIN = 24;
const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4];

export const PageView = memo(function PageView({ letter, pages, focused, onFocusField, onSelectionChange, zoom, onZoom }: PageViewProps) {
  const { document, frames, layout } = pages;
  const scroller = useRef<HTMLDivElement>(null);
  const printed = useMemo(() => printedExtent(layout, letter.text, frames), [layout, letter.text, frames]);
  const fitScale = useFitScale(scroller, frames, printed);
  const scale = fitScale * zoom;
  usePrintInView(scroller, printed, scale);
  const pixelRatio = usePixelRatio();
  const visible = useVisiblePages(scroller, frames.length, scale);
  const layers = usePageLayers(layout, letter.text, frames);
  const boxes = useValueBoxes(letter, focused, layout, frames, layers.measure);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const activeKey = focused ? targetKey(focused) : null;
  const marked = layers.outOfOrder.reduce((sum, page) => sum + page.length, 0);
  const currentPage = useCurrentPage(scroller, frames.length);

  // Focusing a field brings its first box into view (the page scrolls only when it is not in view already).
  useEffect(() => {
    const root = scroller.current;
    if (!root || !activeKey) return;
    const page = boxes.findIndex((pageBoxes) => pageBoxes.some((box) => box.key === activeKey));
    const box = boxes[page]?.find((candidate) => candidate.key === activeKey);
    const element = root.querySelector<HTMLElement>(`[data-page="${page}"]`);
    if (!box || !element) return;
    const top = element.offsetTop + box.top * scale;
    const bottom = top + box.height * scale;
    if (top < root.scrollTop || bottom > root.scrollTop + root.clientHeight) root.scrollTop = top - root.clientHeight / 2 + (box.height * scale) / 2;
    const left = element.offsetLeft + box.left * scale;
    const right = left + box.width * scale;
    if (left < root.scrollLeft || right > root.scrollLeft + root.clientWidth) root.scrollLeft = left - root.clientWidth / 2 + (box.width * scale) / 2;
  }, [activeKey, boxes, scale]);

  /** The value under the pointer, on the page it is over. */
  const valueUnder = useCallback(
    (event: React.MouseEvent) => {
      const element = (event.target as HTMLElement).closest<HTMLElement>('[data-page]');
      if (!element) return null;
      const page = Number(element.dataset['page']);
      const rect = element.getBoundingClientRect();
      return valueAt(boxes[page] ?? [], (event.clientX - rect.left) / scale, (event.clientY - rect.top) / scale);
    },
    [boxes, scale],
  );

  const readSelection = () => onSelectionChange(pageSelection(scroller.current, letter.text));
  const zoomBy = useCallback((step: 1 | -1) => onZoom((current) => ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, ZOOM_STEPS.indexOf(current) + step))] as number), [onZoom]);

  // Ctrl+wheel zooms the pages, not the window (React's wheel listener cannot prevent the browser's zoom).
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return;
      event.preventDefault();
      zoomBy(event.deltaY < 0 ? 1 : -1);
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  return (
    <section className="page-view" aria-label="Source pages">
      <div className="page-tools">
        <button type="button" onClick={() => zoomBy(-1)} aria-label="Zoom out" title="Zoom out (Ctrl+wheel)" disabled={zoom <= ZOOM_STEPS[0]!}>
          −
        </button>
        <span className="page-zoom" aria-live="polite">{Math.round(scale * 100)}%</span>
        <button type="button" onClick={() => zoomBy(1)} aria-label="Zoom in" title="Zoom in (Ctrl+wheel)" disabled={zoom >= ZOOM_STEPS.at(-1)!}>
          +
        </button>
        <button type="button" onClick={() => onZoom(1)} disabled={zoom === 1} title="Fit the printed width of the page to the pane">
          Fit width
        </button>
        <span className="page-number">
          Page {currentPage + 1} of {frames.length}
        </span>
        {marked > 0 && (
          <span className="page-order-note" title="The extracted text reads the outlined stretches in another order than the page shows them (numbered as the text reads them). Select on the page to take a value in the page's order.">
            <span className="page-order-key" aria-hidden="true" />
            <span className="page-order-text">{marked} out of order</span>
          </span>
        )}
      </div>
      <div
        className="page-scroller"
        ref={scroller}
        tabIndex={0}
        aria-label="Pages of the source PDF"
        onMouseUp={readSelection}
        onKeyUp={readSelection}
        onClick={(event) => {
          // A drag that selected text ends in a click: selecting never moves the focus.
          if (window.getSelection()?.isCollapsed === false) return;
          const value = valueUnder(event);
          if (value) onFocusField(value.target);
        }}
        onMouseMove={(event) => {
          const key = valueUnder(event)?.key ?? null;
          if (key !== hoverKey) setHoverKey(key);
        }}
        onMouseLeave={() => setHoverKey(null)}
        data-hovering={hoverKey !== null ? 'true' : undefined}
        style={{ gap: PAGE_GAP }}
      >
        {frames.map((frame, index) => (
          <PdfPage
            key={index}
            document={document}
            index={index}
            count={frames.length}
            frame={frame}
            scale={scale}
            pixelRatio={pixelRatio}
            visible={visible.has(index)}
            layout={layout}
            text={letter.text}
            families={layers.families}
            order={layers.orders[index] ?? []}
            boxes={boxes[index] ?? []}
            outOfOrder={layers.outOfOrder[index] ?? []}
            activeKey={activeKey}
            hoverKey={hoverKey}
            printedLeft={printed?.left ?? 0}
          />
        ))}
      </div>
    </section>
  );
});

/** The page at the middle of the pane, followed as it scrolls. */
function useCurrentPage(scroller: React.RefObject<HTMLDivElement | null>, pageCount: number): number {
  const [current, setCurrent] = useState(0);
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const middle = root.scrollTop + root.clientHeight / 2;
        const pages = [...root.querySelectorAll<HTMLElement>('[data-page]')];
        const index = pages.findIndex((page) => page.offsetTop + page.offsetHeight + PAGE_GAP / 2 > middle);
        setCurrent(index < 0 ? pageCount - 1 : index);
      });
    };
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      root.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scroller, pageCount]);
  return current;
}

/**
 * Points to CSS pixels so the printed text, with a little of the margin, fits the pane's width:
 * the blank margins of a letter would otherwise take a fifth of a narrow pane. A page without
 * text fits whole, and no page is drawn smaller than its whole width would fit.
 */
function useFitScale(scroller: React.RefObject<HTMLDivElement | null>, frames: readonly PageFrame[], printed: { left: number; right: number } | null): number {
  const [width, setWidth] = useState(0);
  // Measured before the first paint, so the pages are laid out at their size from the start.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, [scroller]);
  const widest = Math.max(...frames.map((frame) => frame.width), 1);
  const fitted = printed ? Math.min(widest, printed.right - printed.left + 2 * PRINTED_MARGIN) : widest;
  return Math.max(0.25, (width - 2 * PAGE_GAP) / fitted);
}

/** Scrolls across to where the printed text begins, less the margin kept in view, at every scale (so at "Fit width" the print is in the middle). */
function usePrintInView(scroller: React.RefObject<HTMLDivElement | null>, printed: { left: number; right: number } | null, scale: number): void {
  useLayoutEffect(() => {
    const root = scroller.current;
    const page = root?.querySelector<HTMLElement>('[data-page]');
    if (!root || !page || !printed) return;
    root.scrollLeft = page.offsetLeft + (printed.left - PRINTED_MARGIN) * scale - PAGE_GAP;
  }, [scroller, printed, scale]);
}

/** The text selected on the pages, as stretches of the letter's text in the page's order. */
function pageSelection(root: HTMLElement | null, text: string): Span[] | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const pieces: Span[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('.textLayer [data-start]')) {
    if (!range.intersectsNode(element)) continue;
    const base = Number(element.dataset['start']);
    const length = element.textContent?.length ?? 0;
    const from = element.contains(range.startContainer) ? offsetIn(element, range.startContainer, range.startOffset) : 0;
    const to = element.contains(range.endContainer) ? offsetIn(element, range.endContainer, range.endOffset) : length;
    pieces.push([base + from, base + to]);
  }
  return selectedStretches(pieces, text);
}

/** A DOM position inside a text-layer span as a character offset into the span's text. */
function offsetIn(element: HTMLElement, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) return offset;
  return offset === 0 ? 0 : (element.textContent?.length ?? 0);
}
