/**
 * Every change a reviewer makes: saved at once through the API, then pushed on the undo
 * stack with its inverse, then the letter and the queue are refreshed.
 */
import { useMemo, useRef } from 'react';
import { foldWhitespace } from '../../../shared/fold.ts';
import type { Decision, Span } from '../../../shared/letter.ts';
import type { ItemField, StoredItem, StoredLetter, Tag } from '../../../shared/library.ts';
import { ITEM_FIELDS } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import type { FieldTarget } from '../fields.ts';
import { letterFieldValue } from '../fields.ts';
import type { UndoStack } from './undo.ts';

export interface ReviewContext {
  /** The letter as last loaded: read when an action starts, not when it was asked for. */
  readonly currentLetter: () => StoredLetter | null;
  readonly undo: UndoStack;
  /** Reload the letter being shown and refresh the queue. */
  readonly refresh: () => Promise<void>;
  readonly focus: (target: FieldTarget | null) => void;
  readonly notify: (message: string) => void;
  /** Show another letter (undo can concern one that is not on screen). */
  readonly openLetter: (letterId: number) => Promise<void>;
}

/** A stored item as values and spans, so a deleted or merged item can be put back. */
function snapshot(item: StoredItem) {
  const values = Object.fromEntries(ITEM_FIELDS.map((field) => [field, item[field]])) as Record<ItemField, string | null>;
  const spans = Object.fromEntries(Object.entries(item.spans).filter(([name]) => name === 'item' || (ITEM_FIELDS as readonly string[]).includes(name)));
  return { values, spans };
}

/**
 * Actions run one after another, each on the letter as the previous one left it: a key
 * pressed before the last change has reloaded must not act on the old state.
 */
export function useReviewActions(context: ReviewContext) {
  const { currentLetter, undo, refresh, focus, notify, openLetter } = context;
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useMemo(() => {
    const deps = { undo, refresh, focus, notify, openLetter };
    const names = Object.keys(actionsOn(currentLetter, deps)) as (keyof ReviewActions)[];
    const serial = (name: keyof ReviewActions) => (...args: unknown[]) => {
      const run = chain.current
        .catch(() => undefined)
        .then(() => (actionsOn(currentLetter, deps)[name] as (...a: unknown[]) => Promise<void>)(...args));
      chain.current = run;
      return run;
    };
    return Object.fromEntries(names.map((name) => [name, serial(name)])) as ReviewActions;
  }, [currentLetter, undo, refresh, focus, notify, openLetter]);
}

type ActionDeps = Omit<ReviewContext, 'currentLetter'>;

/** Every action, bound to the letter as it is when the action starts. */
function actionsOn(currentLetter: () => StoredLetter | null, { undo, refresh, focus, notify, openLetter }: ActionDeps) {
  const letter = currentLetter();
  const record = async (label: string, letterId: number, redo: () => Promise<unknown>, inverse: () => Promise<unknown>) => {
    await redo();
    undo.push({ label, letterId, redo: async () => void (await redo()), undo: async () => void (await inverse()) });
    await refresh();
  };
  const itemById = (id: number) => letter?.items.find((item) => item.id === id) ?? null;

  const saveField = async (target: FieldTarget, value: string | null, span?: Span | null) => {
    if (!letter) return;
    if (target.kind === 'item') {
      const item = itemById(target.itemId);
      if (!item) return;
      const old = item[target.field];
      const oldSpan = item.spans[target.field] ?? null;
      if (old === value && span === undefined) return;
      await record(
        `edit ${target.field}`,
        letter.id,
        () => api.updateItemField(undo.itemId(target.itemId), target.field, value, span),
        () => api.updateItemField(undo.itemId(target.itemId), target.field, old, oldSpan),
      );
    } else {
      const old = letterFieldValue(letter, target.field);
      const oldSpan = letter.spans[target.field] ?? null;
      if (old === value && span === undefined) return;
      await record(
        `edit ${target.field}`,
        letter.id,
        () => api.updateLetterField(letter.id, target.field, value, span),
        () => api.updateLetterField(letter.id, target.field, old, oldSpan),
      );
    }
  };

  const decide = async (itemId: number, decision: Decision) => {
    const item = itemById(itemId);
    if (!letter || !item || item.decision === decision) return;
    const old = item.decision;
    await record(
      `set decision ${decision}`,
      letter.id,
      () => api.setDecision(undo.itemId(itemId), decision),
      () => api.setDecision(undo.itemId(itemId), old),
    );
  };

  const assignSelection = async (target: FieldTarget | null, span: Span | null) => {
    if (!letter || !target || !span) return notify('Select text in the source, focus a field, then press s.');
    if (target.field === 'decision') {
      const word = foldWhitespace(letter.text.slice(span[0], span[1]));
      if (word !== 'Upheld' && word !== 'Overturned') return notify('A decision must be "Upheld" or "Overturned".');
    }
    await saveField(target, foldWhitespace(letter.text.slice(span[0], span[1])), span);
  };

  const addItem = async (afterIndex: number) => {
    if (!letter) return;
    const letterId = letter.id;
    const position = afterIndex + 1;
    let createdId = 0;
    await record(
      'add item',
      letterId,
      async () => {
        const id = await api.addItem(letterId, {}, position);
        if (createdId !== 0) undo.itemRecreated(createdId, id);
        createdId = id;
      },
      () => api.deleteItem(undo.itemId(createdId)),
    );
    focus({ kind: 'item', itemId: createdId, field: 'service' });
  };

  const deleteItem = async (itemId: number) => {
    const item = itemById(itemId);
    if (!letter || !item) return;
    const letterId = letter.id;
    const saved = snapshot(item);
    await record(
      'delete item',
      letterId,
      () => api.deleteItem(undo.itemId(itemId)),
      async () => undo.itemRecreated(itemId, await api.addItem(letterId, saved, item.position)),
    );
  };

  const splitItem = async (itemId: number, span: Span | null) => {
    if (!letter || !span) return notify("Select the second item's header in the source, then press Shift+S.");
    const letterId = letter.id;
    const second = { values: { service: foldWhitespace(letter.text.slice(span[0], span[1])) }, spans: { service: span } };
    let secondId = 0;
    await record(
      'split item',
      letterId,
      async () => {
        const id = await api.splitItem(undo.itemId(itemId), { second });
        if (secondId !== 0) undo.itemRecreated(secondId, id);
        secondId = id;
      },
      () => api.deleteItem(undo.itemId(secondId)),
    );
    focus({ kind: 'item', itemId: secondId, field: 'service' });
  };

  const mergeWithNext = async (itemId: number) => {
    if (!letter) return;
    const index = letter.items.findIndex((item) => item.id === itemId);
    const keep = letter.items[index];
    const removed = letter.items[index + 1];
    if (!keep || !removed) return notify('There is no next item to merge with.');
    const letterId = letter.id;
    const kept = snapshot(keep);
    const gone = snapshot(removed);
    await record(
      'merge items',
      letterId,
      () => api.mergeItems(undo.itemId(keep.id), undo.itemId(removed.id)),
      async () => {
        const keepId = undo.itemId(keep.id);
        for (const field of ITEM_FIELDS) {
          await api.updateItemField(keepId, field, kept.values[field], (kept.spans as Record<string, Span>)[field] ?? null);
        }
        undo.itemRecreated(removed.id, await api.addItem(letterId, gone, removed.position));
      },
    );
  };

  const moveItem = async (itemId: number, step: -1 | 1) => {
    if (!letter) return;
    const before = letter.items.map((item) => item.id);
    const index = before.indexOf(itemId);
    const swapWith = index + step;
    if (index < 0 || swapWith < 0 || swapWith >= before.length) return;
    const after = [...before];
    [after[index], after[swapWith]] = [after[swapWith]!, after[index]!];
    const current = (ids: readonly number[]) => ids.map((id) => undo.itemId(id));
    await record(
      'move item',
      letter.id,
      () => api.reorderItems(letter.id, current(after)),
      () => api.reorderItems(letter.id, current(before)),
    );
  };

  const verify = async () => {
    if (!letter) return;
    const letterId = letter.id;
    await record('verify', letterId, () => api.verifyLetter(letterId), () => api.reopenLetter(letterId));
  };

  const flag = async (reason: string) => {
    if (!letter) return;
    const letterId = letter.id;
    await record('flag', letterId, () => api.flagLetter(letterId, reason), () => api.reopenLetter(letterId));
  };

  const reopen = async () => {
    if (!letter) return;
    const { id: letterId, status, flagReason } = letter;
    const restore = () => (status === 'flagged' ? api.flagLetter(letterId, flagReason ?? 'flagged') : api.verifyLetter(letterId));
    await record('reopen', letterId, () => api.reopenLetter(letterId), restore);
  };

  const toggleTag = async (tag: Tag, target: FieldTarget | null) => {
    if (!letter) return;
    const letterId = letter.id;
    const onItem = target?.kind === 'item' && tag.scope !== 'letter' ? itemById(target.itemId) : null;
    if (!onItem && tag.scope === 'item') return notify(`"${tag.name}" is an item tag: focus an item first.`);
    if (onItem) {
      const has = onItem.tags.some((t) => t.id === tag.id);
      const add = () => api.tagItem(undo.itemId(onItem.id), tag.id);
      const remove = () => api.untagItem(undo.itemId(onItem.id), tag.id);
      await record(`${has ? 'untag' : 'tag'} item`, letterId, has ? remove : add, has ? add : remove);
    } else {
      const has = letter.tags.some((t) => t.id === tag.id);
      const add = () => api.tagLetter(letterId, tag.id);
      const remove = () => api.untagLetter(letterId, tag.id);
      await record(`${has ? 'untag' : 'tag'} letter`, letterId, has ? remove : add, has ? add : remove);
    }
  };

  const untag = async (tagId: number, itemId: number | null) => {
    if (!letter) return;
    const letterId = letter.id;
    const add = () => (itemId === null ? api.tagLetter(letterId, tagId) : api.tagItem(undo.itemId(itemId), tagId));
    const remove = () => (itemId === null ? api.untagLetter(letterId, tagId) : api.untagItem(undo.itemId(itemId), tagId));
    await record('remove tag', letterId, remove, add);
  };

  const addNote = async (body: string) => {
    if (!letter) return;
    const letterId = letter.id;
    let noteId = 0;
    await record(
      'add note',
      letterId,
      async () => {
        noteId = await api.addNote(letterId, body);
      },
      () => api.deleteNote(noteId),
    );
  };

  const deleteNote = async (noteId: number) => {
    if (!letter) return;
    const note = letter.notes.find((n) => n.id === noteId);
    if (!note) return;
    const letterId = letter.id;
    let currentId = noteId;
    await record(
      'delete note',
      letterId,
      () => api.deleteNote(currentId),
      async () => {
        currentId = await api.addNote(letterId, note.body);
      },
    );
  };

  /** Undo or redo the session's last change, and show the letter it concerned. */
  const step = async (direction: 'undo' | 'redo') => {
    const change = direction === 'undo' ? await undo.undo() : await undo.redo();
    if (!change) return notify(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
    notify(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${change.label}`);
    if (change.letterId !== letter?.id) await openLetter(change.letterId);
    await refresh();
  };

  return { step, saveField, decide, assignSelection, addItem, deleteItem, splitItem, mergeWithNext, moveItem, verify, flag, reopen, toggleTag, untag, addNote, deleteNote };
}

export type ReviewActions = ReturnType<typeof actionsOn>;
