/**
 * Blind mode's fields pane: the letter's values hidden, the reviewer enters them from the source.
 * 'decision' mode shows each item's service and asks its decision (u / o on the focused item, as in
 * review); 'fields' mode asks every letter and item field from empty. Ctrl+Enter submits.
 */
import { useEffect, useRef, useState } from 'react';
import { DECISIONS } from '../../../shared/letter.ts';
import { LETTER_FIELDS } from '../../../shared/library.ts';
import type { BlindItemValues, BlindLetter, BlindValues } from '../../../shared/quality.ts';
import { BLIND_MODE_LABELS } from './BlindPasses.tsx';
import { BLIND_ITEM_FIELDS, BlindFields } from './BlindFields.tsx';
import type { EnteredValues } from './BlindFields.tsx';
import { Problem } from '../components/Problem.tsx';

export interface BlindEntryProps {
  readonly blind: BlindLetter;
  /** What the previous letter's entry gave ("12 of 13 agree"), shown until the next one. */
  readonly lastResult: string | null;
  readonly onSubmit: (values: BlindValues) => Promise<void>;
}

/** An empty input is no value. */
function entered(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== '' ? value.trim() : null;
}

export function BlindEntry({ blind, lastResult, onSubmit }: BlindEntryProps) {
  const [values, setValues] = useState<EnteredValues>({ letter: {}, items: Array.from({ length: blind.itemCount }, () => ({})) });
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The letter opens with the keyboard on its first item or field, so u / o or typing work at once.
  useEffect(() => form.current?.querySelector<HTMLElement>('.blind-item, input, select')?.focus(), []);

  const submit = () => {
    if (submitting) return;
    const values_ = blindValues(blind, values);
    const undecided = blind.mode === 'decision' ? values_.items.findIndex((item) => item.decision === null) : -1;
    if (undecided >= 0) return setProblem(`Choose a decision for item ${undecided + 1} (u Upheld, o Overturned).`);
    setProblem(null);
    setSubmitting(true);
    onSubmit(values_).catch((error: unknown) => {
      setProblem(error instanceof Error ? error.message : String(error));
      setSubmitting(false);
    });
  };

  return (
    <aside className="letter-pane blind-pane" aria-label="Blind entry">
      <div className="letter-title">
        <h2>{blind.label}</h2>
        <span className="status blind-badge">
          Blind pass {blind.passId} · {BLIND_MODE_LABELS[blind.mode]}
        </span>
      </div>
      {lastResult && (
        <p className="notice blind-result" role="status">
          {lastResult}
        </p>
      )}
      {blind.submitted !== null ? (
        <p className="notice">This letter was entered in blind pass {blind.passId} already.</p>
      ) : (
        <form
          ref={form}
          className="blind-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.stopPropagation();
              submit();
            }
          }}
        >
          <p className="muted blind-help">
            {blind.mode === 'decision'
              ? "Read the letter and give each item's decision: u Upheld, o Overturned on the focused item. Ctrl+Enter submits."
              : 'Read the letter and enter every value as it should be; leave a field empty where the letter has none. Ctrl+Enter submits.'}
          </p>
          {blind.mode === 'decision' ? (
            <BlindDecisions services={blind.services ?? []} itemCount={blind.itemCount} values={values} onChange={setValues} onDone={(form) => form?.querySelector<HTMLElement>('button[type="submit"]')?.focus()} />
          ) : (
            <BlindFields itemCount={blind.itemCount} values={values} onChange={setValues} />
          )}
          <Problem text={problem} />
          <div className="actions">
            <button type="submit" className="primary" disabled={submitting}>
              {submitting ? 'Submitting…' : 'Submit (Ctrl+Enter)'}
            </button>
          </div>
        </form>
      )}
    </aside>
  );
}

/** What the pass is sent: every field asked, empty ones as null; in 'decision' mode the decisions alone. */
function blindValues(blind: BlindLetter, values: EnteredValues): BlindValues {
  if (blind.mode === 'decision') return { letter: {}, items: values.items.map((item) => ({ decision: entered(item['decision']) })) };
  return {
    letter: Object.fromEntries(LETTER_FIELDS.map((field) => [field, entered(values.letter[field])])),
    items: values.items.map((item) => Object.fromEntries(BLIND_ITEM_FIELDS.map((field) => [field, entered(item[field])])) as BlindItemValues),
  };
}

interface BlindDecisionsProps {
  readonly services: readonly (string | null)[];
  readonly itemCount: number;
  readonly values: EnteredValues;
  readonly onChange: (values: EnteredValues) => void;
  /** Every item decided by key: the keyboard goes on to Submit. */
  readonly onDone: (form: HTMLFormElement | null) => void;
}

function BlindDecisions({ services, itemCount, values, onChange, onDone }: BlindDecisionsProps) {
  if (itemCount === 0) return <p className="muted">This letter has no items: Submit records that.</p>;
  const decide = (index: number, decision: string) =>
    onChange({ ...values, items: values.items.map((item, i) => (i === index ? { ...item, decision } : item)) });
  return (
    <>
      {Array.from({ length: itemCount }, (_, index) => {
        const service = services[index] ?? null;
        const chosen = values.items[index]?.['decision'];
        return (
          <div
            key={index}
            className="item blind-item"
            role="group"
            tabIndex={0}
            aria-label={`Item ${index + 1}: ${service ?? 'no service'}`}
            onKeyDown={(event) => {
              if (event.ctrlKey || event.metaKey || event.altKey || (event.key !== 'u' && event.key !== 'o')) return;
              event.preventDefault();
              event.stopPropagation();
              decide(index, event.key === 'u' ? 'Upheld' : 'Overturned');
              const next = event.currentTarget.nextElementSibling;
              if (next instanceof HTMLElement && next.classList.contains('blind-item')) next.focus();
              else onDone(event.currentTarget.closest('form'));
            }}
          >
            <div className="item-header">
              <h3 className="item-number">Item {index + 1}</h3>
            </div>
            <div className="field field-service">
              <span className="field-label">
                <span className="swatch swatch-service" aria-hidden="true" />
                Service
              </span>
              <span className={`field-value${service === null ? ' field-empty' : ''}`}>{service ?? 'none'}</span>
            </div>
            <div className="decision" role="radiogroup" aria-label={`Decision of item ${index + 1}`}>
              {DECISIONS.map((decision) => (
                <button
                  key={decision}
                  type="button"
                  role="radio"
                  aria-checked={chosen === decision}
                  className={`decision-option decision-${decision.toLowerCase()}${chosen === decision ? ' chosen' : ''}`}
                  title={decision === 'Upheld' ? 'Upheld (u)' : 'Overturned (o)'}
                  onClick={() => decide(index, decision)}
                >
                  {decision}
                </button>
              ))}
            </div>
          </div>
        );
      })}
    </>
  );
}
