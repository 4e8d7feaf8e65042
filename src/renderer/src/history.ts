/** Recorded changes in the words the UI uses: "Changed the rationale of item 2", "Verified the letter". */
import type { ChangeDetails, HistoryEntry, ItemField, LetterField, UndoStep } from '../../shared/library.ts';
import type { Facet } from '../../shared/derived.ts';
import { facetValueLabel } from '../../shared/insightLabels.ts';
import { ITEM_FIELD_STYLES, labelInSentence, LETTER_FIELD_STYLES } from './fields.ts';

/** The field's label as the fields pane shows it, in a sentence (labelInSentence). */
export function fieldName(field: string | undefined): string {
  if (!field) return 'a field';
  if (field === 'items') return 'the list of items';
  const style = ITEM_FIELD_STYLES[field as ItemField] ?? LETTER_FIELD_STYLES[field as LetterField];
  if (!style) return field;
  return labelInSentence(style.label);
}

function itemName(details: ChangeDetails): string {
  return details.itemNumber === undefined ? 'an item' : `item ${details.itemNumber}`;
}

/** One sentence saying what a change did. */
export function describeChange(action: HistoryEntry['action'], details: ChangeDetails): string {
  const onItem = details.itemNumber === undefined ? '' : ` of ${itemName(details)}`;
  switch (action) {
    case 'edit-field':
      return details.spanOnly ? `Changed the source of the ${fieldName(details.field)}${onItem}` : `Changed the ${fieldName(details.field)}${onItem}`;
    case 'set-item-status':
      return `Marked ${itemName(details)} ${details.to ?? ''}`.trimEnd();
    case 'set-structure':
      return `Set the ${STRUCTURE_NAMES[details.field ?? ''] ?? 'service category'} of ${itemName(details)} to ${structureValueName(details)}`;
    case 'add-item':
      return `Added ${itemName(details)}`;
    case 'delete-item':
      return `Deleted ${itemName(details)}${details.itemService ? ` (${details.itemService})` : ''}`;
    case 'reorder-items':
      return details.from && details.to ? `Moved ${itemName(details)} from place ${details.from} to ${details.to}` : 'Reordered the items';
    case 'split-item':
      return `Split ${itemName(details)} in two`;
    case 'merge-items':
      return `Merged the next item into ${itemName(details)}`;
    case 'verify':
      return details.count ? `Verified the letter, confirming ${plural(details.count, 'item')}` : 'Verified the letter';
    case 'flag':
      return `Flagged the letter${details.text ? `: ${details.text}` : ''}`;
    case 'reopen':
      return 'Reopened the letter';
    case 'set-status':
      return `Set the letter's status to ${details.to ?? 'another status'}`;
    case 'tag':
      return `Tagged ${details.itemNumber === undefined ? 'the letter' : itemName(details)} "${details.tagName ?? ''}"`;
    case 'untag':
      return `Removed the tag "${details.tagName ?? ''}" from ${details.itemNumber === undefined ? 'the letter' : itemName(details)}`;
    case 'add-note':
      return 'Added a note';
    case 'delete-note':
      return 'Deleted a note';
    case 'take-theirs':
      return `Took the other reviewer's ${fieldName(details.field)}${onItem}`;
    case 'keep-ours':
      return `Kept this library's ${fieldName(details.field)}${onItem}`;
    case 'dataset-merge':
      return `Merged ${details.count ?? 0} value${details.count === 1 ? '' : 's'} from ${details.file ?? 'a dataset'}`;
    case 'package-merge':
      return `Merged the work package ${details.file ?? ''}: ${plural(details.count ?? 0, 'value')} taken in ${plural(details.letterCount ?? 0, 'letter')}`;
    case 'create-tag':
      return `Created the tag "${details.tagName ?? ''}"`;
    case 'update-tag':
      return details.to ? `Renamed the tag "${details.tagName ?? ''}" to "${details.to}"` : `Changed the tag "${details.tagName ?? ''}"`;
    case 'delete-tag':
      return `Deleted the tag "${details.tagName ?? ''}"`;
    case 'merge-tags':
      return `Merged the tag "${details.tagName ?? ''}" into "${details.to ?? ''}"`;
    case 'bulk-edit':
      return `${bulkSentence(details)} on ${plural(details.count ?? 0, 'item')} in ${plural(details.letterCount ?? 0, 'letter')}`;
  }
}

const STRUCTURE_NAMES: Readonly<Record<string, string>> = {
  category: 'service category',
  drugClass: 'drug class',
  dwcSubCategory: "DWC's category",
  dwcDrugClass: "DWC's drug class",
};
const STRUCTURE_FACETS: Readonly<Record<string, Facet>> = {
  category: 'category',
  drugClass: 'drug-class',
  dwcSubCategory: 'dwc-sub-category',
  dwcDrugClass: 'dwc-drug-class',
};

/** A category or drug class by its label, as the drop-down names it, not its stored id. */
function structureValueName(details: ChangeDetails): string {
  if (details.to === null || details.to === undefined) return "the vocabulary's reading";
  const facet = STRUCTURE_FACETS[details.field ?? ''] ?? 'category';
  const label = facetValueLabel(facet, details.to);
  // DWC's labels are its own spelling ("DMEPOS", "NSAID"): kept as DWC prints them.
  return facet.startsWith('dwc-') ? label : labelInSentence(label);
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString()} ${noun}${n === 1 ? '' : 's'}`;
}

/** What a bulk action did, before its counts. */
function bulkSentence(details: ChangeDetails): string {
  if (details.tagName !== undefined) return details.to === 'untagged' ? `Removed the tag "${details.tagName}"` : `Tagged "${details.tagName}"`;
  if (details.field === 'status') return `Marked ${details.to ?? 'a status'}`;
  return `Set the ${fieldName(details.field)} to ${details.to === null || details.to === undefined ? 'nothing' : `"${details.to}"`}`;
}

/** An undo or redo step, naming its letter. */
export function describeStep(step: UndoStep): string {
  const sentence = describeChange(step.action, step.details);
  return step.letterLabel ? `${sentence} (${step.letterLabel})` : sentence;
}
