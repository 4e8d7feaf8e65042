/**
 * Every change a reviewer makes, sent to the library server bound to the letter it was made on
 * (and, for an item, the item's id); its reply carries the screen after it (the letter, the undo
 * step, the counts), which is shown without another call. Undo and redo are the server's: they
 * survive a reload and a restart, and never act on a step the reviewer was not shown; when
 * another window or program has changed the library since, the step on offer is read again and
 * the reviewer told, in words, what Undo offers now. Actions run one after another; each names
 * the letter the reviewer was looking at when they asked, whatever is on screen by the time it runs.
 */
import { useMemo, useRef } from 'react';
import type { LetterChangeResult, LetterRef, ScreenUpdate, StepResult } from '../../../shared/api.ts';
import type { StructureKey } from '../../../shared/derived.ts';
import type { Decision, Span } from '../../../shared/letter.ts';
import type { StoredLetter, Tag, UndoState, UndoStep } from '../../../shared/library.ts';
import { api, ApiCallError } from '../api/client.ts';
import type { FieldTarget } from '../fields.ts';
import { describeStep } from '../history.ts';
import { LetterRevisions } from './letterRevisions.ts';

export interface ReviewContext {
  /** Reload the letter being shown and refresh the queue, the counts and the undo state. */
  readonly refresh: () => Promise<void>;
  /** A number for a call about to be sent: the undo state its reply carries is shown only if no later call asked for it. */
  readonly undoTicket: () => number;
  /**
   * Shows a change's reply: its letter (when it is still the one asked for, or `open` asks to
   * show it), the undo state (as of `ticket`), the counts; the queue is read again.
   */
  readonly showScreen: (screen: ScreenUpdate, ticket: number, open: boolean) => void;
  /** Focuses a field, moving the keyboard focus to it. */
  readonly focus: (target: FieldTarget | null) => void;
  /** A short-lived notice; `undoable` offers Undo beside it. */
  readonly notify: (message: string, options?: { readonly undoable?: boolean }) => void;
  /** A notice that stays until dismissed. */
  readonly warn: (message: string) => void;
  /** How many notices have been shown so far. */
  readonly noticesShown: () => number;
  /** Reads the undo and redo steps on offer again. */
  readonly loadUndoState: () => Promise<void>;
  /** The undo and redo steps on offer, as last loaded. */
  readonly undoState: () => UndoState | null;
}

export interface ReviewActions {
  readonly revisions: LetterRevisions;
  saveField(letter: StoredLetter, target: FieldTarget, value: string | null): Promise<void>;
  /** The selected stretches (in the order the pane shows them) become the field's value and spans. */
  assignSelection(letter: StoredLetter, target: FieldTarget | null, spans: readonly Span[] | null): Promise<void>;
  decide(letter: StoredLetter, itemId: number, decision: Decision): Promise<void>;
  /** Confirms the item, or puts a confirmed one back to unreviewed. */
  toggleConfirmed(letter: StoredLetter, itemId: number): Promise<void>;
  /** A reviewer's category or drug class for the item; null goes back to the vocabulary's reading. */
  setStructure(letter: StoredLetter, itemId: number, key: StructureKey, value: string | null): Promise<void>;
  addItem(letter: StoredLetter, position: number): Promise<void>;
  deleteItem(letter: StoredLetter, itemId: number): Promise<void>;
  /** Splits where the (first) selected stretch starts. */
  splitItem(letter: StoredLetter, itemId: number, spans: readonly Span[] | null): Promise<void>;
  mergeWithNext(letter: StoredLetter, itemId: number): Promise<void>;
  moveItem(letter: StoredLetter, itemId: number, step: -1 | 1): Promise<void>;
  /** Confirms the items left and verifies the letter, as one undo step; false when it was not done. */
  verify(letter: StoredLetter): Promise<boolean>;
  flag(letter: StoredLetter, reason: string): Promise<void>;
  reopen(letter: StoredLetter): Promise<void>;
  toggleTag(letter: StoredLetter, tag: Tag, target: FieldTarget | null): Promise<void>;
  untag(letter: StoredLetter, tagId: number, itemId: number | null): Promise<void>;
  addNote(letter: StoredLetter, body: string): Promise<void>;
  deleteNote(letter: StoredLetter, noteId: number): Promise<void>;
  step(direction: 'undo' | 'redo'): Promise<void>;
}

export function useReviewActions(context: ReviewContext): ReviewActions {
  const latest = useRef(context);
  latest.current = context;
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  return useMemo(() => createActions(() => latest.current, chain), []);
}

function label(letter: StoredLetter): string {
  return letter.caseNumber ?? letter.fileName;
}

function createActions(context: () => ReviewContext, chain: { current: Promise<unknown> }): ReviewActions {
  const revisions = new LetterRevisions();
  /** Runs after every action asked for before it. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.current.catch(() => undefined).then(work);
    chain.current = run;
    return run;
  };
  /**
   * Sends a change made on `letter` as the reviewer saw it, then says what it did (the server's
   * own sentence for the undo step it recorded, with Undo), unless a key pressed meanwhile has
   * said something since: the newest notice answers the newest key. A stale change reloads the
   * letter and says so.
   */
  const change = <R extends LetterChangeResult>(letter: StoredLetter, send: (ref: LetterRef) => Promise<R>, unchanged = 'Nothing changed.'): Promise<R | null> =>
    serial(async () => {
      const noticesBefore = context().noticesShown();
      const ref = { letterId: letter.id, revision: revisions.current(letter.id, letter.revision) };
      const ticket = context().undoTicket();
      let result: R;
      try {
        result = await send(ref);
      } catch (error) {
        // Anything but a stale letter is the caller's to show; the screen is read again either way.
        await context().refresh();
        if (!(error instanceof ApiCallError && error.code === 'stale')) throw error;
        context().warn(`${label(letter)} changed since it was shown (another window or program changed it); nothing was saved. It has been reloaded: check it and make the change again.`);
        return null;
      }
      if (result.changeId !== null) revisions.changed(letter.id, ref.revision, result.revision);
      context().showScreen(result.screen, ticket, false);
      if (context().noticesShown() === noticesBefore) report(result, unchanged);
      return result;
    });
  /** Says what a change did, in the words of the undo step it recorded. */
  const report = ({ changeId, screen }: LetterChangeResult, unchanged: string) => {
    const offered = screen.undo.undo;
    if (changeId === null) context().notify(unchanged);
    else if (offered?.changeId === changeId) context().notify(describeStep(offered), { undoable: true });
    else context().notify('Saved.');
  };

  const item = (letter: StoredLetter, itemId: number) => letter.items.find((candidate) => candidate.id === itemId) ?? null;

  return {
    revisions,
    async saveField(letter, target, value) {
      const same = 'No change: the value is as it was.';
      if (target.kind === 'item') {
        if (!item(letter, target.itemId)) return;
        await change(letter, (ref) => api.updateItemField(ref, target.itemId, { field: target.field, value }), same);
      } else {
        await change(letter, (ref) => api.updateLetterField(ref, { field: target.field, value }), same);
      }
    },
    async assignSelection(letter, target, spans) {
      const [only] = spans ?? [];
      if (!target || !only || !spans) return context().warn('Select text in the source, focus a field, then press s.');
      const source = spans.length === 1 ? { selection: only } : { selections: spans };
      if (target.kind === 'item') await change(letter, (ref) => api.updateItemField(ref, target.itemId, { field: target.field, ...source }));
      else await change(letter, (ref) => api.updateLetterField(ref, { field: target.field, ...source }));
    },
    async decide(letter, itemId, decision) {
      if (item(letter, itemId)?.decision === decision) return context().notify(`The decision is ${decision} already.`);
      await change(letter, (ref) => api.setDecision(ref, itemId, decision));
    },
    async toggleConfirmed(letter, itemId) {
      const status = item(letter, itemId)?.status === 'confirmed' ? 'unreviewed' : 'confirmed';
      await change(letter, (ref) => api.setItemStatus(ref, itemId, status));
    },
    async setStructure(letter, itemId, key, value) {
      await change(letter, (ref) => api.setStructureValue(ref, itemId, { key, value }), 'No change: the value is as it was.');
    },
    async addItem(letter, position) {
      const result = await change(letter, (ref) => api.addItem(ref, { position }));
      if (result) context().focus({ kind: 'item', itemId: result.id, field: 'service' });
    },
    async deleteItem(letter, itemId) {
      const index = letter.items.findIndex((candidate) => candidate.id === itemId);
      const result = await change(letter, (ref) => api.deleteItem(ref, itemId));
      // The item after it takes its place (the one before, when it was the last), so item keys go on working.
      const next = letter.items[index + 1] ?? letter.items[index - 1];
      if (result && next) context().focus({ kind: 'item', itemId: next.id, field: 'decision' });
    },
    async splitItem(letter, itemId, spans) {
      const span = spans?.[0];
      if (!span) return context().warn("Select the second item's header in the source, then press Shift+S.");
      const result = await change(letter, (ref) => api.splitItem(ref, itemId, span));
      if (result) context().focus({ kind: 'item', itemId: result.id, field: 'service' });
    },
    async mergeWithNext(letter, itemId) {
      const index = letter.items.findIndex((candidate) => candidate.id === itemId);
      const next = letter.items[index + 1];
      if (!next) return context().warn('There is no next item to merge with.');
      await change(letter, (ref) => api.mergeItems(ref, itemId, next.id));
    },
    async moveItem(letter, itemId, step) {
      const order = letter.items.map((candidate) => candidate.id);
      const index = order.indexOf(itemId);
      const swapWith = index + step;
      if (index < 0 || swapWith < 0 || swapWith >= order.length) return;
      [order[index], order[swapWith]] = [order[swapWith]!, order[index]!];
      await change(letter, (ref) => api.reorderItems(ref, order));
    },
    async verify(letter) {
      const result = await change(letter, (ref) => api.confirmAndVerify(ref), `${label(letter)} is verified already.`);
      return result !== null;
    },
    async flag(letter, reason) {
      await change(letter, (ref) => api.flagLetter(ref, reason));
    },
    async reopen(letter) {
      await change(letter, (ref) => api.reopenLetter(ref));
    },
    async toggleTag(letter, tag, target) {
      const onItem = target?.kind === 'item' && tag.scope !== 'letter' ? item(letter, target.itemId) : null;
      if (!onItem && tag.scope === 'item') return context().warn(`"${tag.name}" is an item tag: focus an item first.`);
      if (onItem) {
        const has = onItem.tags.some((t) => t.id === tag.id);
        await change(letter, (ref) => (has ? api.untagItem(ref, onItem.id, tag.id) : api.tagItem(ref, onItem.id, tag.id)));
      } else {
        const has = letter.tags.some((t) => t.id === tag.id);
        await change(letter, (ref) => (has ? api.untagLetter(ref, tag.id) : api.tagLetter(ref, tag.id)));
      }
    },
    async untag(letter, tagId, itemId) {
      await change(letter, (ref) => (itemId === null ? api.untagLetter(ref, tagId) : api.untagItem(ref, itemId, tagId)));
    },
    async addNote(letter, body) {
      await change(letter, (ref) => api.addNote(ref, body));
    },
    async deleteNote(letter, noteId) {
      await change(letter, (ref) => api.deleteNote(ref, noteId));
    },
    step: (direction) =>
      serial(async () => {
        const offered = context().undoState()?.[direction] ?? null;
        if (!offered) {
          // Nothing was on offer here; another window or program may have made a step since.
          await context().loadUndoState();
          const now = context().undoState()?.[direction] ?? null;
          if (!now) return context().notify(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
          return context().warn(`${STEP_WORDS[direction].name} had nothing to offer here, but another window or program changed the library: it now offers “${describeStep(now)}”. Press ${STEP_WORDS[direction].key} again to take that step.`);
        }
        const ticket = context().undoTicket();
        let taken: StepResult;
        try {
          taken = await (direction === 'undo' ? api.undo({ expected: offered.changeId }) : api.redo({ expected: offered.changeId }));
        } catch (error) {
          if (!(error instanceof ApiCallError && error.code === 'cannot-undo')) throw error;
          // The library moved on under this window: read what is on offer now and say so, so the next press acts on it.
          await context().refresh();
          return context().warn(refusedStep(direction, offered, context().undoState()?.[direction] ?? null));
        }
        context().notify(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${describeStep(taken.step)}`);
        // The step's letter is shown, whichever letter was on screen: the reviewer sees what came back.
        context().showScreen(taken.screen, ticket, true);
      }),
  };
}

const STEP_WORDS = {
  undo: { done: 'undone', key: 'Ctrl+Z', name: 'Undo' },
  redo: { done: 'redone', key: 'Ctrl+Shift+Z', name: 'Redo' },
} as const;

/** Why the step shown could not be taken, and what the reviewer can do now. */
export function refusedStep(direction: 'undo' | 'redo', offered: UndoStep, now: UndoStep | null): string {
  const words = STEP_WORDS[direction];
  const why = `Nothing was ${words.done}: another window or program changed the library after “${describeStep(offered)}”.`;
  if (now === null) return `${why} There is nothing left to ${direction}.`;
  return `${why} ${words.name} now offers “${describeStep(now)}”: press ${words.key} again to take that step, or open the letter's history (h) to see what changed.`;
}
