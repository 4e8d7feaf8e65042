/** 'fields' mode's form: every letter field and, per item, every item field and its service category, all empty to start. */
import { LETTER_FIELD_LABELS, ITEM_FIELD_LABELS } from '../../../shared/fieldLabels.ts';
import { facetValueLabel } from '../../../shared/insightLabels.ts';
import { DECISIONS, LETTER_FORMATS } from '../../../shared/letter.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../../shared/library.ts';
import type { ItemField, LetterField } from '../../../shared/library.ts';
import { SERVICE_CATEGORIES } from '../../../shared/vocabulary.ts';

/** What a blind entry asks of each item in 'fields' mode. */
export const BLIND_ITEM_FIELDS = [...ITEM_FIELDS, 'category'] as const;
type BlindItemField = (typeof BLIND_ITEM_FIELDS)[number];

/** What the reviewer has typed or chosen so far, by field. */
export interface EnteredValues {
  readonly letter: Readonly<Partial<Record<LetterField, string>>>;
  readonly items: readonly Readonly<Partial<Record<BlindItemField, string>>>[];
}

/** The choices of the fields that have a closed list; '' is none. */
const CHOICES: Partial<Record<LetterField | BlindItemField, readonly { value: string; label: string }[]>> = {
  format: LETTER_FORMATS.map((format) => ({ value: format, label: format })),
  decision: DECISIONS.map((decision) => ({ value: decision, label: decision })),
  category: SERVICE_CATEGORIES.map((term) => ({ value: term.id, label: facetValueLabel('category', term.id) })),
};

/** Fields whose values run to sentences. */
const LONG_FIELDS = new Set<string>(['rationale', 'claimsAdministratorGuideline', 'maximusGuideline']);

export interface BlindFieldsProps {
  readonly itemCount: number;
  readonly values: EnteredValues;
  readonly onChange: (values: EnteredValues) => void;
}

export function BlindFields({ itemCount, values, onChange }: BlindFieldsProps) {
  const setLetter = (field: LetterField, value: string) => onChange({ ...values, letter: { ...values.letter, [field]: value } });
  const setItem = (index: number, field: BlindItemField, value: string) =>
    onChange({ ...values, items: values.items.map((item, i) => (i === index ? { ...item, [field]: value } : item)) });
  return (
    <>
      <h3 className="section-title">Letter</h3>
      <div className="blind-grid">
        {LETTER_FIELDS.map((field) => (
          <BlindInput key={field} id={`blind-${field}`} field={field} label={LETTER_FIELD_LABELS[field]} value={values.letter[field] ?? ''} onChange={(value) => setLetter(field, value)} />
        ))}
      </div>
      <h3 className="section-title">Items</h3>
      {itemCount === 0 && <p className="muted">This letter has no items.</p>}
      {Array.from({ length: itemCount }, (_, index) => (
        <fieldset key={index} className="item blind-item-fields">
          <legend className="item-number">Item {index + 1}</legend>
          <div className="blind-grid">
            {BLIND_ITEM_FIELDS.map((field) => (
              <BlindInput
                key={field}
                id={`blind-${index}-${field}`}
                field={field}
                label={field === 'category' ? 'Service category' : ITEM_FIELD_LABELS[field as ItemField]}
                value={values.items[index]?.[field] ?? ''}
                onChange={(value) => setItem(index, field, value)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

function BlindInput({ id, field, label, value, onChange }: { id: string; field: LetterField | BlindItemField; label: string; value: string; onChange: (value: string) => void }) {
  const choices = CHOICES[field];
  const long = LONG_FIELDS.has(field);
  return (
    <div className={`blind-field${long ? ' blind-field-long' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {choices ? (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">none</option>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : long ? (
        <textarea id={id} rows={3} value={value} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} value={value} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}
