/** A value's text with some stretches of it marked (what the vocabulary read there); marks may overlap or come in any order. */
import type { ReactElement } from 'react';
import type { Span } from '../../../shared/letter.ts';

export function MarkedText({ text, marks }: { readonly text: string; readonly marks: readonly Span[] }) {
  if (marks.length === 0) return <>{text}</>;
  // Overlapping marks are joined, so every character is marked at most once.
  const joined: [number, number][] = [];
  for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
    const last = joined.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else joined.push([Math.max(0, start), Math.min(text.length, end)]);
  }
  const parts: ReactElement[] = [];
  let at = 0;
  for (const [start, end] of joined) {
    if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
    if (end > start) parts.push(<mark key={`m${start}`} className="reading-mark">{text.slice(start, end)}</mark>);
    at = Math.max(at, end);
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <>{parts}</>;
}
