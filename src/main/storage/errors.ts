/** Typed failures of the letter library, so callers (UI, CLI, IPC) can tell them apart. */

export type LibraryOpenFailure =
  | 'not-a-database'
  | 'corrupt'
  | 'newer-version'
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

  constructor(letterId: number) {
    super(`Letter ${letterId} is verified and read-only; reopen it to edit`);
    this.letterId = letterId;
  }
}

export type StoredEntity = 'letter' | 'item' | 'tag' | 'note' | 'import run';

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
