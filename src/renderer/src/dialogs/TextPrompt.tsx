/** Asks for one line of text (a flag reason, a note, the reviewer's name). */
import { useState } from 'react';
import { Modal } from './Modal.tsx';

export interface TextPromptProps {
  readonly title: string;
  readonly label: string;
  readonly submitLabel: string;
  readonly initial?: string;
  readonly multiline?: boolean;
  /** The question must be answered before going on. */
  readonly required?: boolean;
  readonly onSubmit: (value: string) => void;
  readonly onClose: () => void;
}

export function TextPrompt({ title, label, submitLabel, initial = '', multiline, required, onSubmit, onClose }: TextPromptProps) {
  const [value, setValue] = useState(initial);
  const submit = () => value.trim() !== '' && onSubmit(value.trim());
  return (
    <Modal title={title} onClose={onClose} required={required}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="stacked">
          {label}
          {multiline ? (
            <textarea rows={4} value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && submit()} />
          ) : (
            <input value={value} onChange={(e) => setValue(e.target.value)} />
          )}
        </label>
        <div className="actions">
          {!required && (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className="primary" disabled={value.trim() === ''}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
