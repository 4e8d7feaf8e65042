/**
 * Parse-time warnings on items: what the text leaves unsure. Each names the value it
 * belongs to (`field`, `itemIndex`), so the app can show it beside that value and
 * resolve it once the reviewer corrects or confirms the value.
 */
import type { ParsedItem, ParseWarning, WarningCode } from '../../../shared/letter.ts';
import type { HeaderStart } from './itemHeader.ts';
import { ITEM_LABELS, PARTIAL_PHRASES } from './sections.ts';

export type ItemFields = Omit<ParsedItem, 'warnings'>;

interface LabelHit {
  readonly start: number;
  readonly end: number;
}

/** The labels found in an item's body. */
export interface Body {
  readonly claimsAdministrator: LabelHit | null;
  readonly maximus: LabelHit | null;
  readonly rationale: LabelHit | null;
  /** Where the last label found ends: the rationale (and so the next header) lies after it. */
  readonly lastLabelEnd: number;
}

type TextField = 'service' | 'claimsAdministratorGuideline' | 'maximusGuideline' | 'rationale';
const LABELLED_FIELDS = ['claimsAdministratorGuideline', 'maximusGuideline', 'rationale'] as const;
const PARTIAL_FIELDS = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'] as const;
const ORIGINAL_REQUEST = new RegExp(PARTIAL_PHRASES.original.source, 'gi');
/** One pass over a value for any of the three labels. */
const ANY_ITEM_LABEL = new RegExp(Object.values(ITEM_LABELS).map((label) => label.source).join('|'), 'i');

function warning(code: WarningCode, message: string, field: string, itemIndex: number): ParseWarning {
  return { code, message, field, itemIndex };
}

export function missingFieldWarnings(item: ItemFields, itemIndex: number): ParseWarning[] {
  const missing: [keyof ItemFields, WarningCode, string][] = [
    ['service', 'service-missing', 'Service'],
    ['decision', 'decision-missing', 'Decision (Upheld/Overturned)'],
    ['claimsAdministratorGuideline', 'guideline-missing', 'Claims Administrator guideline'],
    ['maximusGuideline', 'guideline-missing', 'MAXIMUS guideline'],
    ['rationale', 'rationale-missing', 'Decision rationale'],
  ];
  return missing
    .filter(([field]) => item[field] === null)
    .map(([field, code, what]) => warning(code, `${what} not found.`, field, itemIndex));
}

/**
 * Where an item header starts decides both the end of the previous item's last value
 * and the start of this item's service: an unsure start warns on every one of them.
 */
export function boundaryWarnings(
  items: readonly ItemFields[],
  starts: readonly HeaderStart[],
  bodies: readonly Body[],
  index: number,
): ParseWarning[] {
  const item = items[index] as ItemFields;
  const warnings: ParseWarning[] = [];
  const start = starts[index];
  const own = start?.doubt;
  if (own) {
    const message = `Where this item header starts is unsure: ${own} The service may hold text of the previous item, or miss its own first words.`;
    warnings.push(warning('header-boundary-uncertain', message, 'service', index));
    // The original request starts where the header does; the other two parts move only when
    // the header's content is in doubt or it holds another "was the original request." to split at.
    const anotherSplit = start.wholeHeader || (item.service?.value.match(ORIGINAL_REQUEST) ?? []).length > 1;
    const moved = anotherSplit ? PARTIAL_FIELDS : PARTIAL_FIELDS.slice(0, 1);
    if (item.partial) for (const field of moved) warnings.push(warning('header-boundary-uncertain', message, field, index));
  }
  // Named even when empty: the next header may have taken all of it.
  const next = starts[index + 1]?.doubt;
  const last = lastLabelledField(bodies[index] as Body);
  if (next && last) {
    const message = `Where the next item header starts is unsure: ${next} This value may have lost its end to that header, or run into it.`;
    warnings.push(warning('header-boundary-uncertain', message, last, index));
  }
  return warnings;
}

/**
 * A missing label leaves the value before it running over the missing field; another
 * item's label inside a value means that item's decision line was not recognised.
 */
export function labelWarnings(text: string, item: ItemFields, body: Body, index: number): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const overrun = (missing: string, before: TextField) => {
    if (item[before]) {
      const message = `The "${missing}" label was not found, so this value may include the text that follows it.`;
      warnings.push(warning('field-boundary-uncertain', message, before, index));
    }
  };
  if (!body.maximus && body.claimsAdministrator) overrun('MAXIMUS guideline:', 'claimsAdministratorGuideline');
  if (!body.rationale && body.maximus) overrun('Decision rationale:', 'maximusGuideline');
  const fields: TextField[] = ['service', ...LABELLED_FIELDS];
  for (const field of fields) {
    const value = item[field];
    if (value && containsItemLabel(text.slice(value.span[0], value.span[1]))) {
      const message = 'This value holds the field labels of another item: that item\'s "<service>: <decision>" line was not recognised.';
      warnings.push(warning('item-count-mismatch', message, field, index));
    }
  }
  return warnings;
}

function containsItemLabel(raw: string): boolean {
  return ANY_ITEM_LABEL.test(raw);
}

function lastLabelledField(body: Body): TextField | null {
  if (body.rationale) return 'rationale';
  if (body.maximus) return 'maximusGuideline';
  return body.claimsAdministrator ? 'claimsAdministratorGuideline' : null;
}
