/**
 * A view over the whole window (Insights, Quality): a modal <dialog>, so the review behind it is
 * inert until it closes and focus then comes back to where it was; Escape or its own key closes it.
 */
import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useModalDialog } from './useModalDialog.ts';

export interface FullViewProps {
  readonly id: string;
  readonly title: string;
  /** The key that opened the view closes it too ('I', 'Q'). */
  readonly closeKey: string;
  readonly onClose: () => void;
  /** Beside the title: the view's own choices and status. */
  readonly header?: ReactNode;
  readonly children: ReactNode;
}

export function FullView({ id, title, closeKey, onClose, header, children }: FullViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useModalDialog(() => heading.current?.focus());
  return (
    <dialog
      ref={dialog}
      className={`full-view ${id}`}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // A dialog opened inside the view gets its own Escape; it reaches here through React's tree too.
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === closeKey) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="insights-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {header}
        <button type="button" className="insights-close" onClick={onClose} title="Back to the review (Esc)">
          Close
        </button>
      </header>
      {children}
    </dialog>
  );
}
