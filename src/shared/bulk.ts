/**
 * Bulk actions: the items a search and the queue's filters select across letters, and one
 * change applied to all of them (a tag, an item status or a field value), recorded as one
 * change group so one undo takes it all back.
 */
import type { Decision } from './letter.ts';
import type { ItemField, ItemStatus, LetterStatus, TagLabel } from './library.ts';

/** Which item fields a bulk search reads. */
export const BULK_SEARCH_FIELDS = ['service', 'any'] as const;
export type BulkSearchField = (typeof BULK_SEARCH_FIELDS)[number];

/** One item a bulk action would change, with its letter's revision as previewed. */
export interface BulkTarget {
  readonly letterId: number;
  readonly revision: number;
  /** The letter's case number, else its file name. */
  readonly letterLabel: string;
  readonly letterStatus: LetterStatus;
  readonly itemId: number;
  /** The item's place in its letter, from 1. */
  readonly itemNumber: number;
  readonly service: string | null;
  readonly decision: Decision | null;
  readonly status: ItemStatus;
  readonly tags: readonly TagLabel[];
  /** The value of the field a field operation would set, for the preview. */
  readonly values: Readonly<Partial<Record<ItemField, string | null>>>;
}

export interface BulkPreview {
  /** The items selected (verified letters are read-only and left out), up to the limit asked for. */
  readonly targets: readonly BulkTarget[];
  /** All items selected, beyond the limit too. */
  readonly total: number;
  readonly letters: number;
  /** Items matched on verified letters, which a bulk action does not change. */
  readonly skippedVerified: number;
}

export type BulkOperation =
  | { readonly kind: 'tag'; readonly tagId: number; readonly on: boolean }
  | { readonly kind: 'status'; readonly status: ItemStatus }
  | { readonly kind: 'field'; readonly field: ItemField; readonly value: string | null };

export interface BulkResult {
  /** The change recorded (null when nothing changed): one undo step. */
  readonly changeId: number | null;
  readonly itemsChanged: number;
  readonly lettersChanged: number;
}

/** The most items one bulk action takes: enough for a real clean-up, small enough to preview and undo. */
export const BULK_MAX_ITEMS = 5000;
