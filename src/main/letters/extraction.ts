/** Flattens a parsed letter into the plain record the CLI prints and the exports build on. */
import type { ExtractedItem, ExtractionRecord } from '../../shared/extraction.ts';
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { Field, ParsedItem, ParsedLetter, Span } from '../../shared/letter.ts';

export function toExtractionRecord(file: string, sha256: string, letter: ParsedLetter): ExtractionRecord {
  const header = letter.header;
  return {
    file,
    sha256,
    format: letter.format,
    caseNumber: valueOf(letter.caseNumber),
    reviewerSpecialty: valueOf(letter.reviewer.specialty),
    reviewerLicensure: valueOf(letter.reviewer.licensure),
    reviewerSubspecialty: valueOf(letter.reviewer.subspecialty),
    header: header
      ? (Object.fromEntries(HEADER_FIELDS.map((name) => [name, valueOf(header[name])])) as ExtractionRecord['header'])
      : null,
    items: letter.items.map(toExtractedItem),
    warnings: [...letter.warnings],
    parserVersion: letter.parserVersion,
  };
}

function toExtractedItem(item: ParsedItem): ExtractedItem {
  const spans: Record<string, Span> = {};
  const fields: Record<string, Field | null> = {
    service: item.service,
    decision: item.decision,
    claimsAdministratorGuideline: item.claimsAdministratorGuideline,
    maximusGuideline: item.maximusGuideline,
    rationale: item.rationale,
    ...(item.partial
      ? {
          'partial.originalRequest': item.partial.originalRequest,
          'partial.authorizedByClaimsAdministrator': item.partial.authorizedByClaimsAdministrator,
          'partial.imrEligiblePortion': item.partial.imrEligiblePortion,
        }
      : {}),
  };
  for (const [name, field] of Object.entries(fields)) if (field) spans[name] = field.span;
  spans.item = item.span;
  return {
    service: valueOf(item.service),
    decision: item.decision?.value ?? null,
    claimsAdministratorGuideline: valueOf(item.claimsAdministratorGuideline),
    maximusGuideline: valueOf(item.maximusGuideline),
    rationale: valueOf(item.rationale),
    ...(item.partial
      ? {
          partial: {
            originalRequest: item.partial.originalRequest.value,
            authorizedByClaimsAdministrator: item.partial.authorizedByClaimsAdministrator.value,
            imrEligiblePortion: item.partial.imrEligiblePortion.value,
          },
        }
      : {}),
    spans,
    warnings: [...item.warnings],
  };
}

function valueOf<T extends string>(field: Field<T> | null): T | null {
  return field ? field.value : null;
}
