/**
 * Repairing the parser's item boundaries. Split: the reviewer selects the header of an item the
 * parser ran into the one before; the first item's values end where that header starts and the
 * rest of its text is read again as the new item. Merge: two items the parser cut apart become
 * one, each value the two joined, with every part's spans.
 */
import { foldWhitespace } from '../../shared/fold.ts';
import type { SourceSpans, Span } from '../../shared/letter.ts';
import type { ItemField } from '../../shared/library.ts';
import { ITEM_FIELDS } from '../../shared/library.ts';
import { parseItems, trimSpan } from '../letters/parsing/index.ts';
import type { Actor, ChangeOutcome, Db, ItemState, LetterRef } from '../storage/index.ts';
import { change } from './derived.ts';
import {
  copyItemTags,
  deleteItemRow,
  insertItemRow,
  InvalidEditError,
  itemIdsInOrder,
  readLetterState,
  refreshLetterSummary,
  renumberItems,
  writeItemState,
} from '../storage/index.ts';
import { applyPlan, planFieldValue } from './fieldPlan.ts';
import type { FieldPlan, PlanContext } from './fieldPlan.ts';
import { itemDetails, itemOfLetter } from './items.ts';
import { isInsideText } from './provenance.ts';

/** Splits the item at `header`, the selected header of the item hidden inside it. Returns the new item's id. */
export function splitItem(db: Db, actor: Actor, ref: LetterRef, itemId: number, header: Span): ChangeOutcome<number> {
  return change(db, { letter: ref, action: 'split-item', actor }, () => {
    const item = itemOfLetter(db, ref.letterId, itemId);
    const { text } = readLetterState(db, ref.letterId);
    const extent = extentOf(item.spans['item']);
    if (!extent) throw new InvalidEditError('This item has no source text to split: split items the parser read');
    // The second item starts after this one's own header and decision, inside its text.
    const decisionEnd = Math.max(extent[0], ...(item.spans['decision'] ?? []).map(([, end]) => end));
    if (!isInsideText(header, text) || header[0] <= decisionEnd || header[1] > extent[1]) {
      throw new InvalidEditError("Select the second item's header inside this item's text, after its own header and decision");
    }
    const context: PlanContext = { text, addedByReviewer: item.addedByReviewer, resolvedBy: null };
    let first: ItemState = item;
    for (const field of ITEM_FIELDS) first = applyPlan(first, cutAt(first, field, header[0], text, context));
    writeItemState(db, itemId, { ...stateWrite(first), spans: { ...first.spans, item: [trimSpan(text, extent[0], header[0])] } });

    const secondId = insertItemRow(db, ref.letterId, itemIdsInOrder(db, ref.letterId).length, secondItem(text, header, extent[1]));
    const order = itemIdsInOrder(db, ref.letterId).filter((id) => id !== secondId);
    order.splice(order.indexOf(itemId) + 1, 0, secondId);
    renumberItems(db, ref.letterId, order);
    refreshLetterSummary(db, ref.letterId);
    return { details: { ...itemDetails(item), otherItemService: foldWhitespace(text.slice(header[0], header[1])) }, result: secondId };
  });
}

/** One field of the first item, ending where the second item's header starts. */
function cutAt(item: ItemState, field: ItemField, at: number, text: string, context: PlanContext): FieldPlan<ItemField> | null {
  const spans = item.spans[field];
  if (!spans || !spans.some(([, end]) => end > at)) return null;
  const kept = spans.filter(([start]) => start < at).map(([start, end]) => trimSpan(text, start, Math.min(end, at))).filter(([s, e]) => s < e);
  const value = kept.length === 0 ? null : kept.map(([s, e]) => foldWhitespace(text.slice(s, e))).join(' ');
  return planFieldValue(item, field, { value, spans: kept, source: 'cut' }, context);
}

/** The new item: its header as selected, the rest read again by the parser; values the parser read are not marked edited. */
function secondItem(text: string, header: Span, end: number) {
  // The selection starts the header: read from there as an items section of its own.
  const [parsed] = parseItems(text, header[0], end, true).items;
  const service = foldWhitespace(text.slice(header[0], header[1]));
  const read = {
    decision: parsed?.decision ?? null,
    claimsAdministratorGuideline: parsed?.claimsAdministratorGuideline ?? null,
    maximusGuideline: parsed?.maximusGuideline ?? null,
    rationale: parsed?.rationale ?? null,
  };
  const values: Partial<Record<ItemField, string | null>> = { service };
  const spans: Record<string, SourceSpans> = { service: [header], item: [trimSpan(text, header[0], end)] };
  const original: Partial<Record<ItemField, { value: string | null; spans?: SourceSpans }>> = {};
  for (const [field, value] of Object.entries(read) as [ItemField, { value: string; span: Span } | null][]) {
    values[field] = value?.value ?? null;
    original[field] = value ? { value: value.value, spans: [value.span] } : { value: null };
    if (value) spans[field] = [value.span];
  }
  // A warning's item index counted items of that reading, not of the letter: the row says which item it is.
  const warnings = (parsed?.warnings ?? []).map(({ itemIndex: _index, ...warning }) => warning);
  return { values, spans, original, humanEdited: ['service'] as ItemField[], warnings, addedByReviewer: true };
}

/**
 * Merges `removeItemId` into `keepItemId`: each text value becomes the earlier item's, a space,
 * then the later one's, with both parts' spans; the decision is the kept item's, else the
 * other's. Warnings and tags move over; the merged-in item is deleted.
 */
export function mergeItems(db: Db, actor: Actor, ref: LetterRef, keepItemId: number, removeItemId: number): ChangeOutcome<void> {
  if (keepItemId === removeItemId) throw new InvalidEditError('An item cannot be merged with itself');
  return change(db, { letter: ref, action: 'merge-items', actor }, () => {
    const keep = itemOfLetter(db, ref.letterId, keepItemId);
    const remove = itemOfLetter(db, ref.letterId, removeItemId);
    const [earlier, later] = keep.position < remove.position ? [keep, remove] : [remove, keep];
    const { text } = readLetterState(db, ref.letterId);
    const context: PlanContext = { text, addedByReviewer: keep.addedByReviewer, resolvedBy: null };
    let merged: ItemState = keep;
    for (const field of ITEM_FIELDS) {
      const next = field === 'decision' ? pickDecision(keep, remove) : joined(earlier, later, field);
      merged = applyPlan(merged, planFieldValue(merged, field, next, context));
    }
    const itemSpans = [...(earlier.spans['item'] ?? []), ...(later.spans['item'] ?? [])];
    writeItemState(db, keepItemId, {
      ...stateWrite(merged),
      spans: itemSpans.length > 0 ? { ...merged.spans, item: itemSpans } : merged.spans,
      warnings: [...merged.warnings, ...remove.warnings],
    });
    copyItemTags(db, removeItemId, keepItemId);
    deleteItemRow(db, removeItemId);
    renumberItems(db, ref.letterId, itemIdsInOrder(db, ref.letterId));
    refreshLetterSummary(db, ref.letterId);
    return { details: { ...itemDetails(keep), otherItemService: remove.values.service }, result: undefined };
  });
}

function joined(earlier: ItemState, later: ItemState, field: ItemField) {
  const parts = [earlier, later].filter((item) => item.values[field] !== null && item.values[field] !== '');
  const value = parts.length === 0 ? null : parts.map((item) => item.values[field]).join(' ');
  const spans = parts.flatMap((item) => item.spans[field] ?? []);
  return { value, spans, source: 'joined' as const };
}

function pickDecision(keep: ItemState, remove: ItemState) {
  const from = keep.values.decision !== null ? keep : remove;
  return { value: from.values.decision, spans: from.spans['decision'] ?? null, source: 'joined' as const };
}

function stateWrite(state: ItemState) {
  return { values: state.values, spans: state.spans, original: state.original, humanEdited: state.humanEdited, warnings: state.warnings };
}

/** One span covering every part: where an item's text starts and ends. */
function extentOf(spans: SourceSpans | undefined): Span | null {
  if (!spans || spans.length === 0) return null;
  return [Math.min(...spans.map(([start]) => start)), Math.max(...spans.map(([, end]) => end))];
}
