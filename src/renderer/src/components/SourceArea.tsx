/**
 * The source column: the letter's text, its pages, or both side by side (`p` goes round them).
 * A letter without pages (a text file, a PDF imported before the library kept copies) shows its
 * text, saying why there is no page.
 */
import { useState } from 'react';
import type { Span } from '../../../shared/letter.ts';
import type { StoredLetter } from '../../../shared/library.ts';
import type { FieldTarget } from '../fields.ts';
import type { LetterPagesState } from '../pages/useLetterPages.ts';
import { useLetterPages } from '../pages/useLetterPages.ts';
import { PageView } from './PageView.tsx';
import { SourcePane } from './SourcePane.tsx';

export const SOURCE_VIEWS = ['text', 'both', 'page'] as const;
export type SourceView = (typeof SOURCE_VIEWS)[number];

const VIEW_LABELS: Record<SourceView, string> = { text: 'Text', both: 'Both', page: 'Page' };

export interface SourceAreaProps {
  readonly letter: StoredLetter;
  readonly view: SourceView;
  readonly focused: FieldTarget | null;
  readonly marks: readonly Span[];
  /** The letters before and after this one in the queue: their pages are opened ahead. */
  readonly neighbours: readonly number[];
  readonly onView: (view: SourceView) => void;
  readonly onFocusField: (target: FieldTarget) => void;
  readonly onSelectionChange: (spans: readonly Span[] | null) => void;
  readonly onError: (message: string) => void;
}

const WHY_NO_PAGE: Record<Extract<LetterPagesState, { kind: 'none' }>['reason'], string> = {
  'text-file': 'This letter was imported from a text file, which has no pages: only its text can be shown.',
  'no-copy': 'This PDF was imported before the library kept a copy of each PDF. Import its file again to see its pages.',
  unreadable: 'The copy of this PDF could not be drawn: only its text can be shown.',
};

export function SourceArea(props: SourceAreaProps) {
  const { view } = props;
  return (
    <div className={`source-area view-${view}`}>
      <div className="source-toolbar">
        <div className="view-switch" role="radiogroup" aria-label="Source view (p)">
          {SOURCE_VIEWS.map((option) => (
            <button key={option} type="button" role="radio" aria-checked={view === option} className={view === option ? 'on' : undefined} onClick={() => props.onView(option)} title="Text, both side by side, or the page (p)">
              {VIEW_LABELS[option]}
            </button>
          ))}
        </div>
      </div>
      {view === 'text' ? <Text {...props} /> : <WithPages {...props} />}
    </div>
  );
}

function Text({ letter, focused, marks, onFocusField, onSelectionChange }: SourceAreaProps) {
  return <SourcePane letter={letter} focused={focused} marks={marks} onFocusField={onFocusField} onSelectionChange={(span) => onSelectionChange(span && [span])} />;
}

function WithPages(props: SourceAreaProps) {
  const pages = useLetterPages(props.letter.id, props.neighbours, props.onError);
  const [zoom, setZoom] = useState(1);
  if (pages.kind === 'none') {
    return (
      <div className="source-panes source-with-note">
        <p className="no-page" role="note">
          {WHY_NO_PAGE[pages.reason]}
        </p>
        <Text {...props} />
      </div>
    );
  }
  return (
    <div className="source-panes">
      {props.view === 'both' && <Text {...props} />}
      {pages.kind === 'pdf' ? (
        <PageView key={pages.letterId} letter={props.letter} pages={pages} focused={props.focused} onFocusField={props.onFocusField} onSelectionChange={props.onSelectionChange} zoom={zoom} onZoom={setZoom} />
      ) : (
        <section className="page-view" aria-label="Source pages" aria-busy="true">
          <p className="page-loading muted">Loading the pages…</p>
        </section>
      )}
    </div>
  );
}
