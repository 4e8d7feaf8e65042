/**
 * Whether a text is a DWC IMR letter at all. A document with none of the letter's
 * parts (a plain list of services, a health-plan IMR from the DMHC program) gets one
 * clear warning instead of items read from its "X: Upheld" lines.
 */
import { HEADINGS, ITEM_LABELS, ITEMS_INTRO } from './sections.ts';
import { findIn } from './text.ts';

/** A DWC letter's headings; one is near the top of almost every letter, so most texts stop here. */
const LETTER_HEADINGS: readonly RegExp[] = [HEADINGS.howMade, HEADINGS.caseSummary, HEADINGS.items, HEADINGS.decisionsAndRationales];
/** The other parts only a DWC letter has: its items intro and field labels, its case number. */
const LETTER_PARTS: readonly RegExp[] = [ITEMS_INTRO, ...Object.values(ITEM_LABELS), /Case\s+Number\s*:\s*CM\d{2}-\d/];

/** The health-plan program's name; DWC letters speak of a claims administrator, never of it. */
const DMHC = /Department\s+of\s+Managed\s+Health\s+Care|\bDMHC\b|Decision\s+of\s+(?:the\s+)?Health\s+Plan/i;
const DWC = /Claims\s+Administrator|workers['’]?\s+compensation|\bDWC\b/i;

/** Why `text` is not a letter, or null when it has at least one part of one (and is no DMHC document without headings). */
export function notALetter(text: string): string | null {
  if (text.trim() === '') return 'The text is empty: there is no letter to read.';
  if (LETTER_HEADINGS.some((heading) => findIn(text, heading))) return null;
  if (findIn(text, DMHC) && !findIn(text, DWC)) {
    return (
      'This is a health-plan Independent Medical Review document (Department of Managed Health Care), ' +
      "not a workers' compensation IMR letter: nothing was read from it."
    );
  }
  if (LETTER_PARTS.some((part) => findIn(text, part))) return null;
  return (
    'This is not an IMR Final Determination Letter: none of its headings, field labels or its case number ' +
    'was found, so nothing was read from it.'
  );
}
