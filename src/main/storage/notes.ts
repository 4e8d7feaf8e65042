/** Free-text notes on a letter, signed by their author. */
import { NotFoundError } from './errors.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { Note } from '../../shared/library.ts';
export type { Note } from '../../shared/library.ts';

export function insertNote(db: Db, letterId: number, body: string, author: string, at: string): number {
  const { lastInsertRowid } = statement(db, 'INSERT INTO notes (letter_id, body, author, created_at) VALUES (?, ?, ?, ?)').run(
    letterId,
    body,
    author,
    at,
  );
  return Number(lastInsertRowid);
}

export function listNotes(db: Db, letterId: number): Note[] {
  return statement(
    db,
    `SELECT id, letter_id AS letterId, body, author, created_at AS createdAt
     FROM notes WHERE letter_id = ? ORDER BY id`,
  ).all(letterId) as Note[];
}

export function getNote(db: Db, noteId: number): Note {
  const note = statement(db, 'SELECT id, letter_id AS letterId, body, author, created_at AS createdAt FROM notes WHERE id = ?').get(noteId) as
    | Note
    | undefined;
  if (!note) throw new NotFoundError('note', noteId);
  return note;
}

export function deleteNoteRow(db: Db, noteId: number): void {
  const { changes } = statement(db, 'DELETE FROM notes WHERE id = ?').run(noteId);
  if (changes === 0) throw new NotFoundError('note', noteId);
}
