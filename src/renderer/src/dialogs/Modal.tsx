/** A modal on the native <dialog>: focus moves in and is trapped, Escape closes, focus returns after. */
import type { ReactNode } from 'react';
import { useModalDialog } from '../components/useModalDialog.ts';

export interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
  /** A modal that must be answered: no close button, Escape does nothing. */
  readonly required?: boolean;
}

const FIRST_QUESTION = ['input:not([type="radio"]):not([type="checkbox"])', 'input[type="radio"]:checked', 'textarea', 'select']
  .map((control) => `${control}:not(:disabled)`)
  .join(', ');

export function Modal({ title, onClose, children, wide, required }: ModalProps) {
  // showModal focuses the first focusable element (the close button); the form's first question
  // is the better start, as Tab from the top would reach it: a text field, a drop-down, or a
  // choice of options at the option chosen. Not a checkbox, which a stray Space would toggle.
  const dialog = useModalDialog((element) => element.querySelector<HTMLElement>(FIRST_QUESTION)?.focus());
  return (
    <dialog
      ref={dialog}
      className={`modal${wide ? ' modal-wide' : ''}`}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        if (!required) onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <header className="modal-header">
        <h2>{title}</h2>
        {!required && (
          <button type="button" className="icon" aria-label="Close" onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {/* A long body scrolls: it is a Tab stop of its own, so the keyboard can scroll it too. */}
      <div className="modal-body" tabIndex={0} role="group" aria-label={title}>
        {children}
      </div>
    </dialog>
  );
}
