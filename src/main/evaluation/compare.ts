/**
 * Scores an extraction against a gold file, per field, with the two match rules of
 * ../shared/letters/README.md: exact after whitespace folding, and loose after also
 * dropping hyphens, case-folding and folding curly quotes and dashes to ASCII.
 */
import type { ExtractionRecord } from '../../shared/extraction.ts';
import { HEADER_FIELDS } from '../../shared/letter.ts';
import { foldExact } from '../../shared/fold.ts';

export interface GoldItem {
  service: string;
  decision: string;
  claimsAdministratorGuideline: string;
  maximusGuideline: string;
  rationale: string;
  partial?: { originalRequest: string; authorizedByClaimsAdministrator: string; imrEligiblePortion: string };
}

export interface GoldLetter {
  format: string;
  caseNumber: string | null;
  reviewerSpecialty: string | null;
  reviewerLicensure: string | null;
  items: GoldItem[];
  extra?: { header?: Record<string, string | null> | null; reviewerSubspecialty?: string | null };
}

export interface FieldResult {
  field: string;
  exact: boolean;
  loose: boolean;
  expected: string | null;
  actual: string | null;
}

export interface LetterScore {
  fields: FieldResult[];
  itemCountMatches: boolean;
  allExact: boolean;
}

const ITEM_FIELDS = ['service', 'decision', 'claimsAdministratorGuideline', 'maximusGuideline', 'rationale'] as const;
const PARTIAL_FIELDS = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'] as const;

function foldLoose(value: string | null | undefined): string | null {
  const exact = foldExact(value);
  if (exact === null) return null;
  return exact
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/-/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function scoreLetter(actual: ExtractionRecord, gold: GoldLetter): LetterScore {
  const fields: FieldResult[] = [];
  const check = (field: string, expected: string | null | undefined, value: string | null | undefined) => {
    fields.push({
      field,
      exact: foldExact(expected) === foldExact(value),
      loose: foldLoose(expected) === foldLoose(value),
      expected: expected ?? null,
      actual: value ?? null,
    });
  };
  check('format', gold.format, actual.format);
  check('caseNumber', gold.caseNumber, actual.caseNumber);
  check('reviewerSpecialty', gold.reviewerSpecialty, actual.reviewerSpecialty);
  check('reviewerLicensure', gold.reviewerLicensure, actual.reviewerLicensure);
  check('reviewerSubspecialty', gold.extra?.reviewerSubspecialty ?? null, actual.reviewerSubspecialty);
  const goldHeader = gold.extra?.header ?? null;
  for (const name of HEADER_FIELDS) check(`header.${name}`, goldHeader?.[name] ?? null, actual.header?.[name] ?? null);
  // Items are matched to gold in order.
  const count = Math.max(gold.items.length, actual.items.length);
  for (let i = 0; i < count; i++) {
    const expected = gold.items[i];
    const got = actual.items[i];
    for (const name of ITEM_FIELDS) check(`items.${name}`, expected?.[name] ?? null, got?.[name] ?? null);
    if (expected?.partial || got?.partial) {
      for (const name of PARTIAL_FIELDS) {
        check(`items.partial.${name}`, expected?.partial?.[name] ?? null, got?.partial?.[name] ?? null);
      }
    }
  }
  const itemCountMatches = gold.items.length === actual.items.length;
  return { fields, itemCountMatches, allExact: itemCountMatches && fields.every((f) => f.exact) };
}
