/**
 * The keyboard: one listener on the window runs the action a key is mapped to (see
 * shortcuts.ts), or toggles the tag whose hotkey it is. Keys typed into inputs are left
 * alone, so typing never triggers a command; Enter and Space on a focused button or link
 * activate it, and Tab is the browser's, so every control is reached in page order.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { QueueFilter, QueueSort } from '../../../shared/api.ts';
import type { Span } from '../../../shared/letter.ts';
import type { StoredLetter, Tag } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import type { Dialog } from '../App.tsx';
import type { LetterFocus } from '../components/focus.ts';
import type { FieldTarget } from '../fields.ts';
import { stepAttention } from '../attention.ts';
import { describeTarget } from '../fields.ts';
import { focusedItemIndex } from './fieldOrder.ts';
import { actionFor } from './shortcuts.ts';
import type { ShortcutAction } from './shortcuts.ts';
import type { QueuePages } from './useQueuePages.ts';
import type { ReviewActions } from './useReviewActions.ts';

export interface KeyboardContext {
  readonly letter: StoredLetter | null;
  readonly focused: FieldTarget | null;
  readonly editing: FieldTarget | null;
  readonly tags: readonly Tag[];
  readonly queue: QueuePages;
  readonly selectedId: number | null;
  /** The letter asked for last, open or still loading: j and k pressed quickly walk on from it. */
  readonly lastAsked: () => number | null;
  readonly filter: QueueFilter;
  readonly sort: QueueSort;
  readonly dialog: Dialog;
  readonly actions: ReviewActions;
  /** What is selected in the source: stretches of the text (several, from the page, where its order departs from the text's). */
  readonly selection: React.RefObject<readonly Span[] | null>;
  readonly searchInput: React.RefObject<HTMLInputElement | null>;
  readonly setDialog: (dialog: Dialog) => void;
  readonly setEditing: (target: FieldTarget | null) => void;
  /** Focuses a field and moves the keyboard focus to it. */
  readonly focus: (target: FieldTarget | null) => void;
  readonly openLetter: (letterId: number, focus?: LetterFocus) => Promise<void>;
  /** Shows the next source view: text, both, page. */
  readonly nextSourceView: () => void;
  /** Confirms what is left, verifies the letter and shows the next one needing review. */
  readonly finishLetter: (focus?: LetterFocus) => Promise<void>;
  /** Shows the next letter needing review after this one (loaded ahead); false when there is none. */
  readonly showNextToReview: (currentId: number, focus?: LetterFocus) => Promise<boolean>;
  readonly refresh: () => Promise<void>;
  readonly notify: (message: string) => void;
  readonly warn: (message: string) => void;
  readonly fail: (error: unknown) => void;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return element !== null && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** The queue's list of letters itself (it holds the keyboard focus for its rows). */
function inQueueList(target: EventTarget | null): boolean {
  return (target as HTMLElement | null)?.matches?.('.queue-list[role="listbox"]') === true;
}

/** Enter and Space belong to a focused button or link: they press it. */
function pressesControl(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' && event.key !== ' ') return false;
  const element = event.target as HTMLElement | null;
  return element?.closest?.('button, a[href], [role="button"], [role="radio"], [role="option"], summary') != null;
}

/** Handles the keyboard, and returns a way to run any shortcut's action (for menu commands). */
export function useKeyboard(context: KeyboardContext): (action: ShortcutAction) => void {
  const latest = useRef(context);
  latest.current = context;
  const perform = useCallback((action: ShortcutAction) => void run(action, latest.current).catch(latest.current.fail), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const c = latest.current;
      if (c.dialog !== null || c.editing !== null || isTyping(event.target) || pressesControl(event)) return;
      const action = actionFor(event);
      if (action) {
        event.preventDefault();
        // A letter opened by a key takes the keyboard focus, but ↑ and ↓ in the queue's list leave it there, moving through the list.
        const listing = inQueueList(event.target) && (event.key === 'ArrowDown' || event.key === 'ArrowUp');
        void run(action, c, listing ? 'first' : 'take').catch(c.fail);
        return;
      }
      const tag = !event.ctrlKey && !event.metaKey && !event.altKey ? c.tags.find((t) => t.hotkey === event.key) : undefined;
      if (tag && c.letter) {
        event.preventDefault();
        void c.actions.toggleTag(c.letter, tag, c.focused).catch(c.fail);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return perform;
}

/** Runs an action; a letter it opens takes the focus as `opening` says (a menu command's, as a key's). */
async function run(action: ShortcutAction, c: KeyboardContext, opening: LetterFocus = 'take'): Promise<void> {
  const { letter, focused, actions } = c;
  const itemIndex = letter ? focusedItemIndex(letter, focused) : -1;
  const item = letter && itemIndex >= 0 ? letter.items[itemIndex] : undefined;
  const stepLetter = async (step: 1 | -1) => {
    const from = c.lastAsked() ?? c.selectedId;
    const index = from === null ? -1 : c.queue.indexOf(from);
    const row = await c.queue.fetchRow(Math.max(0, index + step));
    if (row) await c.openLetter(row.id, opening);
  };
  const focusItem = (index: number) => {
    const target = letter?.items[index];
    if (target) c.focus({ kind: 'item', itemId: target.id, field: 'decision' });
  };
  /** Item keys need an item: say so rather than do nothing. */
  const needItem = () => c.warn(letter && letter.items.length === 0 ? 'This letter has no items: press a to add one.' : 'Focus an item first (] and [ step through the items).');
  switch (action) {
    case 'nextLetter':
      return stepLetter(1);
    case 'previousLetter':
      return stepLetter(-1);
    case 'nextToReview': {
      if (c.selectedId !== null) {
        await c.showNextToReview(c.selectedId, opening);
        return;
      }
      const next = await api.nextLetterToReview(null, c.filter, c.sort);
      if (next === null) return c.notify('No letter in this queue needs review.');
      return c.openLetter(next, opening);
    }
    case 'focusSearch':
      c.searchInput.current?.focus();
      return;
    case 'nextItem':
      return focusItem(Math.min((letter?.items.length ?? 1) - 1, itemIndex + 1));
    case 'previousItem':
      return focusItem(Math.max(0, itemIndex - 1));
    case 'nextAttention':
    case 'previousAttention': {
      if (!letter) return;
      const next = stepAttention(letter, focused, action === 'nextAttention' ? 1 : -1);
      if (!next) return c.notify(letter.status === 'verified' ? 'This letter is verified: nothing needs attention.' : 'Nothing needs attention: press d to verify and go on.');
      c.focus(next.target);
      return c.notify(`${describeTarget(letter, next.target)}: ${next.reason}`);
    }
    case 'confirmItem':
      if (!letter) return;
      if (!item) return needItem();
      return actions.toggleConfirmed(letter, item.id);
    case 'finishLetter':
      if (letter) await c.finishLetter(opening);
      return;
    case 'editField':
      if (!focused || !letter) return;
      if (letter.status === 'verified') return c.warn(`${letter.caseNumber ?? letter.fileName} is verified and read-only: press r to reopen it.`);
      if (focused.field === 'decision') {
        // Pressed in the queue's list, Enter still goes into the letter, to the decision.
        c.focus(focused);
        return c.notify('Set the decision with u (Upheld) or o (Overturned).');
      }
      c.setEditing(focused);
      return;
    case 'decideUpheld':
    case 'decideOverturned':
      if (!letter) return;
      if (!item) return needItem();
      await actions.decide(letter, item.id, action === 'decideUpheld' ? 'Upheld' : 'Overturned');
      return;
    case 'assignSelection':
      if (letter) await actions.assignSelection(letter, focused, c.selection.current);
      return;
    case 'addItem':
      if (letter) await actions.addItem(letter, itemIndex < 0 ? letter.items.length : itemIndex + 1);
      return;
    case 'deleteItem':
      if (!letter) return;
      if (!item) return needItem();
      return actions.deleteItem(letter, item.id);
    case 'splitItem':
      if (!letter) return;
      if (!item) return needItem();
      return actions.splitItem(letter, item.id, c.selection.current);
    case 'mergeWithNext':
      if (!letter) return;
      if (!item) return needItem();
      return actions.mergeWithNext(letter, item.id);
    case 'moveItemUp':
    case 'moveItemDown':
      if (!letter) return;
      if (!item) return needItem();
      return actions.moveItem(letter, item.id, action === 'moveItemUp' ? -1 : 1);
    case 'verify':
      if (!letter) return;
      if (letter.status === 'verified') return c.notify(`${letter.caseNumber ?? letter.fileName} is verified already.`);
      await actions.verify(letter);
      return;
    case 'flag':
      if (!letter) return;
      if (letter.status === 'verified') return c.warn(`${letter.caseNumber ?? letter.fileName} is verified and read-only: press r to reopen it.`);
      return c.setDialog('flag');
    case 'reopen':
      if (letter && (letter.status === 'verified' || letter.status === 'flagged')) await actions.reopen(letter);
      return;
    case 'tagPicker':
    case 'note':
      if (!letter) return;
      if (letter.status === 'verified') return c.warn(`${letter.caseNumber ?? letter.fileName} is verified and read-only: press r to reopen it.`);
      return c.setDialog(action);
    case 'history':
      if (letter) c.setDialog('history');
      return;
    case 'sourceView':
      return c.nextSourceView();
    case 'undo':
    case 'redo':
      return actions.step(action);
    case 'import':
      return c.setDialog('import');
    case 'export':
      return c.setDialog('export');
    case 'conflicts':
      return c.setDialog('conflicts');
    case 'tags':
      return c.setDialog('tags');
    case 'bulk':
      return c.setDialog('bulk');
    case 'corrections':
      return c.setDialog('corrections');
    case 'insights':
      return c.setDialog('insights');
    case 'quality':
      return c.setDialog('quality');
    case 'team':
      return c.setDialog('team');
    case 'help':
      return c.setDialog('help');
  }
}
