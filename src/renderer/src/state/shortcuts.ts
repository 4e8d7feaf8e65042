/** The keyboard map: one table drives both the key handling and the shortcut sheet. */

export interface Shortcut {
  /** KeyboardEvent.key values, with "Ctrl+" / "Shift+" prefixes where needed. */
  readonly keys: readonly string[];
  readonly action: ShortcutAction;
  readonly description: string;
  readonly group: 'Queue' | 'Letter' | 'Items' | 'Editing' | 'App';
}

export type ShortcutAction =
  | 'nextLetter'
  | 'previousLetter'
  | 'nextToReview'
  | 'focusSearch'
  | 'nextItem'
  | 'previousItem'
  | 'nextAttention'
  | 'previousAttention'
  | 'confirmItem'
  | 'finishLetter'
  | 'editField'
  | 'decideUpheld'
  | 'decideOverturned'
  | 'assignSelection'
  | 'addItem'
  | 'deleteItem'
  | 'splitItem'
  | 'mergeWithNext'
  | 'moveItemUp'
  | 'moveItemDown'
  | 'verify'
  | 'flag'
  | 'reopen'
  | 'tagPicker'
  | 'note'
  | 'history'
  | 'sourceView'
  | 'undo'
  | 'redo'
  | 'import'
  | 'export'
  | 'conflicts'
  | 'tags'
  | 'bulk'
  | 'corrections'
  | 'insights'
  | 'quality'
  | 'team'
  | 'help';

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j', 'ArrowDown'], action: 'nextLetter', description: 'Next letter in the queue', group: 'Queue' },
  { keys: ['k', 'ArrowUp'], action: 'previousLetter', description: 'Previous letter in the queue', group: 'Queue' },
  { keys: ['n'], action: 'nextToReview', description: 'Next letter needing review', group: 'Queue' },
  { keys: ['d'], action: 'finishLetter', description: 'Done: confirm the items left, verify, open the next letter needing review', group: 'Queue' },
  { keys: ['/'], action: 'focusSearch', description: 'Search letters', group: 'Queue' },
  { keys: ['w'], action: 'nextAttention', description: 'Next value needing attention (a warning, an unconfirmed item)', group: 'Items' },
  { keys: ['W'], action: 'previousAttention', description: 'Previous value needing attention', group: 'Items' },
  { keys: ['y'], action: 'confirmItem', description: 'Confirm the focused item (again: back to unreviewed)', group: 'Items' },
  { keys: [']'], action: 'nextItem', description: 'Next item', group: 'Items' },
  { keys: ['['], action: 'previousItem', description: 'Previous item', group: 'Items' },
  { keys: ['u'], action: 'decideUpheld', description: 'Decision: Upheld', group: 'Items' },
  { keys: ['o'], action: 'decideOverturned', description: 'Decision: Overturned', group: 'Items' },
  { keys: ['a'], action: 'addItem', description: 'Add an item after this one', group: 'Items' },
  { keys: ['Shift+Delete', 'Shift+Backspace'], action: 'deleteItem', description: 'Delete this item', group: 'Items' },
  { keys: ['S'], action: 'splitItem', description: 'Split this item at the source selection', group: 'Items' },
  { keys: ['M'], action: 'mergeWithNext', description: 'Merge this item with the next', group: 'Items' },
  { keys: ['Alt+ArrowUp'], action: 'moveItemUp', description: 'Move this item up', group: 'Items' },
  { keys: ['Alt+ArrowDown'], action: 'moveItemDown', description: 'Move this item down', group: 'Items' },
  { keys: ['Enter', 'e'], action: 'editField', description: 'Edit the focused field, caret at the end (Ctrl+A selects all; Enter saves, Esc cancels)', group: 'Editing' },
  { keys: ['s'], action: 'assignSelection', description: 'Use the text selected in the source for the focused field', group: 'Editing' },
  { keys: ['Ctrl+z'], action: 'undo', description: 'Undo', group: 'Editing' },
  { keys: ['Ctrl+Shift+z', 'Ctrl+y'], action: 'redo', description: 'Redo', group: 'Editing' },
  { keys: ['v'], action: 'verify', description: 'Confirm the items left and mark the letter verified', group: 'Letter' },
  { keys: ['f'], action: 'flag', description: 'Flag the letter with a reason', group: 'Letter' },
  { keys: ['r'], action: 'reopen', description: 'Reopen a verified or flagged letter', group: 'Letter' },
  { keys: ['t'], action: 'tagPicker', description: 'Tag the item or letter', group: 'Letter' },
  { keys: ['m'], action: 'note', description: 'Add a note to the letter', group: 'Letter' },
  { keys: ['h'], action: 'history', description: "The letter's edit history", group: 'Letter' },
  { keys: ['p'], action: 'sourceView', description: 'Source view: the text, text and page side by side, or the page (in turn)', group: 'Letter' },
  { keys: ['i'], action: 'import', description: 'Import letters', group: 'App' },
  { keys: ['x'], action: 'export', description: 'Export the dataset', group: 'App' },
  { keys: ['c'], action: 'conflicts', description: 'Conflicts from merged datasets', group: 'App' },
  { keys: ['g'], action: 'tags', description: 'Manage tags', group: 'App' },
  { keys: ['b'], action: 'bulk', description: 'Bulk actions on items across letters', group: 'App' },
  { keys: ['C'], action: 'corrections', description: 'What reviewers corrected, per field', group: 'App' },
  { keys: ['I'], action: 'insights', description: 'Insights: outcomes as charts, beside published figures', group: 'App' },
  { keys: ['Q'], action: 'quality', description: 'Quality: audit samples, error rates, blind re-review, adjudication', group: 'App' },
  { keys: ['T'], action: 'team', description: 'Team: work packages for reviewers, merging them back, their agreement', group: 'App' },
  { keys: ['?'], action: 'help', description: 'This shortcut sheet', group: 'App' },
];

/**
 * The name a key press has in the table. A printable key on its own is its character
 * ("S" is Shift+s, "?" is Shift+/); with Ctrl or Alt, or for named keys, modifiers are
 * spelled out ("Ctrl+Shift+z", "Shift+Delete"). Cmd counts as Ctrl on macOS.
 */
export function keyName(event: KeyboardEvent): string {
  const ctrl = event.ctrlKey || event.metaKey;
  const printable = event.key.length === 1;
  if (printable && !ctrl && !event.altKey) return event.key;
  const parts = [ctrl && 'Ctrl', event.altKey && 'Alt', event.shiftKey && 'Shift'].filter(Boolean) as string[];
  return [...parts, printable ? event.key.toLowerCase() : event.key].join('+');
}

export function actionFor(event: KeyboardEvent): ShortcutAction | null {
  const name = keyName(event);
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(name))?.action ?? null;
}

/** The shortcut a single key already triggers, so a tag hotkey cannot shadow it. */
export function shortcutUsingKey(key: string): Shortcut | null {
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(key)) ?? null;
}
