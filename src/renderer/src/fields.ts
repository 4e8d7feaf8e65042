/** How fields are named and coloured in the UI; the colour ties a value to its highlight in the source. */
import type { ItemField, LetterField, StoredLetter } from '../../shared/library.ts';
import { LETTER_FIELDS } from '../../shared/library.ts';

export interface FieldStyle {
  readonly label: string;
  /** CSS custom property name suffix (see styles.css). */
  readonly colour: string;
}

export const ITEM_FIELD_STYLES: Record<ItemField, FieldStyle> = {
  service: { label: 'Service', colour: 'service' },
  decision: { label: 'Decision', colour: 'decision' },
  claimsAdministratorGuideline: { label: 'Claims Administrator guideline', colour: 'ca' },
  maximusGuideline: { label: 'MAXIMUS guideline', colour: 'maximus' },
  rationale: { label: 'Decision rationale', colour: 'rationale' },
  originalRequest: { label: 'Original request', colour: 'partial' },
  authorizedByClaimsAdministrator: { label: 'Authorized by claims administrator', colour: 'partial' },
  imrEligiblePortion: { label: 'IMR-eligible portion', colour: 'partial' },
};

/** The item fields every item shows; the partial-certification ones only when present. */
export const MAIN_ITEM_FIELDS: readonly ItemField[] = ['service', 'claimsAdministratorGuideline', 'maximusGuideline', 'rationale'];
export const PARTIAL_ITEM_FIELDS: readonly ItemField[] = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'];

export const LETTER_FIELD_STYLES: Record<LetterField, FieldStyle> = {
  format: { label: 'Format', colour: 'meta' },
  caseNumber: { label: 'Case number', colour: 'meta' },
  dateAssigned: { label: 'Date assigned', colour: 'meta' },
  decisionDate: { label: 'Decision date', colour: 'meta' },
  dateOfInjury: { label: 'Date of injury', colour: 'meta' },
  urDenialDate: { label: 'UR denial date', colour: 'meta' },
  applicationReceived: { label: 'Application received', colour: 'meta' },
  priority: { label: 'Priority', colour: 'meta' },
  reviewerSpecialty: { label: 'Reviewer specialty', colour: 'reviewer' },
  reviewerLicensure: { label: 'Reviewer licensure', colour: 'reviewer' },
  reviewerSubspecialty: { label: 'Reviewer subspecialty', colour: 'reviewer' },
};

/** The letter fields the fields pane shows, in order (the format is shown in the title). */
export const LETTER_FIELD_ORDER: readonly LetterField[] = LETTER_FIELDS.filter((field) => field !== 'format');

/** The field the reviewer is working on: it receives text selected in the source. */
export type FieldTarget =
  | { readonly kind: 'item'; readonly itemId: number; readonly field: ItemField }
  | { readonly kind: 'letter'; readonly field: LetterField };

export function sameTarget(a: FieldTarget | null, b: FieldTarget | null): boolean {
  if (!a || !b || a.kind !== b.kind || a.field !== b.field) return false;
  return a.kind === 'letter' || a.itemId === (b as typeof a).itemId;
}

export function targetKey(target: FieldTarget): string {
  return target.kind === 'item' ? `item-${target.itemId}-${target.field}` : `letter-${target.field}`;
}

export function letterFieldValue(letter: StoredLetter, field: LetterField): string | null {
  switch (field) {
    case 'format':
      return letter.format;
    case 'caseNumber':
      return letter.caseNumber;
    case 'reviewerSpecialty':
      return letter.reviewerSpecialty;
    case 'reviewerLicensure':
      return letter.reviewerLicensure;
    case 'reviewerSubspecialty':
      return letter.reviewerSubspecialty;
    default:
      return letter.header?.[field] ?? null;
  }
}

/** How a notice or a screen reader names a field: "Case number", "Item 2 decision". */
export function describeTarget(letter: StoredLetter, target: FieldTarget): string {
  if (target.kind === 'letter') return LETTER_FIELD_STYLES[target.field].label;
  const number = letter.items.findIndex((item) => item.id === target.itemId) + 1;
  return `Item ${number} ${ITEM_FIELD_STYLES[target.field].label.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase())}`;
}
