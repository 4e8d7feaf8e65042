/** What reviewers corrected: per field, how often the parser's value was changed on verified letters. */
import type { ItemField, LetterField } from './library.ts';

export interface FieldCorrections {
  readonly field: ItemField | LetterField;
  readonly scope: 'letter' | 'item';
  /** Values of this field on verified letters (items on verified letters, for item fields). */
  readonly values: number;
  /** How many of them a person changed from the parser's value. */
  readonly corrected: number;
}

export interface Correction {
  readonly letterId: number;
  readonly letterLabel: string;
  /** The item's place, from 1; null for a letter field. */
  readonly itemNumber: number | null;
  readonly field: ItemField | LetterField;
  /** What the parser read. */
  readonly parser: string | null;
  /** What the reviewer made of it. */
  readonly reviewer: string | null;
}

export interface CorrectionsReport {
  readonly verifiedLetters: number;
  readonly fields: readonly FieldCorrections[];
}
