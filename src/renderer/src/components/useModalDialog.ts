/**
 * A <dialog> shown modal while the component is mounted: what is behind it is inert, and focus
 * returns to where it was when it closes. `focusFirst` picks what takes the focus when it opens.
 */
import { useEffect, useRef } from 'react';

export function useModalDialog(focusFirst: (dialog: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const first = useRef(focusFirst);
  useEffect(() => {
    const element = dialog.current;
    const previous = document.activeElement as HTMLElement | null;
    element?.showModal();
    if (element) first.current(element);
    return () => {
      element?.close();
      previous?.focus();
    };
  }, []);
  return dialog;
}
