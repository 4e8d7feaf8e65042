/**
 * Partial certifications: the item header is three sentences naming the original
 * request, what the claims administrator authorized and the part left for IMR.
 *
 * The header is split by finding its fixed phrases one after another. Every pattern
 * starts with a literal word, so a search costs one pass over the header: a pattern
 * that starts with a lazy group or with `\s+` retries at every character and turns
 * quadratic on long headers.
 */
import type { PartialCertification, Span } from '../../../shared/letter.ts';
import { PARTIAL_PHRASES } from './sections.ts';
import { fieldAt } from './text.ts';

interface Phrase {
  readonly start: number;
  readonly end: number;
}

/** Splits a partial-certification service (its span in `text`); null for an ordinary service. */
export function splitPartial(text: string, service: Span): PartialCertification | null {
  const header = text.slice(service[0], service[1]);
  const parts = splitRemaining(header) ?? splitLeaving(header);
  if (!parts) return null;
  const field = ([start, end]: Span) => fieldAt(text, service[0] + start, service[0] + end);
  const [originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion] = parts.map(field);
  if (!originalRequest || !authorizedByClaimsAdministrator || !imrEligiblePortion) return null;
  return { originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion };
}

/**
 * "<A> was the original request. <B> was authorized by the Claims Administrator.
 *  The remaining IMR eligible portion of the original request, <C>[ is]"
 */
function splitRemaining(header: string): [Span, Span, Span] | null {
  const original = first(header, 'original', 0, true);
  if (!original) return null;
  // B ends at the first "was authorized ..." that the "remaining" sentence follows.
  for (let from = original.end; ; ) {
    const authorized = first(header, 'authorizedBy', from, true);
    if (!authorized) return null;
    const remaining = rightAfter(header, 'remaining', authorized.end);
    if (remaining) return [[0, original.start], [original.end, authorized.start], [remaining.end, eligibleEnd(header)]];
    from = authorized.end;
  }
}

/**
 * "<A> was the original request. The Claims Administrator authorized <B>, leaving the
 *  original request IMR eligible. The original request, <A'>[ is]"
 */
function splitLeaving(header: string): [Span, Span, Span] | null {
  // A ends at the first "was the original request." that the authorizing sentence follows.
  for (let from = 0; ; ) {
    const original = first(header, 'original', from, true);
    if (!original) return null;
    const authorized = rightAfter(header, 'administratorAuthorized', original.end);
    if (authorized) {
      const leaving = first(header, 'leaving', authorized.end, false);
      if (!leaving) return null;
      return [[0, original.start], [authorized.end, leaving.start], [leaving.end, eligibleEnd(header)]];
    }
    from = original.end;
  }
}

type PhraseName = keyof typeof PARTIAL_PHRASES;
/** Each phrase compiled once for searching (global) and for matching at a position (sticky). */
const SEARCH = compiled('gi');
const AT = compiled('iy');

function compiled(flags: string): Record<PhraseName, RegExp> {
  const entries = Object.entries(PARTIAL_PHRASES).map(([name, pattern]) => [name, new RegExp(pattern.source, flags)]);
  return Object.fromEntries(entries) as Record<PhraseName, RegExp>;
}

/** First match of a phrase at or after `from`; with `spaceBefore`, only one that follows whitespace. */
function first(header: string, phrase: PhraseName, from: number, spaceBefore: boolean): Phrase | null {
  const search = SEARCH[phrase];
  search.lastIndex = from;
  for (let match = search.exec(header); match; match = search.exec(header)) {
    if (!spaceBefore || /\s/.test(header[match.index - 1] ?? '')) {
      return { start: match.index, end: match.index + match[0].length };
    }
    search.lastIndex = match.index + 1;
  }
  return null;
}

/** A phrase right after `from`, past whitespace (at least one character of it). */
function rightAfter(header: string, phrase: PhraseName, from: number): Phrase | null {
  let start = from;
  while (start < header.length && /\s/.test(header[start] as string)) start++;
  if (start === from) return null;
  const sticky = AT[phrase];
  sticky.lastIndex = start;
  const match = sticky.exec(header);
  return match ? { start, end: start + match[0].length } : null;
}

/** The eligible portion runs to the end of the header, without a trailing " is". */
function eligibleEnd(header: string): number {
  let end = header.length;
  while (end > 0 && /\s/.test(header[end - 1] as string)) end--;
  const endsWithIs = header.slice(end - 2, end).toLowerCase() === 'is' && /\s/.test(header[end - 3] ?? '');
  return endsWithIs ? end - 3 : end;
}
