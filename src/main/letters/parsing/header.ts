/** The page-1 header table: case number, dates and priority, in layout or reading order. */
import type { Field, LetterHeader } from '../../../shared/letter.ts';
import type { Hit } from './text.ts';
import { fieldAt, findIn } from './text.ts';

const DATE = String.raw`(\d{1,2}/\d{1,2}/\d{2,4})`;

/** Each label is followed, possibly after line breaks, by its value. */
const HEADER_PATTERNS: Record<keyof LetterHeader, RegExp> = {
  dateAssigned: new RegExp(String.raw`Date\s+Assigned\s*:[ \t]*` + DATE),
  decisionDate: new RegExp(String.raw`Decision\s+Date\s*:[ \t]*` + DATE),
  dateOfInjury: new RegExp(String.raw`Date\s+of\s+Injury\s*:[ \t]*` + DATE),
  urDenialDate: new RegExp(String.raw`UR\s+Denial\s+Date\s*:[ \t]*` + DATE),
  // The label wraps ("Application" / "Received:"); the value sits after either part.
  applicationReceived: new RegExp(String.raw`Application\s*(?:Received\s*:\s*)?` + DATE),
  priority: /Priority\s*:[ \t]*(Standard|Expedited|Urgent|Regular)\b/i,
};

const CASE_NUMBER = /Case\s+Number\s*:[ \t]*([A-Z]{2}\d{2}-\d{4,})/;

export function parseCaseNumber(text: string, to: number): Field | null {
  const found = findIn(text, CASE_NUMBER, 0, to);
  return found ? groupField(text, found, 1) : null;
}

/** Reads the header table from text[0, to); null when none of its labels is there. */
export function parseHeader(text: string, to: number): LetterHeader | null {
  const header = {} as Record<keyof LetterHeader, Field | null>;
  let any = false;
  for (const [name, pattern] of Object.entries(HEADER_PATTERNS) as [keyof LetterHeader, RegExp][]) {
    const found = findIn(text, pattern, 0, to);
    header[name] = found ? groupField(text, found, 1) : null;
    any ||= header[name] !== null;
  }
  return any ? header : null;
}

function groupField(text: string, hit: Hit, group: number): Field | null {
  const value = hit.match[group];
  if (value === undefined) return null;
  const start = hit.start + hit.match[0].lastIndexOf(value);
  return fieldAt(text, start, start + value.length);
}
