/** One decision item: its review status and tools, its decision, its fields with their open warnings, its tags. */
import { useRef } from 'react';
import type { CheckFinding } from '../../../shared/derived.ts';
import type { Decision } from '../../../shared/letter.ts';
import type { ItemField, StoredItem } from '../../../shared/library.ts';
import { openWarnings } from '../attention.ts';
import type { FieldTarget } from '../fields.ts';
import { ITEM_FIELD_STYLES, MAIN_ITEM_FIELDS, PARTIAL_ITEM_FIELDS, sameTarget, targetKey } from '../fields.ts';
import type { FieldHandlers } from './EditableField.tsx';
import { TargetField } from './EditableField.tsx';
import { FieldNotes } from './FieldNotes.tsx';
import { useFollowFocus } from './focus.ts';
import type { StructureHandler } from './ItemReading.tsx';
import { GuidelineReading, guidelineMarks, ServiceReading, serviceMarks } from './ItemReading.tsx';
import { TagChips } from './TagChips.tsx';
import { Toolbar } from './Toolbar.tsx';

export interface ItemCardProps {
  readonly item: StoredItem;
  readonly index: number;
  readonly focused: FieldTarget | null;
  readonly focusRequest: number;
  readonly editing: FieldTarget | null;
  readonly readOnly: boolean;
  readonly handlers: FieldHandlers;
  readonly onDecide: (itemId: number, decision: Decision) => void;
  readonly onUntag: (itemId: number, tagId: number) => void;
  readonly structure: ItemStructureHandlers & StructureHandler;
  /** The rule checks' findings on this item's values. */
  readonly checks: readonly CheckFinding[];
  readonly isLast: boolean;
}

/** Changes to the item and the list of items, offered as buttons beside each item (and as keys). */
export interface ItemStructureHandlers {
  readonly onMove: (itemId: number, step: -1 | 1) => void;
  readonly onSplit: (itemId: number) => void;
  readonly onMergeWithNext: (itemId: number) => void;
  readonly onDelete: (itemId: number) => void;
  readonly onToggleConfirmed: (itemId: number) => void;
}

const STATUS_LABELS: Record<StoredItem['status'], string> = { unreviewed: 'Not confirmed', confirmed: '✓ Confirmed', flagged: '⚑ Flagged' };

export function ItemCard(props: ItemCardProps) {
  const { item, index, focused, editing, readOnly, structure } = props;
  const number = index + 1;
  const vocabulary = item.vocabulary;
  /** The vocabulary's reading of a field: its marks in the value and what it read, shown under it. */
  const reading = (field: ItemField) => {
    if (!vocabulary) return {};
    if (field === 'service') {
      return {
        marks: serviceMarks(vocabulary.service.service),
        reading: <ServiceReading itemId={item.id} number={number} vocabulary={vocabulary} readOnly={readOnly} onSetStructure={structure.onSetStructure} />,
      };
    }
    if (field === 'claimsAdministratorGuideline' || field === 'maximusGuideline') {
      return { marks: guidelineMarks(vocabulary[field]), reading: <GuidelineReading analysis={vocabulary[field]} label={`Item ${number} ${ITEM_FIELD_STYLES[field].label}`} /> };
    }
    return {};
  };
  const isFocusedItem = focused?.kind === 'item' && focused.itemId === item.id;
  const fields: ItemField[] = [...MAIN_ITEM_FIELDS, ...PARTIAL_ITEM_FIELDS.filter((field) => item[field] !== null)];
  const open = openWarnings(item.warnings);
  const itemWarnings = open.filter((w) => !w.field || (w.field !== 'decision' && !(fields as string[]).includes(w.field)));
  return (
    <section className={`item item-${item.status}${isFocusedItem ? ' item-focused' : ''}`} aria-label={`Item ${number}`} data-item-id={item.id}>
      <header className="item-header">
        <h3 className="item-number">Item {number}</h3>
        <span className={`item-status item-status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
        <TagChips tags={item.tags} onRemove={(tagId) => props.onUntag(item.id, tagId)} />
        {item.addedByReviewer && <span className="badge">added by reviewer</span>}
        {!readOnly && (
          <Toolbar label={`Item ${number} tools`} className="item-tools">
            <button
              type="button"
              className="tool"
              aria-label={`${item.status === 'confirmed' ? 'Unconfirm' : 'Confirm'} item ${number}`}
              onClick={() => structure.onToggleConfirmed(item.id)}
              title={item.status === 'confirmed' ? 'Back to not confirmed (y)' : 'Confirm this item (y)'}
            >
              {item.status === 'confirmed' ? 'Unconfirm' : 'Confirm'}
            </button>
            <button type="button" className="tool" aria-label={`Move item ${number} up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={() => structure.onMove(item.id, -1)}>
              ↑
            </button>
            <button type="button" className="tool" aria-label={`Move item ${number} down`} title="Move down (Alt+↓)" disabled={props.isLast} onClick={() => structure.onMove(item.id, 1)}>
              ↓
            </button>
            <button type="button" className="tool" aria-label={`Split item ${number} at the source selection`} title="Split at the source selection (Shift+S)" onClick={() => structure.onSplit(item.id)}>
              Split
            </button>
            <button type="button" className="tool" aria-label={`Merge item ${number} with the next`} title="Merge with the next item (Shift+M)" disabled={props.isLast} onClick={() => structure.onMergeWithNext(item.id)}>
              Merge ↓
            </button>
            <button type="button" className="tool danger" aria-label={`Delete item ${number}`} title="Delete (Shift+Delete)" onClick={() => structure.onDelete(item.id)}>
              Delete
            </button>
          </Toolbar>
        )}
      </header>
      {itemWarnings.map((warning, i) => (
        <div key={i} className="warning" role="note">
          ⚠ {warning.message}
        </div>
      ))}
      <DecisionField {...props} number={number} warnings={open.filter((w) => w.field === 'decision')} />
      {fields.map((field) => (
        <TargetField
          key={field}
          checks={props.checks.filter((check) => check.field === field)}
          {...reading(field)}
          target={{ kind: 'item', itemId: item.id, field }}
          name={`Item ${number} ${ITEM_FIELD_STYLES[field].label}`}
          style={ITEM_FIELD_STYLES[field]}
          value={item[field]}
          edited={item.humanEdited.includes(field)}
          readOnly={readOnly}
          multiline={field === 'rationale' || field === 'service'}
          warnings={item.warnings.filter((w) => w.field === field)}
          focused={focused}
          focusRequest={props.focusRequest}
          editing={editing}
          handlers={props.handlers}
        />
      ))}
    </section>
  );
}

/**
 * The decision as a field like the others: clicking or tabbing to it focuses it; only the two
 * choices beside it (or u and o) set it.
 */
function DecisionField(props: ItemCardProps & { readonly number: number; readonly warnings: ItemCardProps['item']['warnings'] }) {
  const { item, number, focused, readOnly } = props;
  const target: FieldTarget = { kind: 'item', itemId: item.id, field: 'decision' };
  const isFocused = sameTarget(focused, target);
  const checks = props.checks.filter((check) => check.field === 'decision');
  const shown = useRef<HTMLDivElement>(null);
  useFollowFocus(shown, isFocused, false, props.focusRequest);
  const key = targetKey(target);
  return (
    <div id={`field-${key}`} className={`field field-decision${isFocused ? ' field-focused' : ''}`}>
      <div className="field-label">
        <span className="swatch swatch-decision" aria-hidden="true" />
        Decision
        {item.humanEdited.includes('decision') && <span className="edited-mark">edited</span>}
      </div>
      <div className="decision-row">
        <div
          ref={shown}
          className={`field-value${item.decision === null ? ' field-empty' : ''}`}
          role="textbox"
          aria-readonly="true"
          aria-label={`Item ${number} decision`}
          aria-describedby={props.warnings.length > 0 || checks.length > 0 ? `field-${key}-warnings` : undefined}
          tabIndex={0}
          onFocus={() => props.handlers.onFocus(target)}
        >
          {item.decision ?? 'no decision'}
        </div>
        <div className="decision" role="radiogroup" aria-label={`Set the decision of item ${number}`}>
          {(['Upheld', 'Overturned'] as const).map((decision) => (
            <button
              key={decision}
              type="button"
              role="radio"
              tabIndex={-1}
              aria-checked={item.decision === decision}
              className={`decision-option decision-${decision.toLowerCase()}${item.decision === decision ? ' chosen' : ''}`}
              disabled={readOnly}
              onClick={() => props.onDecide(item.id, decision)}
              title={decision === 'Upheld' ? 'Upheld (u)' : 'Overturned (o)'}
            >
              {decision}
            </button>
          ))}
        </div>
      </div>
      <FieldNotes id={`field-${key}-warnings`} warnings={props.warnings} checks={checks} />
    </div>
  );
}
