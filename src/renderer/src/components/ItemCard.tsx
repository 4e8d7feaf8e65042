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
  readonly structure: ItemStructureHandlers;
  readonly isLast: boolean;
}

/** Changes to the list of items, offered as buttons beside each item (and as keys). */
export interface ItemStructureHandlers {
  readonly onMove: (itemId: number, step: -1 | 1) => void;
  readonly onSplit: (itemId: number) => void;
  readonly onMergeWithNext: (itemId: number) => void;
  readonly onDelete: (itemId: number) => void;
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
        {!readOnly && (
          <span className="item-tools">
            <button type="button" className="tool" aria-label={`Move item ${index + 1} up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => props.structure.onMove(item.id, -1)}>
              ↑
            </button>
            <button type="button" className="tool" aria-label={`Move item ${index + 1} down`} title="Move down (Alt+↓)" disabled={props.isLast} onClick={() => props.structure.onMove(item.id, 1)}>
              ↓
            </button>
            <button type="button" className="tool" aria-label={`Split item ${index + 1} at the source selection`} title="Split at the source selection (Shift+S)" onClick={() => props.structure.onSplit(item.id)}>
              Split
            </button>
            <button type="button" className="tool" aria-label={`Merge item ${index + 1} with the next`} title="Merge with the next item (Shift+M)" disabled={props.isLast} onClick={() => props.structure.onMergeWithNext(item.id)}>
              Merge ↓
            </button>
            <button type="button" className="tool danger" aria-label={`Delete item ${index + 1}`} title="Delete (Shift+Delete)" onClick={() => props.structure.onDelete(item.id)}>
              Delete
            </button>
          </span>
        )}
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
