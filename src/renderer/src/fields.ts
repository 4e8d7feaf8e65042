/** How fields are named and coloured in the UI; the colour ties a value to its highlight in the source. */
import type { ItemField, LetterField, StoredLetter } from '../../shared/library.ts';
import { ITEM_FIELD_LABELS, LETTER_FIELD_LABELS } from '../../shared/fieldLabels.ts';
import { LETTER_FIELDS } from '../../shared/library.ts';

export interface FieldStyle {
  readonly label: string;
  /** CSS custom property name suffix (see styles.css). */
  readonly colour: string;
}

const ITEM_FIELD_COLOURS: Record<ItemField, string> = {
  service: 'service',
  decision: 'decision',
  claimsAdministratorGuideline: 'ca',
  maximusGuideline: 'maximus',
  rationale: 'rationale',
  originalRequest: 'partial',
  authorizedByClaimsAdministrator: 'partial',
  imrEligiblePortion: 'partial',
};

export const ITEM_FIELD_STYLES = styles(ITEM_FIELD_COLOURS, ITEM_FIELD_LABELS);

/** The item fields every item shows; the partial-certification ones only when present. */
export const MAIN_ITEM_FIELDS: readonly ItemField[] = ['service', 'claimsAdministratorGuideline', 'maximusGuideline', 'rationale'];
export const PARTIAL_ITEM_FIELDS: readonly ItemField[] = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'];

const LETTER_FIELD_COLOURS: Record<LetterField, string> = {
  format: 'meta',
  caseNumber: 'meta',
  dateAssigned: 'meta',
  decisionDate: 'meta',
  dateOfInjury: 'meta',
  urDenialDate: 'meta',
  applicationReceived: 'meta',
  priority: 'meta',
  reviewerSpecialty: 'reviewer',
  reviewerLicensure: 'reviewer',
  reviewerSubspecialty: 'reviewer',
};

export const LETTER_FIELD_STYLES = styles(LETTER_FIELD_COLOURS, LETTER_FIELD_LABELS);

function styles<F extends string>(colours: Record<F, string>, labels: Readonly<Record<F, string>>): Record<F, FieldStyle> {
  return Object.fromEntries(Object.entries(colours).map(([field, colour]) => [field, { label: labels[field as F], colour }])) as Record<F, FieldStyle>;
}

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

/**
 * A field's label inside a sentence, read as the fields pane labels it: only a label in plain
 * sentence case ("Decision rationale") starts in lower case there. One whose later words or
 * first word are capitalised is a name ("Claims Administrator guideline", "MAXIMUS guideline",
 * "UR denial date") and stays as labelled.
 */
export function labelInSentence(label: string): string {
  const [first = '', ...rest] = label.split(' ');
  const plainFirst = /^[A-Z][^A-Z]*$/.test(first);
  const plainRest = rest.every((word) => word === word.toLowerCase());
  return plainFirst && plainRest ? first.toLowerCase() + label.slice(first.length) : label;
}

/** How a notice or a screen reader names a field: "Case number", "Item 2 decision". */
export function describeTarget(letter: StoredLetter, target: FieldTarget): string {
  if (target.kind === 'letter') return LETTER_FIELD_STYLES[target.field].label;
  const number = letter.items.findIndex((item) => item.id === target.itemId) + 1;
  return `Item ${number} ${labelInSentence(ITEM_FIELD_STYLES[target.field].label)}`;
}
