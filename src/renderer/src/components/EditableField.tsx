/**
 * One field's value: shown read-only, focused with a ring, edited in place. Enter saves
 * (Shift+Enter for a line break), Escape cancels. A person's edit is marked as such.
 */
import { useEffect, useRef, useState } from 'react';
import type { ParseWarning } from '../../../shared/letter.ts';
import type { FieldStyle, FieldTarget } from '../fields.ts';
import { sameTarget, targetKey } from '../fields.ts';

export interface EditableFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string | null;
  readonly colour: string;
  readonly focused: boolean;
  readonly editing: boolean;
  readonly edited: boolean;
  readonly readOnly: boolean;
  readonly warnings: readonly ParseWarning[];
  readonly multiline?: boolean;
  readonly onFocus: () => void;
  readonly onStartEdit: () => void;
  readonly onSave: (value: string | null) => void;
  readonly onCancel: () => void;
}

export function EditableField(props: EditableFieldProps) {
  const { id, label, value, colour, focused, editing, edited, readOnly, warnings, multiline } = props;
  const [draft, setDraft] = useState(value ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (editing) {
      setDraft(value ?? '');
      requestAnimationFrame(() => {
        input.current?.focus();
        input.current?.select();
      });
    }
  }, [editing, value]);

  useEffect(() => {
    if (focused && !editing) box.current?.scrollIntoView({ block: 'nearest' });
  }, [focused, editing]);

  const save = () => props.onSave(draft.trim() === '' ? null : draft.replace(/\s+/g, ' ').trim());
  return (
    <div
      ref={box}
      id={id}
      className={`field field-${colour}${focused ? ' field-focused' : ''}`}
      onClick={props.onFocus}
      onDoubleClick={() => !readOnly && props.onStartEdit()}
    >
      <div className="field-label">
        <span className={`swatch swatch-${colour}`} aria-hidden="true" />
        {label}
        {edited && <span className="edited-mark" title="Edited by a person">edited</span>}
      </div>
      {editing ? (
        <textarea
          ref={input}
          className="field-input"
          aria-label={label}
          value={draft}
          rows={multiline ? Math.min(12, Math.max(3, Math.ceil(draft.length / 70))) : 2}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              save();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              props.onCancel();
            }
            event.stopPropagation();
          }}
          onBlur={() => (draft !== (value ?? '') ? save() : props.onCancel())}
        />
      ) : (
        <div className={`field-value${value === null ? ' field-empty' : ''}${multiline ? ' field-long' : ''}`}>
          {value ?? '—'}
        </div>
      )}
      {warnings.map((warning, i) => (
        <div key={i} className="warning" role="note">
          ⚠ {warning.message}
        </div>
      ))}
    </div>
  );
}

/** What any field does when the reviewer focuses, edits, saves or cancels it. */
export interface FieldHandlers {
  readonly onFocus: (target: FieldTarget) => void;
  readonly onStartEdit: (target: FieldTarget) => void;
  readonly onSave: (target: FieldTarget, value: string | null) => void;
  readonly onCancelEdit: () => void;
}

export interface TargetFieldProps {
  readonly target: FieldTarget;
  readonly style: FieldStyle;
  readonly value: string | null;
  readonly edited: boolean;
  readonly readOnly: boolean;
  readonly warnings: readonly ParseWarning[];
  readonly multiline?: boolean;
  readonly focused: FieldTarget | null;
  readonly editing: FieldTarget | null;
  readonly handlers: FieldHandlers;
}

/** An EditableField bound to the letter or item field it shows. */
export function TargetField({ target, style, focused, editing, handlers, ...rest }: TargetFieldProps) {
  return (
    <EditableField
      id={`field-${targetKey(target)}`}
      label={style.label}
      colour={style.colour}
      focused={sameTarget(focused, target)}
      editing={sameTarget(editing, target)}
      onFocus={() => handlers.onFocus(target)}
      onStartEdit={() => handlers.onStartEdit(target)}
      onSave={(value) => handlers.onSave(target, value)}
      onCancel={handlers.onCancelEdit}
      {...rest}
    />
  );
}
