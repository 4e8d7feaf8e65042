/**
 * What two simulated reviewers type in the merge property tests: few values, so that both sides
 * often pick the same one, dates both as printed and as ISO; and a random step of a session.
 */
import fc from 'fast-check';
import type { ItemField, LetterField } from '../../src/shared/library.ts';

export const LETTER_VALUES: Partial<Record<LetterField, readonly (string | null)[]>> = {
  caseNumber: ['CM16-0000911', 'CM16-0000912'],
  decisionDate: ['01/06/2017', '2017-01-06', '02/01/2017', null],
  reviewerSpecialty: ['Pain Medicine', 'Neurology'],
};
export const ITEM_VALUES: Partial<Record<ItemField, readonly (string | null)[]>> = {
  service: ['Lumbar MRI', 'MRI of the spine'],
  decision: ['Upheld', 'Overturned', null],
  rationale: ['Criteria met.', 'Criteria not met.'],
};
export const FLAG_REASONS = ['Check item 2', 'Page 3 is missing'];

/** One step of a session: on which letter, which operation, and two numbers that pick its values. */
export interface Step {
  readonly letter: number;
  readonly op: number;
  readonly a: number;
  readonly b: number;
}

export function steps(letters: number, operations: number): fc.Arbitrary<Step> {
  return fc.record({ letter: fc.nat(letters - 1), op: fc.nat(operations - 1), a: fc.nat(100), b: fc.nat(100) });
}

export function pick<T>(values: readonly T[], n: number): T {
  return values[n % values.length] as T;
}
