/** One decision item: its decision, its fields with their warnings, its tags. */
import type { Decision } from '../../../shared/letter.ts';
import type { ItemField, StoredItem } from '../../../shared/library.ts';
import type { FieldTarget } from '../fields.ts';
import { ITEM_FIELD_STYLES, MAIN_ITEM_FIELDS, PARTIAL_ITEM_FIELDS, sameTarget } from '../fields.ts';
import type { FieldHandlers } from './EditableField.tsx';
import { TargetField } from './EditableField.tsx';
import { TagChips } from './TagChips.tsx';

export interface ItemCardProps {
  readonly item: StoredItem;
  readonly index: number;
  readonly focused: FieldTarget | null;
  readonly editing: FieldTarget | null;
  readonly readOnly: boolean;
  readonly handlers: FieldHandlers;
  readonly onDecide: (itemId: number, decision: Decision) => void;
  readonly onUntag: (itemId: number, tagId: number) => void;
}

export function ItemCard(props: ItemCardProps) {
  const { item, index, focused, editing, readOnly } = props;
  const isFocusedItem = focused?.kind === 'item' && focused.itemId === item.id;
  const fields: ItemField[] = [
    ...MAIN_ITEM_FIELDS,
    ...PARTIAL_ITEM_FIELDS.filter((field) => item[field] !== null),
  ];
  const itemWarnings = item.warnings.filter((w) => !w.field || !(fields as string[]).includes(w.field));
  const decisionTarget: FieldTarget = { kind: 'item', itemId: item.id, field: 'decision' };
  return (
    <section className={`item${isFocusedItem ? ' item-focused' : ''}`} aria-label={`Item ${index + 1}`} data-item-id={item.id}>
      <header className="item-header">
        <span className="item-number">{index + 1}</span>
        <div
          className={`decision${sameTarget(focused, decisionTarget) ? ' field-focused' : ''}`}
          role="radiogroup"
          aria-label={`Item ${index + 1} decision`}
          onClick={() => props.handlers.onFocus(decisionTarget)}
        >
          {(['Upheld', 'Overturned'] as const).map((decision) => (
            <button
              key={decision}
              type="button"
              role="radio"
              aria-checked={item.decision === decision}
              className={`decision-option decision-${decision.toLowerCase()}${item.decision === decision ? ' chosen' : ''}`}
              disabled={readOnly}
              onClick={() => props.onDecide(item.id, decision)}
              title={decision === 'Upheld' ? 'Upheld (u)' : 'Overturned (o)'}
            >
              {decision}
            </button>
          ))}
          {item.decision === null && <span className="warning-inline">no decision</span>}
          {item.humanEdited.includes('decision') && <span className="edited-mark">edited</span>}
        </div>
        <TagChips tags={item.tags} onRemove={(tagId) => props.onUntag(item.id, tagId)} />
        {item.addedByReviewer && <span className="badge">added by reviewer</span>}
      </header>
      {itemWarnings.map((warning, i) => (
        <div key={i} className="warning" role="note">
          ⚠ {warning.message}
        </div>
      ))}
      {fields.map((field) => (
        <TargetField
          key={field}
          target={{ kind: 'item', itemId: item.id, field }}
          style={ITEM_FIELD_STYLES[field]}
          value={item[field]}
          edited={item.humanEdited.includes(field)}
          readOnly={readOnly}
          multiline={field === 'rationale' || field === 'service'}
          warnings={item.warnings.filter((w) => w.field === field)}
          focused={focused}
          editing={editing}
          handlers={props.handlers}
        />
      ))}
    </section>
  );
}
