/** The letter's section headings and fixed sentences, tolerant of any line or page break. */
import { phrase } from './text.ts';

export const HEADINGS = {
  howMade: phrase('HOW THE IMR FINAL DETERMINATION WAS MADE'),
  caseSummary: phrase('CLINICAL CASE SUMMARY'),
  items: phrase('IMR ISSUES, DECISIONS AND RATIONALES'),
  /** F2's items heading. */
  decisionsAndRationales: /IMR\s+DECISION\(S\)\s+AND\s+RATIONALE\(S\)/,
  documentsReviewed: phrase('DOCUMENTS REVIEWED'),
  /** F3 opens with this. */
  professionalReview: phrase('MEDICAL PROFESSIONAL REVIEW'),
  /** F2013 opens with this. */
  notice2013: phrase('Notice of Independent Medical Review Determination', 'i'),
} as const;

export const CASE_SUMMARY_INTRO =
  /developed\s+the\s+following\s+clinical\s+case\s+summary\s+based\s+on\s+a\s+review\s+of\s+the\s+case\s+file,\s+including\s+all\s+medical\s+records\s*:/i;

export const ITEMS_INTRO =
  /The\s+Final\s+Determination\s+was\s+based\s+on\s+decisions\s+for\s+the\s+disputed\s+items\s*\/\s*services\s+set\s+forth\s+below\s*:/i;

export const ITEM_LABELS = {
  claimsAdministrator: /Claims\s+Administrator\s+guideline\s*:/i,
  maximus: /MAXIMUS\s+guideline\s*:/i,
  rationale: /Decision\s+rationale\s*:/i,
} as const;

/** The fixed phrases of a partial-certification header. Each starts with a literal word (see partial.ts). */
export const PARTIAL_PHRASES = {
  original: /was\s+the\s+original\s+request\s*\./i,
  authorizedBy: /was\s+authorized\s+by\s+the\s+Claims\s+Administrator\s*\./i,
  remaining: /The\s+remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request\s*,/i,
  administratorAuthorized: /The\s+Claims\s+Administrator\s+authorized\b/i,
  leaving: /,\s*leaving\s+the\s+original\s+request\s+IMR\s+eligible\s*\.\s+The\s+original\s+request\s*,/i,
  /** Where the eligible portion starts, in either wording. */
  eligible: /original\s+request\s*,/gi,
} as const;
