/** Free-text notes on a letter, signed by the reviewer. Notes are commentary, so verified letters take them too. */
import { InvalidEditError, NotFoundError } from './errors.ts';
import { requireReviewer } from './reviewer.ts';
import { nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { Note } from '../../shared/library.ts';
export type { Note } from '../../shared/library.ts';

export function addNote(db: Db, letterId: number, body: string): number {
  const trimmed = body.trim();
  if (trimmed === '') throw new InvalidEditError('A note cannot be empty');
  const author = requireReviewer(db);
  if (statement(db, 'SELECT 1 FROM letters WHERE id = ?').get(letterId) === undefined) {
    throw new NotFoundError('letter', letterId);
  }
  const { lastInsertRowid } = statement(
    db,
    'INSERT INTO notes (letter_id, body, author, created_at) VALUES (?, ?, ?, ?)',
  ).run(letterId, trimmed, author, nowIso());
  return Number(lastInsertRowid);
}

export function listNotes(db: Db, letterId: number): Note[] {
  return statement(
    db,
    `SELECT id, letter_id AS letterId, body, author, created_at AS createdAt
     FROM notes WHERE letter_id = ? ORDER BY id`,
  ).all(letterId) as Note[];
}

export function deleteNote(db: Db, noteId: number): void {
  const { changes } = statement(db, 'DELETE FROM notes WHERE id = ?').run(noteId);
  if (changes === 0) throw new NotFoundError('note', noteId);
}
