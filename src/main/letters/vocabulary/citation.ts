/** Building citations: one constructor so every source fills the same fields the same way. */
import type { Field, Span } from '../../../shared/letter.ts';
import type {
  CitationSource,
  CitationTopic,
  GuidelineCitation,
  Locator,
  MtusPart,
  OtherSourceKind,
  VocabularyWarning,
} from '../../../shared/vocabulary.ts';
import { trimSpan } from './text.ts';

export interface CitationParts {
  readonly source: CitationSource;
  readonly span: Span;
  readonly mtusPart?: MtusPart | null;
  readonly topic?: CitationTopic | null;
  readonly edition?: Field | null;
  readonly locators?: readonly Locator[];
  readonly otherKind?: OtherSourceKind | null;
  readonly mapped: boolean;
  readonly warnings?: readonly VocabularyWarning[];
}

export function citation(text: string, parts: CitationParts): GuidelineCitation {
  const span = trimSpan(text, parts.span[0], parts.span[1], ' ,;:');
  return {
    source: parts.source,
    span,
    text: text.slice(span[0], span[1]),
    mtusPart: parts.mtusPart ?? null,
    topic: parts.topic ?? null,
    edition: parts.edition ?? null,
    locators: parts.locators ?? [],
    otherKind: parts.otherKind ?? null,
    mapped: parts.mapped,
    warnings: parts.warnings ?? [],
  };
}

/** Whether text[start, end) holds anything but spaces and punctuation. */
export function hasWords(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}]/u.test(text.slice(start, end));
}

const YEAR = /\(?\b((?:19|20)\d{2})\b\)?(?![\d/])/;

/** The first four-digit year printed in text[start, end), as a field. */
export function yearIn(text: string, start: number, end: number): Field | null {
  const match = YEAR.exec(text.slice(start, end));
  if (!match?.[1]) return null;
  const at = start + match.index + match[0].indexOf(match[1]);
  return { value: match[1], span: [at, at + match[1].length] };
}
