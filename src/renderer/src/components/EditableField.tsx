/**
 * One field's value: a read-only text box the keyboard can reach (Tab) and a screen reader can
 * name, a ring while focused, edited in place. Enter opens the editor with the caret at the end
 * (Ctrl/Cmd+A selects all), Enter saves, Escape cancels. Values keep the letters' whitespace
 * convention (every run of white space is one space), so a line break is never typed into one.
 * Only warnings nobody has answered are shown (answered ones stay in the history), with the rule
 * checks' findings on the value; under the value, what the vocabulary read in it (`reading`).
 */
import type { ReactNode } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';
import type { CheckFinding } from '../../../shared/derived.ts';
import type { Span } from '../../../shared/letter.ts';
import type { StoredWarning } from '../../../shared/library.ts';
import { openWarnings } from '../attention.ts';
import type { FieldStyle, FieldTarget } from '../fields.ts';
import { sameTarget, targetKey } from '../fields.ts';
import { FieldNotes } from './FieldNotes.tsx';
import { useFollowFocus } from './focus.ts';
import { MarkedText } from './MarkedText.tsx';

export interface EditableFieldProps {
  readonly id: string;
  /** What a screen reader calls the field, e.g. "Item 2 service". */
  readonly name: string;
  readonly label: string;
  readonly value: string | null;
  readonly colour: string;
  readonly focused: boolean;
  /** Goes up when a key or a click asks the keyboard focus to follow the focused field. */
  readonly focusRequest: number;
  readonly editing: boolean;
  readonly edited: boolean;
  readonly readOnly: boolean;
  readonly warnings: readonly StoredWarning[];
  readonly checks: readonly CheckFinding[];
  /** Stretches of the value the vocabulary read (citations, drugs), marked in it. */
  readonly marks?: readonly Span[];
  /** The vocabulary's reading, shown under the value. */
  readonly reading?: ReactNode;
  readonly multiline?: boolean;
  /** Laid out as label and value on one line (the letter's short fields). */
  readonly inline?: boolean;
  readonly onFocus: () => void;
  readonly onStartEdit: () => void;
  readonly onSave: (value: string | null) => void;
  readonly onCancel: () => void;
}

export function EditableField(props: EditableFieldProps) {
  const { id, name, label, value, colour, focused, focusRequest, editing, edited, readOnly, multiline, inline } = props;
  const [draft, setDraft] = useState(value ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  const shown = useRef<HTMLDivElement>(null);
  const warnings = openWarnings(props.warnings);
  const noted = warnings.length > 0 || props.checks.length > 0;

  // Each time the editor opens: the value as it is now, the caret after its last character.
  useLayoutEffect(() => {
    if (!editing) return;
    const text = value ?? '';
    setDraft(text);
    const element = input.current;
    if (!element) return;
    element.value = text;
    element.focus();
    element.setSelectionRange(text.length, text.length);
    // The value is read once per opening, not again while it is being edited.
  }, [editing]); // eslint-disable-line react-hooks/exhaustive-deps

  useFollowFocus(shown, focused, editing, focusRequest);

  const save = () => props.onSave(draft.trim() === '' ? null : draft.replace(/\s+/g, ' ').trim());
  const warningsId = `${id}-warnings`;
  return (
    <div id={id} className={`field field-${colour}${focused ? ' field-focused' : ''}${inline ? ' field-inline' : ''}`} onDoubleClick={() => !readOnly && props.onStartEdit()}>
      <div className="field-label" id={`${id}-label`}>
        <span className={`swatch swatch-${colour}`} aria-hidden="true" />
        {label}
        {edited && <span className="edited-mark" title="Changed by a person from the parser's value">edited</span>}
      </div>
      {editing ? (
        <textarea
          ref={input}
          className="field-input"
          aria-label={name}
          value={draft}
          rows={multiline ? Math.min(12, Math.max(3, Math.ceil(draft.length / 70))) : 2}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              // Shift+Enter too: a value holds no line breaks, so it saves rather than add one that would be folded away.
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
        <div
          ref={shown}
          className={`field-value${value === null ? ' field-empty' : ''}${multiline ? ' field-long' : ''}`}
          role="textbox"
          aria-readonly="true"
          aria-label={name}
          aria-describedby={noted ? warningsId : undefined}
          tabIndex={0}
          onFocus={props.onFocus}
        >
          {value === null ? '—' : <MarkedText text={value} marks={props.marks ?? []} />}
        </div>
      )}
      {props.reading}
      <FieldNotes id={warningsId} warnings={warnings} checks={props.checks} />
    </div>
  );
}

/** What any field does when the reviewer focuses, edits, saves or cancels it. */
export interface FieldHandlers {
  /** The keyboard focus came to the field (Tab, a click). */
  readonly onFocus: (target: FieldTarget) => void;
  readonly onStartEdit: (target: FieldTarget) => void;
  readonly onSave: (target: FieldTarget, value: string | null) => void;
  readonly onCancelEdit: () => void;
}

export interface TargetFieldProps {
  readonly target: FieldTarget;
  readonly name: string;
  readonly style: FieldStyle;
  readonly value: string | null;
  readonly edited: boolean;
  readonly readOnly: boolean;
  readonly warnings: readonly StoredWarning[];
  readonly checks: readonly CheckFinding[];
  readonly marks?: readonly Span[];
  readonly reading?: ReactNode;
  readonly multiline?: boolean;
  readonly inline?: boolean;
  readonly focused: FieldTarget | null;
  readonly focusRequest: number;
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
