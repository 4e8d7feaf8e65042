/**
 * The keyboard focus follows the focused field: always when a key or a click asked for a field
 * (the request count went up), otherwise only from nowhere (the page itself, or an element that
 * has just gone), from another field or from the source text. A control the reviewer is using
 * (the search box, a filter, a button) keeps it when a letter merely opens.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export function takesFocus(active: Element | null): boolean {
  if (active === null || active === document.body || !active.isConnected) return true;
  return active.matches('.field-value') || active.closest('.source') !== null;
}

export function useFollowFocus(element: RefObject<HTMLElement | null>, focused: boolean, editing: boolean, focusRequest: number): void {
  const handled = useRef(focusRequest);
  useEffect(() => {
    const asked = handled.current !== focusRequest;
    handled.current = focusRequest;
    const target = element.current;
    if (!focused || editing || !target) return;
    if (document.activeElement !== target && (asked || takesFocus(document.activeElement))) target.focus({ preventScroll: true });
    target.closest('.field')?.scrollIntoView({ block: 'nearest' });
  }, [element, focused, editing, focusRequest]);
}
