/**
 * Every extracted value's highlight: its span, its field's colour and label, the field it focuses.
 * The text view and the page view show the same ones.
 */
import type { Span } from '../../shared/letter.ts';
import type { ItemField, LetterField, StoredLetter } from '../../shared/library.ts';
import type { FieldTarget } from './fields.ts';
import { ITEM_FIELD_STYLES, LETTER_FIELD_STYLES } from './fields.ts';

export interface Highlight {
  readonly span: Span;
  readonly colour: string;
  readonly target: FieldTarget;
  readonly label: string;
}

const PARTIAL_FIELDS = new Set<string>(['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion']);

/**
 * Every value's highlight. The parts of a partial certification lie inside its service, so
 * they show only while one of them is focused; otherwise the service reads as one piece.
 */
export function highlightsOf(letter: StoredLetter, focused: FieldTarget | null): Highlight[] {
  const highlights: Highlight[] = [];
  for (const [field, spans] of Object.entries(letter.spans)) {
    const style = LETTER_FIELD_STYLES[field as LetterField];
    if (!style) continue;
    for (const span of spans) highlights.push({ span, colour: style.colour, target: { kind: 'letter', field: field as LetterField }, label: style.label });
  }
  letter.items.forEach((item, index) => {
    const showParts = focused?.kind === 'item' && focused.itemId === item.id && PARTIAL_FIELDS.has(focused.field);
    for (const [field, spans] of Object.entries(item.spans)) {
      const style = ITEM_FIELD_STYLES[field as ItemField];
      if (!style) continue; // the whole-item span is not a value
      if (PARTIAL_FIELDS.has(field) && !showParts) continue;
      // A merged value comes from several places: every part is highlighted.
      for (const span of spans) {
        highlights.push({ span, colour: style.colour, target: { kind: 'item', itemId: item.id, field: field as ItemField }, label: `Item ${index + 1}: ${style.label}` });
      }
    }
  });
  return highlights;
}

/** The short label shown at the start of each highlight, so fields differ by more than colour. */
export const HIGHLIGHT_LABELS: Record<string, string> = {
  service: 'SVC',
  decision: 'DEC',
  ca: 'CA',
  maximus: 'MAX',
  rationale: 'RAT',
  partial: 'PART',
  meta: 'HDR',
  reviewer: 'REV',
};
