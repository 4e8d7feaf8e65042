/**
 * The letter parser: text in, a structured letter with source spans and warnings out.
 * Pure: no I/O, no Electron, never throws on any input.
 */
import { HEADER_FIELDS } from '../../../shared/letter.ts';
import type {
  Field,
  HeaderFieldName,
  LetterFormat,
  LetterHeader,
  ParsedItem,
  ParsedLetter,
  ParseWarning,
  ReviewerCredentials,
  Span,
} from '../../../shared/letter.ts';
import {
  credentialsBlockStart,
  hasCredentialsBlock,
  NO_CREDENTIALS,
  parseCredentialsBlock,
  parseProseCredentials,
} from './credentials.ts';
import { parseCaseNumber, parseHeader } from './header.ts';
import { parseItems } from './items.ts';
import { parseF2013Items, parseF3Items } from './legacy.ts';
import { notALetter } from './notALetter.ts';
import { CASE_SUMMARY_INTRO, HEADINGS, ITEMS_INTRO } from './sections.ts';
import { fieldAt, findIn } from './text.ts';

/** Reading the items of one stretch of text (a split item's second half), and trimming a span, for the review services. */
export { parseItems } from './items.ts';
export { trimSpan } from './text.ts';

/** Bump when a change to the parser can change its output: re-parse keys on it. */
export const PARSER_VERSION = '1.2.0';

/** Where the header table can end when no heading follows it. */
const HEADER_TABLE_MAX_CHARS = 3000;

export function parseLetter(text: string): ParsedLetter {
  try {
    return parseAny(text);
  } catch (error) {
    // A parser bug must not lose the letter: keep it, empty, with the reason.
    return {
      ...emptyLetter('unknown'),
      warnings: [{ code: 'unknown-format', message: `The parser failed on this letter: ${String(error)}`, field: 'format' }],
    };
  }
}

function parseAny(text: string): ParsedLetter {
  if (findIn(text, HEADINGS.professionalReview, 0, 400)) return parseF3(text);
  if (findIn(text, HEADINGS.notice2013, 0, 2000)) return parseF2013(text);
  const reason = notALetter(text);
  if (reason) return { ...emptyLetter('unknown'), warnings: [{ code: 'not-a-letter', message: reason, field: 'format' }] };
  return parseF1Like(text);
}

/** F1 and anything shaped like it (F2, unknown): header table, credentials, case summary, items. */
function parseF1Like(text: string): ParsedLetter {
  const howMade = findIn(text, HEADINGS.howMade);
  const afterHowMade = howMade?.end ?? 0;
  const caseSummary = findIn(text, HEADINGS.caseSummary, afterHowMade);
  const itemsHeading =
    findIn(text, HEADINGS.items, caseSummary?.end ?? afterHowMade) ??
    findIn(text, HEADINGS.decisionsAndRationales, caseSummary?.end ?? afterHowMade);
  const headerEnd = howMade?.start ?? caseSummary?.start ?? Math.min(text.length, HEADER_TABLE_MAX_CHARS);

  const credentialsEnd = caseSummary?.start ?? itemsHeading?.start ?? text.length;
  const block = hasCredentialsBlock(text, afterHowMade, credentialsEnd);
  const reviewer = block
    ? parseCredentialsBlock(text, credentialsBlockStart(text, afterHowMade, credentialsEnd), credentialsEnd)
    : parseProseCredentials(text, afterHowMade, credentialsEnd);

  const summaryIntro = caseSummary ? findIn(text, CASE_SUMMARY_INTRO, caseSummary.end, itemsHeading?.start) : null;
  const clinicalCaseSummary = caseSummary
    ? fieldAt(text, summaryIntro?.end ?? caseSummary.end, itemsHeading?.start ?? text.length)
    : null;

  // The intro sentence follows the heading; without a heading, look for it after the summary.
  const itemsIntro = findIn(text, ITEMS_INTRO, itemsHeading?.end ?? caseSummary?.end ?? afterHowMade);
  const itemsFrom = itemsIntro?.end ?? itemsHeading?.end ?? caseSummary?.end ?? afterHowMade;
  const { items, warnings: itemWarnings } = parseItems(text, itemsFrom, text.length, itemsIntro !== null || itemsHeading !== null);

  // F1 is recognised by its items, whether or not their heading survived extraction.
  const format = detectFormat(text, itemsHeading !== null || items.length > 0, block, reviewer);
  const header = parseHeader(text, headerEnd);
  const caseNumber = parseCaseNumber(text, headerEnd);
  return {
    parserVersion: PARSER_VERSION,
    format,
    caseNumber,
    header,
    reviewer,
    clinicalCaseSummary,
    itemsSection: itemsHeading ? [itemsHeading.start, text.length] : null,
    items,
    warnings: [
      ...letterWarnings({ format, header, caseNumber, reviewer, block, itemsSection: itemsHeading, items }),
      ...itemWarnings,
    ],
  };
}

function detectFormat(text: string, hasF1Items: boolean, block: boolean, reviewer: ReviewerCredentials): LetterFormat {
  if (findIn(text, HEADINGS.decisionsAndRationales) && findIn(text, HEADINGS.documentsReviewed)) return 'F2';
  if (!hasF1Items) return 'unknown';
  if (block) return 'F1-credentials-block';
  return reviewer.specialty ? 'F1-prose-credentials' : 'unknown';
}

function parseF2013(text: string): ParsedLetter {
  const qualifications = findIn(text, /Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer\s*:/i);
  const reviewer = parseProseCredentials(text, qualifications?.end ?? 0, text.length);
  return legacyLetter(text, 'F2013', parseF2013Items(text), reviewer);
}

function parseF3(text: string): ParsedLetter {
  const { items, qualifications } = parseF3Items(text);
  const reviewer = qualifications ? parseProseCredentials(text, qualifications[0], qualifications[1]) : NO_CREDENTIALS;
  return legacyLetter(text, 'F3', items, reviewer);
}

function legacyLetter(text: string, format: LetterFormat, items: ParsedItem[], reviewer: ReviewerCredentials): ParsedLetter {
  const headerEnd = Math.min(text.length, HEADER_TABLE_MAX_CHARS);
  const header = parseHeader(text, headerEnd);
  const caseNumber = parseCaseNumber(text, headerEnd);
  return {
    ...emptyLetter(format),
    caseNumber,
    header,
    reviewer,
    items,
    warnings: [
      { code: 'best-effort-format', message: `Letter format ${format} is only partly known; check every value.`, field: 'format' },
      ...letterWarnings({ format, header, caseNumber, reviewer, block: false, itemsSection: { start: 0 }, items }),
    ],
  };
}

function emptyLetter(format: LetterFormat): ParsedLetter {
  return {
    parserVersion: PARSER_VERSION,
    format,
    caseNumber: null,
    header: null,
    reviewer: NO_CREDENTIALS,
    clinicalCaseSummary: null,
    itemsSection: null,
    items: [],
    warnings: [],
  };
}

function letterWarnings(letter: {
  format: LetterFormat;
  header: LetterHeader | null;
  caseNumber: Field | null;
  reviewer: ReviewerCredentials;
  /** The credentials are a labelled block (values run from label to label). */
  block: boolean;
  itemsSection: { start: number } | Span | null;
  items: readonly ParsedItem[];
}): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const warn = (code: ParseWarning['code'], message: string, field?: string) =>
    warnings.push(field ? { code, message, field } : { code, message });
  if (letter.format === 'unknown') warn('unknown-format', 'The letter does not match any known format.', 'format');
  if (!letter.header) warn('header-missing', 'No header table (case number, dates) was found.', 'header');
  else {
    if (!letter.caseNumber) warn('case-number-missing', 'The header has no case number.', 'caseNumber');
    for (const name of HEADER_FIELDS) {
      if (!letter.header[name]) warn('header-field-missing', `The header table has no readable ${HEADER_LABELS[name]}.`, name);
    }
  }
  const { specialty, licensure } = letter.reviewer;
  if (!specialty) warn('credentials-missing', "The expert reviewer's specialty was not found.", 'reviewerSpecialty');
  if (!licensure) warn('credentials-missing', "The expert reviewer's states of licensure were not found.", 'reviewerLicensure');
  // In the block each value runs to the next label, and the licensure comes first: without
  // the specialty label, the licensure runs on over the specialty.
  if (letter.block && licensure && !specialty) {
    const message = 'The "Certification(s)/Specialty:" label was not found, so this value may include the specialty.';
    warn('field-boundary-uncertain', message, 'reviewerLicensure');
  }
  if (!letter.itemsSection) warn('items-section-missing', 'The "IMR ISSUES, DECISIONS AND RATIONALES" section was not found.');
  if (letter.items.length === 0) warn('no-items', 'No decision items were found.');
  return warnings;
}

const HEADER_LABELS: Record<HeaderFieldName, string> = {
  dateAssigned: '"Date Assigned"',
  decisionDate: '"Decision Date"',
  priority: '"Priority"',
  dateOfInjury: '"Date of Injury"',
  urDenialDate: '"UR Denial Date"',
  applicationReceived: '"Application Received" date',
};
