/**
 * The letter's source text, page by page, its paragraphs reflowed to the pane (see
 * sourceLayout.ts), with every extracted value highlighted in its field's colour, underline
 * pattern and a short label. Clicking a highlight focuses its field, but selecting text never
 * does: text selected here can be assigned to the focused field (its offsets become the field's
 * new span). The queue's search is marked where the full-text index matched.
 */
import { Fragment, memo, useEffect, useMemo, useRef } from 'react';
import type { Span } from '../../../shared/letter.ts';
import type { StoredLetter } from '../../../shared/library.ts';
import type { FieldTarget } from '../fields.ts';
import { sameTarget, targetKey } from '../fields.ts';
import type { Highlight } from '../highlights.ts';
import { HIGHLIGHT_LABELS, highlightsOf } from '../highlights.ts';
import { softBreaks } from '../sourceLayout.ts';

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly highlight: Highlight | null;
  /** A printed line break inside a paragraph, shown as a space. */
  readonly soft: boolean;
}

export interface SourcePaneProps {
  readonly letter: StoredLetter;
  readonly focused: FieldTarget | null;
  /** Where the queue's search matched, as [start, end) offsets. */
  readonly marks: readonly Span[];
  readonly onFocusField: (target: FieldTarget) => void;
  readonly onSelectionChange: (span: Span | null) => void;
}

/**
 * Cuts the text at every highlight edge and around every soft line break; each piece shows its
 * innermost (shortest) highlight.
 */
export function segmentText(length: number, highlights: readonly Highlight[], soft: ReadonlyArray<readonly [number, number]> = []): Segment[] {
  const edges = new Set([0, length]);
  for (const { span } of highlights) {
    edges.add(Math.max(0, Math.min(length, span[0])));
    edges.add(Math.max(0, Math.min(length, span[1])));
  }
  const softStarts = new Map(soft.map(([start, end]) => [start, end]));
  for (const [start, end] of soft) {
    edges.add(start);
    edges.add(end);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    let best: Highlight | null = null;
    for (const h of highlights) {
      if (h.span[0] <= start && h.span[1] >= end && (!best || h.span[1] - h.span[0] < best.span[1] - best.span[0])) best = h;
    }
    segments.push({ start, end, highlight: best, soft: softStarts.get(start) === end });
  }
  return segments;
}

export const SourcePane = memo(function SourcePane({ letter, focused, marks, onFocusField, onSelectionChange }: SourcePaneProps) {
  const container = useRef<HTMLDivElement>(null);
  const soft = useMemo(() => softBreaks(letter.text), [letter.text]);
  const segments = useMemo(() => segmentText(letter.text.length, highlightsOf(letter, focused), soft), [letter, focused, soft]);

  useEffect(() => {
    if (!focused) return;
    const mark = container.current?.querySelector(`[data-target="${targetKey(focused)}"]`);
    mark?.scrollIntoView({ block: 'center', behavior: 'auto' });
  }, [focused]);

  useEffect(() => markSearch(container.current, marks), [segments, marks]);

  const readSelection = () => onSelectionChange(selectionSpan(container.current));
  /** The highlight whose value starts here is labelled once. */
  const labelled = new Set<string>();
  let page = 1;
  return (
    <section className="source" ref={container} onMouseUp={readSelection} onKeyUp={readSelection} aria-label="Source text" tabIndex={0}>
      <div className="page-label">Page 1</div>
      {segments.map((segment) => {
        const text = letter.text.slice(segment.start, segment.end);
        const pieces = text.split('\f');
        let offset = segment.start;
        return pieces.map((piece, i) => {
          const pieceStart = offset;
          offset += piece.length + 1;
          // A form feed ends a page; only text after it starts a new one.
          const startsPage = i > 0 && letter.text.slice(pieceStart).trim() !== '';
          const breakBefore = startsPage ? <div key={`p${pieceStart}`} className="page-label page-break">Page {++page}</div> : null;
          if (piece === '') return breakBefore;
          const h = segment.highlight;
          const active = h !== null && sameTarget(h.target, focused);
          const softClass = segment.soft ? ' soft' : '';
          const key = h ? targetKey(h.target) : null;
          const firstOfValue = key !== null && !segment.soft && piece.trim() !== '' && !labelled.has(key);
          if (firstOfValue) labelled.add(key);
          return (
            <Fragment key={pieceStart}>
              {breakBefore}
              {h ? (
                <mark
                  data-start={pieceStart}
                  data-target={targetKey(h.target)}
                  data-label={firstOfValue ? HIGHLIGHT_LABELS[h.colour] : undefined}
                  className={`hl hl-${h.colour}${active ? ' hl-active' : ''}${softClass}`}
                  title={h.label}
                  onClick={() => {
                    // A drag that selected text ends in a click: selecting never moves the focus.
                    if (window.getSelection()?.isCollapsed !== false) onFocusField(h.target);
                  }}
                >
                  {piece}
                </mark>
              ) : (
                <span data-start={pieceStart} className={segment.soft ? 'soft' : undefined}>
                  {piece}
                </span>
              )}
            </Fragment>
          );
        });
      })}
    </section>
  );
});

/** The selected range as offsets into the letter text, or null when nothing is selected here. */
function selectionSpan(root: HTMLElement | null): Span | null {
  const selection = window.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null || start === end) return null;
  return [Math.min(start, end), Math.max(start, end)];
}

function offsetOf(root: HTMLElement, node: Node, nodeOffset: number): number | null {
  if (!root.contains(node)) return null;
  const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest('[data-start]');
  if (!element) return null;
  const base = Number((element as HTMLElement).dataset['start']);
  return node.nodeType === Node.TEXT_NODE ? base + nodeOffset : base;
}

/**
 * Marks the search's matches with the CSS Custom Highlight API: no extra elements, so the field
 * highlights and the selection offsets stay untouched. Each match becomes one range over the
 * text nodes it covers, however the highlights cut it.
 */
function markSearch(root: HTMLElement | null, marks: readonly Span[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete('search');
  if (!root || marks.length === 0) return;
  const pieces = [...root.querySelectorAll<HTMLElement>('[data-start]')].flatMap((element) => {
    const node = element.firstChild;
    return node && node.nodeType === Node.TEXT_NODE ? [{ start: Number(element.dataset['start']), node, length: node.textContent?.length ?? 0 }] : [];
  });
  const locate = (offset: number, isEnd: boolean) => {
    const piece = pieces.find((p) => offset >= p.start && (offset < p.start + p.length || (isEnd && offset === p.start + p.length)));
    return piece ? ([piece.node, offset - piece.start] as const) : null;
  };
  const ranges: Range[] = [];
  for (const [start, end] of marks) {
    const from = locate(start, false);
    const to = locate(end, true);
    if (!from || !to) continue;
    const range = new Range();
    range.setStart(...from);
    range.setEnd(...to);
    ranges.push(range);
  }
  CSS.highlights.set('search', new Highlight(...ranges));
}
