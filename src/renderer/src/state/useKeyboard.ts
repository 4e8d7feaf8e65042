/**
 * The keyboard: one listener on the window runs the action a key is mapped to (see
 * shortcuts.ts), or toggles the tag whose hotkey it is. Keys typed into inputs are left
 * alone, so typing never triggers a command.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { QueueFilter, QueueSort } from '../../../shared/api.ts';
import type { Span } from '../../../shared/letter.ts';
import type { StoredLetter, Tag } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import type { Dialog } from '../App.tsx';
import type { FieldTarget } from '../fields.ts';
import { focusedItemIndex, stepField } from './fieldOrder.ts';
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
  readonly filter: QueueFilter;
  readonly sort: QueueSort;
  readonly dialog: Dialog;
  readonly actions: ReviewActions;
  readonly selection: React.RefObject<Span | null>;
  readonly searchInput: React.RefObject<HTMLInputElement | null>;
  readonly setDialog: (dialog: Dialog) => void;
  readonly setEditing: (target: FieldTarget | null) => void;
  readonly focus: (target: FieldTarget | null) => void;
  readonly openLetter: (letterId: number) => Promise<void>;
  readonly refresh: () => Promise<void>;
  readonly notify: (message: string) => void;
  readonly fail: (error: unknown) => void;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return element !== null && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/** Handles the keyboard, and returns a way to run any shortcut's action (for menu commands). */
export function useKeyboard(context: KeyboardContext): (action: ShortcutAction) => void {
  const latest = useRef(context);
  latest.current = context;
  const perform = useCallback((action: ShortcutAction) => void run(action, latest.current).catch(latest.current.fail), []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const c = latest.current;
      if (c.dialog !== null || c.editing !== null || isTyping(event.target)) return;
      const action = actionFor(event);
      if (action) {
        event.preventDefault();
        void run(action, c).catch(c.fail);
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

async function run(action: ShortcutAction, c: KeyboardContext): Promise<void> {
  const { letter, focused, actions } = c;
  const itemIndex = letter ? focusedItemIndex(letter, focused) : -1;
  const item = letter && itemIndex >= 0 ? letter.items[itemIndex] : undefined;
  const stepLetter = async (step: 1 | -1) => {
    const index = c.selectedId === null ? -1 : c.queue.indexOf(c.selectedId);
    const row = c.queue.rowAt(Math.max(0, index + step));
    c.queue.ensure(index + step, 2);
    if (row) await c.openLetter(row.id);
  };
  const focusItem = (index: number) => {
    const target = letter?.items[index];
    if (target) c.focus({ kind: 'item', itemId: target.id, field: 'service' });
  };
  switch (action) {
    case 'nextLetter':
      return stepLetter(1);
    case 'previousLetter':
      return stepLetter(-1);
    case 'nextToReview': {
      const next = await api.nextLetterToReview(c.selectedId, c.filter, c.sort);
      if (next === null) return c.notify('No other letter in this queue needs review.');
      return c.openLetter(next);
    }
    case 'focusSearch':
      c.searchInput.current?.focus();
      return;
    case 'nextItem':
      return focusItem(Math.min((letter?.items.length ?? 1) - 1, itemIndex + 1));
    case 'previousItem':
      return focusItem(Math.max(0, itemIndex - 1));
    case 'nextField':
    case 'previousField':
      if (letter) c.focus(stepField(letter, focused, action === 'nextField' ? 1 : -1));
      return;
    case 'editField':
      if (focused && focused.field !== 'decision' && letter?.status !== 'verified') c.setEditing(focused);
      return;
    case 'decideUpheld':
    case 'decideOverturned':
      if (letter && item) await actions.decide(letter, item.id, action === 'decideUpheld' ? 'Upheld' : 'Overturned');
      return;
    case 'assignSelection':
      if (letter) await actions.assignSelection(letter, focused, c.selection.current);
      return;
    case 'addItem':
      if (letter) await actions.addItem(letter, itemIndex < 0 ? letter.items.length : itemIndex + 1);
      return;
    case 'deleteItem':
      if (letter && item) await actions.deleteItem(letter, item.id);
      return;
    case 'splitItem':
      if (letter && item) await actions.splitItem(letter, item.id, c.selection.current);
      return;
    case 'mergeWithNext':
      if (letter && item) await actions.mergeWithNext(letter, item.id);
      return;
    case 'moveItemUp':
    case 'moveItemDown':
      if (letter && item) await actions.moveItem(letter, item.id, action === 'moveItemUp' ? -1 : 1);
      return;
    case 'verify':
      if (letter && letter.status !== 'verified') await actions.verify(letter);
      return;
    case 'flag':
      if (letter) c.setDialog('flag');
      return;
    case 'reopen':
      if (letter && (letter.status === 'verified' || letter.status === 'flagged')) await actions.reopen(letter);
      return;
    case 'tagPicker':
      if (letter) c.setDialog('tagPicker');
      return;
    case 'note':
      if (letter) c.setDialog('note');
      return;
    case 'history':
      if (letter) c.setDialog('history');
      return;
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
    case 'insights':
      return c.setDialog('insights');
    case 'help':
      return c.setDialog('help');
  }
}
