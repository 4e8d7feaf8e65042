/**
 * One chart, drawn by the shared chart code into this page at the width it is given, with its
 * bars as buttons (click, or Tab then Enter) that open their items in the queue, and Save
 * PNG / Save SVG.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChartBar, ChartDocument, ChartSpec } from '../../../charts/index.ts';
import { BAR_ATTRIBUTE } from '../../../charts/index.ts';
import { savePng, saveSvg } from './download.ts';

export interface ChartFigureProps {
  readonly chart: ChartSpec;
  /** Whether the chart shows its own title: not when the card around it says it. */
  readonly titled: boolean;
  readonly onSelect: (bar: ChartBar) => void;
  readonly onError: (message: string) => void;
}

/** The page's document is the DOM the chart code draws into; what it draws are SVG elements. */
const page = document as unknown as ChartDocument;

/** Widths are rounded so a window resized by a few pixels does not redraw every chart. */
const WIDTH_STEP = 20;

export function ChartFigure({ chart, titled, onSelect, onError }: ChartFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(480, Math.floor(element.clientWidth / WIDTH_STEP) * WIDTH_STEP));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const drawn = useMemo(() => (width === 0 ? null : chart.draw(page, width, titled)), [chart, width, titled]);
  const svg = drawn?.svg as unknown as SVGSVGElement | undefined;
  useEffect(() => {
    if (!drawn || !svg || !host.current) return;
    for (const element of svg.querySelectorAll(`[${BAR_ATTRIBUTE}]`)) {
      const bar = drawn.bars[Number(element.getAttribute(BAR_ATTRIBUTE))];
      if (!bar) continue;
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', `${bar.label}: open in the queue`);
    }
    host.current.replaceChildren(svg);
  }, [drawn, svg]);

  const barOf = (target: EventTarget | null): ChartBar | undefined => {
    const element = (target as Element | null)?.closest?.(`[${BAR_ATTRIBUTE}]`);
    return element ? drawn?.bars[Number(element.getAttribute(BAR_ATTRIBUTE))] : undefined;
  };
  const fileName = `imr-insights-${chart.id}`;
  // A saved chart always carries its title.
  const saved = () => chart.draw(page, width).svg as unknown as SVGSVGElement;
  return (
    <figure className="insight-chart">
      <div className="chart-tools">
        <button type="button" disabled={!svg} onClick={() => savePng(`${fileName}.png`, saved()).catch((error: Error) => onError(error.message))}>
          Save PNG
        </button>
        <button type="button" disabled={!svg} onClick={() => saveSvg(`${fileName}.svg`, saved())}>
          Save SVG
        </button>
      </div>
      <div
        ref={host}
        className="chart-host"
        data-chart={chart.id}
        onClick={(event) => {
          const bar = barOf(event.target);
          if (bar) onSelect(bar);
        }}
        onKeyDown={(event) => {
          const bar = barOf(event.target);
          if (bar && (event.key === 'Enter' || event.key === ' ')) {
            event.preventDefault();
            onSelect(bar);
          }
        }}
      />
    </figure>
  );
}
