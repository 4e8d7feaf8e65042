/**
 * One line of `imr-review extract` output (JSONL), and the shape the exports and
 * the evaluation build on. Plain values; spans sit beside them.
 */
import type { CheckFinding } from './derived.ts';
import type { ExportedStructure } from './export.ts';
import type { Decision, HeaderFieldName, LetterFormat, ParseWarning, Span } from './letter.ts';

export interface ExtractedPartial {
  originalRequest: string;
  authorizedByClaimsAdministrator: string;
  imrEligiblePortion: string;
}

export interface ExtractedItem {
  service: string | null;
  decision: Decision | null;
  claimsAdministratorGuideline: string | null;
  maximusGuideline: string | null;
  rationale: string | null;
  partial?: ExtractedPartial;
  spans: Record<string, Span>;
  warnings: ParseWarning[];
  /** The vocabulary's reading of the item. */
  structure: ExportedStructure;
}

export interface ExtractionRecord {
  file: string;
  sha256: string;
  format: LetterFormat;
  caseNumber: string | null;
  reviewerSpecialty: string | null;
  reviewerLicensure: string | null;
  reviewerSubspecialty: string | null;
  header: Record<HeaderFieldName, string | null> | null;
  items: ExtractedItem[];
  warnings: ParseWarning[];
  /** The rule checks' findings (default settings). */
  checks: CheckFinding[];
  parserVersion: string;
}

export interface ExtractionFailure {
  file: string;
  error: { code: string; message: string };
}
