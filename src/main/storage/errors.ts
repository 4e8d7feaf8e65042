/** Typed failures of the letter library, so callers (UI, CLI, IPC) can tell them apart. */

export type LibraryOpenFailure =
  | 'not-a-database'
  /** An empty file, or SQLite without tables, and no library was asked for there. */
  | 'not-a-library'
  | 'corrupt'
  | 'newer-version'
  /** Opened read-only, so a file of an older schema cannot be brought up to date. */
  | 'older-version'
  | 'not-found'
  | 'foreign-database'
  | 'unreadable';

/** The library file cannot be opened; the file has not been modified. */
export class LibraryOpenError extends Error {
  override readonly name = 'LibraryOpenError';
  readonly file: string;
  readonly reason: LibraryOpenFailure;

  constructor(file: string, reason: LibraryOpenFailure, detail: string, options?: { cause?: unknown }) {
    super(`Cannot open letter library ${file}: ${detail}`, options);
    this.file = file;
    this.reason = reason;
  }
}

/** An edit or verification was attempted before a reviewer name was set. */
export class ReviewerNotSetError extends Error {
  override readonly name = 'ReviewerNotSetError';

  constructor() {
    super('Set the reviewer name before editing or verifying letters');
  }
}

/** The letter is verified; reopen it before changing its data. */
export class LetterReadOnlyError extends Error {
  override readonly name = 'LetterReadOnlyError';
  readonly letterId: number;

  /** @param label how the letter is named to a person: its case number, else its file */
  constructor(letterId: number, label: string) {
    super(`${label} is verified and read-only: reopen it (r) to change it`);
    this.letterId = letterId;
  }
}

export type StoredEntity = 'letter' | 'item' | 'tag' | 'note' | 'import run' | 'dataset conflict' | 'audit sample' | 'blind pass' | 'letter of blind pass';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  readonly entity: StoredEntity;
  readonly id: number;

  constructor(entity: StoredEntity, id: number) {
    super(`No ${entity} with id ${id}`);
    this.entity = entity;
    this.id = id;
  }
}

/** A change that the data does not allow (bad value, name taken, items of different letters, ...). */
export class InvalidEditError extends Error {
  override readonly name = 'InvalidEditError';
}

/** A change named a revision of its letter that is no longer current (someone changed it since); nothing was written. */
export class StaleRevisionError extends Error {
  override readonly name = 'StaleRevisionError';
  readonly letterId: number;
  readonly seen: number;
  readonly current: number;

  constructor(letterId: number, seen: number, current: number, label: string) {
    super(`${label} changed since you opened it (revision ${seen}, now ${current}); nothing was saved. It has been reloaded: check it and make the change again.`);
    this.letterId = letterId;
    this.seen = seen;
    this.current = current;
  }
}

/** Undo or redo would overwrite a change made after it; nothing was written. */
export class ChangeConflictError extends Error {
  override readonly name = 'ChangeConflictError';
}

/** There is no step to undo or redo, or it is not the one the reviewer was shown. */
export class UndoUnavailableError extends Error {
  override readonly name = 'UndoUnavailableError';
}
