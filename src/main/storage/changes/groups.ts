/**
 * Change groups: one per change a person (or a dataset import) made, with the rows it changed.
 * The review groups form the undo stack: undo takes the newest one done, redo the oldest one
 * undone; a new change discards what was undone, as in every editor.
 */
import type { ChangeAction, ChangeDetails, ChangeOrigin, ChangeState, HistoryEntry } from '../../../shared/library.ts';
import type { Db } from '../sql.ts';
import { parseJson, statement } from '../sql.ts';
import type { ChangedRow, RowImage, RowKey } from './capture.ts';
import { isTrackedTable } from './tables.ts';

export interface NewChangeGroup {
  /** The letter the change was made on; null for the tag list. */
  readonly letterId: number | null;
  readonly action: ChangeAction;
  readonly details: ChangeDetails;
  readonly origin: ChangeOrigin;
  readonly reviewer: string;
  readonly at: string;
  /** A note, a letter tag or the tag list: not a change to the letter's data (see ChangeRequest). */
  readonly commentary: boolean;
}

export interface ChangeGroup extends Omit<NewChangeGroup, 'commentary'> {
  readonly id: number;
  readonly state: ChangeState;
  readonly undoneAt: string | null;
}

const groupColumns = (g: string) =>
  `${g}.id, ${g}.letter_id AS letterId, ${g}.action, ${g}.details, ${g}.origin, ${g}.reviewer, ${g}.at, ${g}.state, ${g}.undone_at AS undoneAt`;

/** Stores a group with its rows and the letters it touched; returns its id. */
export function recordGroup(db: Db, group: NewChangeGroup, rows: readonly ChangedRow[], letterIds: readonly number[]): number {
  const groupId = openGroup(db, group);
  appendRows(db, groupId, rows, 0);
  linkLetters(db, groupId, letterIds);
  return groupId;
}

/** Stores the group alone; its rows and letters follow (a change made letter by letter). */
export function openGroup(db: Db, group: NewChangeGroup): number {
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO change_groups (letter_id, action, details, origin, reviewer, at, commentary) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(group.letterId, group.action, JSON.stringify(group.details), group.origin, group.reviewer, group.at, group.commentary ? 1 : 0);
  return Number(lastInsertRowid);
}

/** Adds rows to the group, numbered on from `firstSeq`. */
export function appendRows(db: Db, groupId: number, rows: readonly ChangedRow[], firstSeq: number): void {
  const insertRow = statement(db, 'INSERT INTO change_rows (group_id, seq, table_name, row_key, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  rows.forEach((row, index) => {
    insertRow.run(groupId, firstSeq + index, row.table, JSON.stringify(row.key), row.before && JSON.stringify(row.before), row.after && JSON.stringify(row.after));
  });
}

export function linkLetters(db: Db, groupId: number, letterIds: readonly number[]): void {
  const link = statement(db, 'INSERT OR IGNORE INTO change_group_letters (letter_id, group_id) VALUES (?, ?)');
  for (const letterId of letterIds) link.run(letterId, groupId);
}

export function setGroupDetails(db: Db, groupId: number, details: ChangeDetails): void {
  statement(db, 'UPDATE change_groups SET details = ? WHERE id = ?').run(JSON.stringify(details), groupId);
}

/** Removes a group that recorded nothing. */
export function dropGroup(db: Db, groupId: number): void {
  statement(db, 'DELETE FROM change_groups WHERE id = ?').run(groupId);
}

export function groupRows(db: Db, groupId: number): ChangedRow[] {
  const rows = statement(db, 'SELECT table_name, row_key, before, after FROM change_rows WHERE group_id = ? ORDER BY seq').all(groupId) as {
    table_name: string;
    row_key: string;
    before: string | null;
    after: string | null;
  }[];
  return rows.flatMap((row) =>
    isTrackedTable(row.table_name)
      ? [{ table: row.table_name, key: parseJson<RowKey>(row.row_key), before: imageOf(row.before), after: imageOf(row.after) }]
      : [],
  );
}

function imageOf(json: string | null): RowImage | null {
  return json === null ? null : parseJson<RowImage>(json);
}

/** The review change undo would take back: the newest one done. */
export function undoCandidate(db: Db): ChangeGroup | null {
  return readGroup(statement(db, `SELECT ${groupColumns('g')} FROM change_groups g WHERE origin = 'review' AND state = 'done' ORDER BY id DESC LIMIT 1`).get());
}

/** The review change redo would put back: the oldest one undone (undone ones are always the newest). */
export function redoCandidate(db: Db): ChangeGroup | null {
  return readGroup(statement(db, `SELECT ${groupColumns('g')} FROM change_groups g WHERE origin = 'review' AND state = 'undone' ORDER BY id LIMIT 1`).get());
}

export function setGroupState(db: Db, groupId: number, state: ChangeState, at: string | null): void {
  statement(db, 'UPDATE change_groups SET state = ?, undone_at = ? WHERE id = ?').run(state, at, groupId);
}

/** A new review change ends the redo stack. */
export function discardUndone(db: Db): void {
  statement(db, "UPDATE change_groups SET state = 'discarded' WHERE origin = 'review' AND state = 'undone'").run();
}

/** Every change that touched the letter, oldest first. */
export function listLetterHistory(db: Db, letterId: number): HistoryEntry[] {
  const rows = statement(
    db,
    `SELECT ${groupColumns('g')}
     FROM change_group_letters gl JOIN change_groups g ON g.id = gl.group_id WHERE gl.letter_id = ? ORDER BY g.id`,
  ).all(letterId);
  return rows.map((row) => readGroup(row) as ChangeGroup);
}

function readGroup(row: unknown): ChangeGroup | null {
  if (row === undefined) return null;
  const { details, ...rest } = row as Omit<ChangeGroup, 'details'> & { details: string };
  return { ...rest, details: parseJson<ChangeDetails>(details) };
}
