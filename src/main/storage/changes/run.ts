/**
 * The one way data changes after import: a change names the letter and the revision it was made
 * on, runs in one write transaction, and is recorded as a change group with every row it
 * changed. A stale revision, a verified letter or a change that changes nothing writes nothing.
 */
import type { ChangeAction, ChangeDetails, ChangeOrigin, LetterStatus } from '../../../shared/library.ts';
import { LetterReadOnlyError, NotFoundError, StaleRevisionError } from '../errors.ts';
import type { Db } from '../sql.ts';
import { inWriteTransaction, nowIso, statement } from '../sql.ts';
import { captureChanges, capturedSoFar } from './capture.ts';
import type { ChangedRow } from './capture.ts';
import { appendRows, discardUndone, dropGroup, linkLetters, openGroup, recordGroup, setGroupDetails } from './groups.ts';
import { BOOKKEEPING_TABLES } from './tables.ts';

/** Who makes a change: the reviewer whose name it carries, and where it came from. */
export interface Actor {
  readonly reviewer: string;
  readonly origin: Exclude<ChangeOrigin, 'legacy'>;
}

/** The letter a change is made on, as the reviewer saw it. */
export interface LetterRef {
  readonly letterId: number;
  readonly revision: number;
}

/** The letter as a change finds it. */
export interface LetterState {
  readonly id: number;
  readonly revision: number;
  readonly status: LetterStatus;
  /** How messages name the letter: its case number, else its file name. */
  readonly label: string;
}

export interface ChangeRequest {
  /** null for a change to the tag list rather than to one letter. */
  readonly letter: LetterRef | null;
  readonly action: ChangeAction;
  readonly actor: Actor;
  /** Verify and reopen act on verified letters; nothing else may. */
  readonly allowVerified?: boolean;
  /**
   * A note or a letter tag comments on the letter rather than changing its data: it neither
   * starts the letter's review nor counts as human work that keeps a re-parse away.
   */
  readonly commentary?: boolean;
  /** Works out the letter's derived values again once the change has changed something (see review/derived.ts). */
  readonly derive?: (letterId: number) => void;
}

export interface ChangeOutcome<T> {
  readonly result: T;
  /** The recorded change; null when nothing changed. */
  readonly changeId: number | null;
  /** The letter's revision now (0 for tag list changes). */
  readonly revision: number;
}

export type ChangeWork<T> = (letter: LetterState | null) => { readonly details: ChangeDetails; readonly result: T };

export function runChange<T>(db: Db, request: ChangeRequest, work: ChangeWork<T>): ChangeOutcome<T> {
  return inWriteTransaction(db, () => {
    const letter = request.letter && checkedLetter(db, request.letter, request.allowVerified ?? false);
    const at = nowIso();
    const { result, rows } = captureChanges(db, () => {
      const done = work(letter);
      if (letter && capturedSoFar(db).length > 0) {
        if (!request.commentary) touchLetter(db, letter.id, at);
        request.derive?.(letter.id);
      }
      return done;
    });
    if (rows.length === 0) return { result: result.result, changeId: null, revision: letter?.revision ?? 0 };
    const letterIds = touchedLetters(db, rows, letter?.id ?? null);
    if (request.actor.origin === 'review') discardUndone(db);
    const changeId = recordGroup(
      db,
      {
        letterId: letter?.id ?? null,
        action: request.action,
        details: result.details,
        origin: request.actor.origin,
        reviewer: request.actor.reviewer,
        at,
        commentary: request.commentary ?? letter === null,
      },
      rows,
      letterIds,
    );
    bumpRevisions(db, letterIds);
    return { result: result.result, changeId, revision: letter ? letterRevision(db, letter.id) : 0 };
  });
}

/** A change made on many letters at once (a bulk action), each named with the revision the reviewer previewed. */
export interface ManyLettersRequest {
  readonly letters: readonly LetterRef[];
  readonly action: ChangeAction;
  readonly actor: Actor;
}

/**
 * Like runChange, over many letters in one transaction and one change group: every letter must
 * still be at the revision named and not verified, or nothing is written. Every row is recorded,
 * every letter touched moves to its next revision and lists the change in its history, and one
 * undo takes the whole change back.
 */
export function runChangeOnLetters<T>(db: Db, request: ManyLettersRequest, work: (letters: readonly LetterState[]) => { readonly details: ChangeDetails; readonly result: T }): ChangeOutcome<T> {
  return inWriteTransaction(db, () => {
    const letters = request.letters.map((ref) => checkedLetter(db, ref, false));
    const at = nowIso();
    const { result, rows } = captureChanges(db, () => {
      const done = work(letters);
      const changed = new Set(touchedLetters(db, capturedSoFar(db), null));
      for (const letter of letters) if (changed.has(letter.id)) touchLetter(db, letter.id, at);
      return done;
    });
    if (rows.length === 0) return { result: result.result, changeId: null, revision: 0 };
    const letterIds = touchedLetters(db, rows, null);
    if (request.actor.origin === 'review') discardUndone(db);
    const changeId = recordGroup(
      db,
      { letterId: null, action: request.action, details: result.details, origin: request.actor.origin, reviewer: request.actor.reviewer, at, commentary: false },
      rows,
      letterIds,
    );
    bumpRevisions(db, letterIds);
    return { result: result.result, changeId, revision: 0 };
  });
}

/** A change whose letters are only known once it has run (a package merge): no revision to check, verified letters included. */
export interface LibraryChangeRequest {
  readonly action: ChangeAction;
  readonly actor: Actor;
  /** Works out each changed letter's derived values again (see review/derived.ts). */
  readonly derive: (letterId: number) => void;
}

/** Runs one part of a library change, on one letter (null: on no letter's data), and records what it changed. */
export type ChangeStep = <R>(letterId: number | null, part: () => R) => R;

/**
 * Runs `work` in one transaction as one change group: every letter whose rows it changed is
 * stamped, derived again, listed in the group and moved to its next revision. One undo takes
 * the whole change back. The work does its writes in steps, a letter each, each captured and
 * recorded as it ends, so a change over thousands of letters holds one letter's rows at a time.
 */
export function runLibraryChange<T>(db: Db, request: LibraryChangeRequest, work: (step: ChangeStep) => { readonly details: ChangeDetails; readonly result: T }): ChangeOutcome<T> {
  return inWriteTransaction(db, () => {
    const at = nowIso();
    const { actor, action } = request;
    const groupId = openGroup(db, { letterId: null, action, details: {}, origin: actor.origin, reviewer: actor.reviewer, at, commentary: false });
    const letterIds = new Set<number>();
    let recorded = 0;
    const step: ChangeStep = (letterId, part) => {
      const { result, rows } = captureChanges(db, () => {
        const done = part();
        // Each row in one step only: a group's rows are put back together, one image each.
        if (letterId !== null && capturedSoFar(db).length > 0) {
          touchLetter(db, letterId, at);
          request.derive(letterId);
        }
        return done;
      });
      appendRows(db, groupId, rows, recorded);
      recorded += rows.length;
      for (const touched of touchedLetters(db, rows, null)) letterIds.add(touched);
      return result;
    };
    const { details, result } = work(step);
    if (recorded === 0) {
      dropGroup(db, groupId);
      return { result, changeId: null, revision: 0 };
    }
    if (actor.origin === 'review') discardUndone(db);
    setGroupDetails(db, groupId, details);
    const touched = [...letterIds].sort((a, b) => a - b);
    linkLetters(db, groupId, touched);
    bumpRevisions(db, touched);
    return { result, changeId: groupId, revision: 0 };
  });
}

function checkedLetter(db: Db, ref: LetterRef, allowVerified: boolean): LetterState {
  const row = statement(db, 'SELECT id, revision, status, case_number, file_name FROM letters WHERE id = ?').get(ref.letterId) as
    | { id: number; revision: number; status: LetterStatus; case_number: string | null; file_name: string }
    | undefined;
  if (!row) throw new NotFoundError('letter', ref.letterId);
  const label = row.case_number ?? row.file_name;
  if (row.revision !== ref.revision) throw new StaleRevisionError(row.id, ref.revision, row.revision, label);
  if (row.status === 'verified' && !allowVerified) throw new LetterReadOnlyError(row.id, label);
  return { id: row.id, revision: row.revision, status: row.status, label };
}

/** A changed letter is stamped, and an unreviewed one is now being reviewed. */
function touchLetter(db: Db, letterId: number, at: string): void {
  statement(db, "UPDATE letters SET updated_at = ?, status = IIF(status = 'unreviewed', 'in_progress', status) WHERE id = ?").run(at, letterId);
}

/** The letters whose rows the change touched: their revisions move on. */
export function touchedLetters(db: Db, rows: readonly ChangedRow[], made: number | null): number[] {
  const letters = new Set<number>(made === null ? [] : [made]);
  const itemLetters = new Map<number, number>();
  for (const row of rows) {
    const image = row.after ?? row.before;
    if (row.table === 'items' && typeof image?.['letter_id'] === 'number') itemLetters.set(row.key[0] as number, image['letter_id']);
  }
  for (const row of rows) {
    const image = row.after ?? row.before;
    if (row.table === 'letters' || row.table === 'letter_tags') letters.add(row.key[0] as number);
    else if (row.table === 'item_tags') {
      const itemId = row.key[0] as number;
      const letterId = itemLetters.get(itemId) ?? letterOfItem(db, itemId);
      if (letterId !== null) letters.add(letterId);
    } else if (row.table !== 'tags' && !BOOKKEEPING_TABLES.has(row.table) && typeof image?.['letter_id'] === 'number') letters.add(image['letter_id']);
  }
  return [...letters].sort((a, b) => a - b);
}

function letterOfItem(db: Db, itemId: number): number | null {
  const row = statement(db, 'SELECT letter_id FROM items WHERE id = ?').get(itemId) as { letter_id: number } | undefined;
  return row?.letter_id ?? null;
}

export function bumpRevisions(db: Db, letterIds: readonly number[]): void {
  const bump = statement(db, 'UPDATE letters SET revision = revision + 1 WHERE id = ?');
  for (const letterId of letterIds) bump.run(letterId);
}

export function letterRevision(db: Db, letterId: number): number {
  const row = statement(db, 'SELECT revision FROM letters WHERE id = ?').get(letterId) as { revision: number } | undefined;
  if (!row) throw new NotFoundError('letter', letterId);
  return row.revision;
}
