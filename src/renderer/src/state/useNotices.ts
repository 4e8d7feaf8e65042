/**
 * Short-lived notices: each action says what it did for a few seconds (with Undo where the
 * action can be undone), then the status bar goes back to its hint. Errors stay until the
 * reviewer dismisses them or a later notice replaces them, since a missed error costs more
 * than a missed confirmation.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly kind: 'info' | 'error';
  /** Offer Undo: the notice reports a change that is the newest undo step. */
  readonly undoable: boolean;
}

/** How long an info notice stays: long enough to read a sentence, short enough not to go stale. */
export const NOTICE_MS = 6000;

export interface Notices {
  readonly notice: Notice | null;
  readonly say: (text: string, options?: { readonly undoable?: boolean }) => void;
  readonly error: (text: string) => void;
  readonly dismiss: () => void;
  /** How many notices have been shown: a report that would replace a newer one can tell. */
  readonly shown: () => number;
}

export function useNotices(): Notices {
  const [notice, setNotice] = useState<Notice | null>(null);
  const next = useRef(1);
  const show = useCallback((text: string, kind: Notice['kind'], undoable: boolean) => setNotice({ id: next.current++, text, kind, undoable }), []);
  const say = useCallback((text: string, options?: { readonly undoable?: boolean }) => show(text, 'info', options?.undoable ?? false), [show]);
  const error = useCallback((text: string) => show(text, 'error', false), [show]);
  const dismiss = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => setNotice((current) => (current?.id === notice.id ? null : current)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  const shown = useCallback(() => next.current - 1, []);
  return { notice, say, error, dismiss, shown };
}
