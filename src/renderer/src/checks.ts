/** The rule checks' findings as the fields pane shows them: which value each belongs to. */
import type { CheckFinding } from '../../shared/derived.ts';
import type { StoredLetter } from '../../shared/library.ts';
import type { FieldTarget } from './fields.ts';
import { LETTER_FIELD_ORDER, sameTarget } from './fields.ts';

/** The value a finding is about; a letter-level finding on a field the pane does not show goes to the first letter field. */
export function findingTarget(letter: StoredLetter, finding: CheckFinding): FieldTarget | null {
  if (finding.itemIndex !== undefined) {
    const item = letter.items[finding.itemIndex];
    if (!item) return null;
    return { kind: 'item', itemId: item.id, field: finding.field as Extract<FieldTarget, { kind: 'item' }>['field'] };
  }
  const field = LETTER_FIELD_ORDER.find((candidate) => candidate === finding.field) ?? LETTER_FIELD_ORDER[0]!;
  return { kind: 'letter', field };
}

/** The findings on one value. */
export function checksOn(letter: StoredLetter, target: FieldTarget): CheckFinding[] {
  return letter.checks.filter((finding) => sameTarget(findingTarget(letter, finding), target));
}
