/** A parsed letter as the checks read it: its values without spans. */
import { HEADER_FIELDS } from '../../../shared/letter.ts';
import type { Field, ParsedLetter } from '../../../shared/letter.ts';
import type { CheckableLetter } from './types.ts';

export function toCheckableLetter(letter: ParsedLetter): CheckableLetter {
  const header = letter.header;
  return {
    caseNumber: valueOf(letter.caseNumber),
    header: header ? Object.fromEntries(HEADER_FIELDS.map((name) => [name, valueOf(header[name])])) as CheckableLetter['header'] : null,
    reviewerLicensure: valueOf(letter.reviewer.licensure),
    items: letter.items.map((item) => ({
      service: valueOf(item.service),
      decision: valueOf(item.decision),
      claimsAdministratorGuideline: valueOf(item.claimsAdministratorGuideline),
      maximusGuideline: valueOf(item.maximusGuideline),
      rationale: valueOf(item.rationale),
    })),
  };
}

function valueOf(field: Field | null): string | null {
  return field ? field.value : null;
}
