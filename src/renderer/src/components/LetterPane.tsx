/** The extracted side of the split view: the letter's fields, its review status, its items and notes. */
import type { Decision } from '../../../shared/letter.ts';
import { desktop } from '../api/client.ts';
import type { LetterField, StoredLetter } from '../../../shared/library.ts';
import { openWarnings } from '../attention.ts';
import { checksOn } from '../checks.ts';
import type { FieldTarget } from '../fields.ts';
import { LETTER_FIELD_ORDER, LETTER_FIELD_STYLES, letterFieldValue } from '../fields.ts';
import type { FieldHandlers } from './EditableField.tsx';
import type { ItemStructureHandlers } from './ItemCard.tsx';
import type { StructureHandler } from './ItemReading.tsx';
import { TargetField } from './EditableField.tsx';
import { ItemCard } from './ItemCard.tsx';
import { TagChips } from './TagChips.tsx';

export interface LetterPaneProps {
  readonly letter: StoredLetter;
  readonly focused: FieldTarget | null;
  readonly focusRequest: number;
  readonly editing: FieldTarget | null;
  readonly handlers: FieldHandlers;
  readonly structure: ItemStructureHandlers & StructureHandler;
  readonly onDecide: (itemId: number, decision: Decision) => void;
  readonly onVerify: () => void;
  readonly onFinish: () => void;
  readonly onFlag: () => void;
  readonly onReopen: () => void;
  readonly onAddItem: () => void;
  readonly onUntagLetter: (tagId: number) => void;
  readonly onUntagItem: (itemId: number, tagId: number) => void;
  readonly onDeleteNote: (noteId: number) => void;
  readonly onAddNote: () => void;
  readonly onShowHistory: () => void;
}

const STATUS_LABELS: Record<StoredLetter['status'], string> = {
  unreviewed: 'Unreviewed',
  in_progress: 'In progress',
  verified: 'Verified',
  flagged: 'Flagged',
};

export function LetterPane(props: LetterPaneProps) {
  const { letter, focused, editing } = props;
  const readOnly = letter.status === 'verified';
  const letterField = (field: LetterField) => (
    <TargetField
      key={field}
      target={{ kind: 'letter', field }}
      name={LETTER_FIELD_STYLES[field].label}
      style={LETTER_FIELD_STYLES[field]}
      inline
      value={letterFieldValue(letter, field)}
      edited={letter.humanEdited.includes(field)}
      readOnly={readOnly}
      warnings={letter.warnings.filter((w) => w.field === field)}
      checks={checksOn(letter, { kind: 'letter', field })}
      focused={focused}
      focusRequest={props.focusRequest}
      editing={editing}
      handlers={props.handlers}
    />
  );
  const letterWarnings = openWarnings(letter.warnings).filter((w) => !w.field || !LETTER_FIELD_ORDER.includes(w.field as LetterField));
  return (
    <section className="letter-pane" aria-label="Extracted fields">
      <div className="letter-title">
        <h2>{letter.caseNumber ?? letter.fileName}</h2>
        <div className="status-block">
          <span className={`status status-${letter.status}`}>{STATUS_LABELS[letter.status]}</span>
          {letter.status === 'verified' || letter.status === 'flagged' ? (
            <button type="button" onClick={props.onReopen} title="Reopen (r)">
              Reopen
            </button>
          ) : (
            <>
              <button type="button" className="primary" onClick={props.onFinish} title="Confirm the items left, verify, open the next letter needing review (d)">
                Done, next
              </button>
              <button type="button" onClick={props.onVerify} title="Confirm the items left and mark verified (v)">
                Verify
              </button>
              <button type="button" onClick={props.onFlag} title="Flag with a reason (f)">
                Flag
              </button>
            </>
          )}
          <button type="button" onClick={props.onShowHistory} title="Edit history (h)">
            History
          </button>
          {desktop && (
            <button type="button" onClick={() => void desktop?.revealLetterFile(letter.id)} title="Show the source file in the file manager">
              Reveal file
            </button>
          )}
        </div>
      </div>
      <div className="letter-meta muted">
        <span>{letter.fileName}</span>
        <span>{letter.format}</span>
        <span>
          {letter.pageCount} page{letter.pageCount === 1 ? '' : 's'}
        </span>
        <span>parser {letter.parserVersion}</span>
      </div>
      {letter.status === 'verified' && (
        <div className="notice">
          Verified by {letter.verifiedBy} on {letter.verifiedAt?.slice(0, 10)}. Read-only until reopened.
        </div>
      )}
      {letter.status === 'flagged' && <div className="notice notice-flag">Flagged: {letter.flagReason}</div>}
      <TagChips tags={letter.tags} onRemove={props.onUntagLetter} />
      {letterWarnings.map((warning, i) => (
        <div key={i} className="warning" role="note">
          ⚠ {warning.message}
        </div>
      ))}
      <div className="letter-fields">
        {LETTER_FIELD_ORDER.map(letterField)}
      </div>
      <h2 className="section-title">
        Items <span className="muted">{letter.items.length}</span>
      </h2>
      {letter.items.map((item, index) => (
        <ItemCard
          key={item.id}
          item={item}
          index={index}
          focused={focused}
          focusRequest={props.focusRequest}
          editing={editing}
          readOnly={readOnly}
          handlers={props.handlers}
          structure={props.structure}
          checks={letter.checks.filter((check) => check.itemIndex === index)}
          isLast={index === letter.items.length - 1}
          onDecide={props.onDecide}
          onUntag={props.onUntagItem}
        />
      ))}
      {!readOnly && (
        <button type="button" className="add-item" onClick={props.onAddItem} title="Add item (a)">
          + Add item
        </button>
      )}
      <h2 className="section-title">Notes</h2>
      {letter.notes.map((note) => (
        <div key={note.id} className="note">
          <div className="muted">
            {note.author} · {note.createdAt.slice(0, 16).replace('T', ' ')}
            <button type="button" className="link" onClick={() => props.onDeleteNote(note.id)} aria-label="Delete note">
              delete
            </button>
          </div>
          <div>{note.body}</div>
        </div>
      ))}
      <button type="button" className="link" onClick={props.onAddNote} title="Add a note (m)">
        + Add note
      </button>
    </section>
  );
}
