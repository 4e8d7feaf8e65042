/**
 * Two values side by side, whole, with what differs marked: words only in the first are struck
 * through, words only in the second underlined (jsdiff's word diff, so a changed comma shows
 * as a changed word, not as a different value).
 */
import { diffWordsWithSpace } from 'diff';

export interface ValueDiffProps {
  readonly before: string | null;
  readonly after: string | null;
  /** Which side this cell shows. */
  readonly side: 'before' | 'after';
}

export function ValueDiff({ before, after, side }: ValueDiffProps) {
  const shown = side === 'before' ? before : after;
  if (shown === null || shown === '') return <span className="muted">—</span>;
  if (before === null || after === null) return <span className="diff-value">{shown}</span>;
  const parts = diffWordsWithSpace(before, after);
  return (
    <span className="diff-value">
      {parts.map((part, i) => {
        if (part.added) return side === 'after' ? <ins key={i}>{part.value}</ins> : null;
        if (part.removed) return side === 'before' ? <del key={i}>{part.value}</del> : null;
        return <span key={i}>{part.value}</span>;
      })}
    </span>
  );
}
