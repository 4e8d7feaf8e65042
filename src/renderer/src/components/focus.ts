/**
 * The keyboard focus follows the focused field: always when a key or a click asked for a field
 * (the request count went up), otherwise only from nowhere (the page itself, or an element that
 * has just gone), from another field or from the source text. A control the reviewer is using
 * (the search box, a filter, a button, the queue list clicked) keeps it when a letter merely
 * opens; a letter opened by a key takes it, so the reviewer goes on in the letter.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Where the focus goes when a letter is shown: `keep` the focused field (the same letter,
 * reloaded); `first`, the letter's first field needing attention, which the keyboard focus
 * follows as above; `take`, that field with the keyboard focus too (a letter opened by a key).
 */
export type LetterFocus = 'keep' | 'first' | 'take';

/**
 * The focus request the last commit that made one has seen through. A request holds for the
 * commit it is made in: a field mounted in it (an item of a letter just opened) answers it as a
 * field already there does, and no later commit does.
 */
let settledRequest = 0;

/** Run by the component that owns the request count: its effects run after its children's. */
export function useSettleFocusRequests(focusRequest: number): void {
  useEffect(() => {
    settledRequest = focusRequest;
  }, [focusRequest]);
}

export function takesFocus(active: Element | null): boolean {
  if (active === null || active === document.body || !active.isConnected) return true;
  return active.matches('.field-value') || active.closest('.source') !== null;
}

export function useFollowFocus(element: RefObject<HTMLElement | null>, focused: boolean, editing: boolean, focusRequest: number): void {
  useEffect(() => {
    const asked = settledRequest !== focusRequest;
    const target = element.current;
    if (!focused || editing || !target) return;
    if (document.activeElement !== target && (asked || takesFocus(document.activeElement))) target.focus({ preventScroll: true });
    target.closest('.field')?.scrollIntoView({ block: 'nearest' });
  }, [element, focused, editing, focusRequest]);
}
