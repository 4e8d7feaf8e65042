/**
 * Flattens a parsed letter into the plain record the CLI prints and the exports build on, with
 * the rule checks' findings and each item's vocabulary. Span keys are the field names the
 * library and the exports use.
 */
import type { ExtractedItem, ExtractionRecord } from '../../shared/extraction.ts';
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { Field, ParsedItem, ParsedLetter, Span } from '../../shared/letter.ts';
import { runChecks } from './checks/index.ts';
import { derivableOfParsed, letterVocabularies } from './derive.ts';
import type { ItemVocabulary } from '../../shared/derived.ts';
import { exportedStructure } from './structureRecord.ts';

export function toExtractionRecord(file: string, sha256: string, letter: ParsedLetter): ExtractionRecord {
  const header = letter.header;
  const derivable = derivableOfParsed(letter);
  const vocabularies = letterVocabularies(derivable.items);
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
    items: letter.items.map((item, index) => ({ ...toExtractedItem(item), structure: exportedStructure(vocabularies[index] as ItemVocabulary) })),
    warnings: [...letter.warnings],
    checks: runChecks(derivable),
    parserVersion: letter.parserVersion,
  };
}

function toExtractedItem(item: ParsedItem): Omit<ExtractedItem, 'structure'> {
  const spans: Record<string, Span> = {};
  const fields: Record<string, Field | null> = {
    service: item.service,
    decision: item.decision,
    claimsAdministratorGuideline: item.claimsAdministratorGuideline,
    maximusGuideline: item.maximusGuideline,
    rationale: item.rationale,
    ...(item.partial
      ? {
          originalRequest: item.partial.originalRequest,
          authorizedByClaimsAdministrator: item.partial.authorizedByClaimsAdministrator,
          imrEligiblePortion: item.partial.imrEligiblePortion,
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
