/**
 * What reviewers corrected on verified letters: per field, how often the parser's value was
 * changed, and each correction with the parser's value beside the reviewer's, so the parser's
 * weak spots show.
 */
import { useEffect, useRef, useState } from 'react';
import type { Correction, CorrectionsReport, FieldCorrections } from '../../../shared/corrections.ts';
import { api } from '../api/client.ts';
import { ValueDiff } from '../components/ValueDiff.tsx';
import { ITEM_FIELD_STYLES, LETTER_FIELD_STYLES } from '../fields.ts';
import type { ItemField, LetterField } from '../../../shared/library.ts';
import { Modal } from './Modal.tsx';

export interface CorrectionsDialogProps {
  readonly onOpenLetter: (letterId: number) => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

const LISTED = 200;

function share(row: FieldCorrections): string {
  return row.values === 0 ? '—' : `${((row.corrected / row.values) * 100).toFixed(1)}%`;
}

/** The field's label as the fields pane shows it. */
function label(row: Pick<FieldCorrections, 'field' | 'scope'>): string {
  return row.scope === 'item' ? ITEM_FIELD_STYLES[row.field as ItemField].label : LETTER_FIELD_STYLES[row.field as LetterField].label;
}

const SCOPES = [
  { scope: 'letter', title: 'Letter fields' },
  { scope: 'item', title: 'Item fields' },
] as const;

export function CorrectionsDialog({ onOpenLetter, onClose, onError }: CorrectionsDialogProps) {
  const [report, setReport] = useState<CorrectionsReport | null>(null);
  const [chosen, setChosen] = useState<FieldCorrections | null>(null);
  const [corrections, setCorrections] = useState<readonly Correction[] | null>(null);
  const list = useRef<HTMLElement>(null);
  // The list opens below the table: bring it into view once it has loaded.
  useEffect(() => {
    if (corrections) list.current?.scrollIntoView({ block: 'nearest' });
  }, [corrections]);
  useEffect(() => {
    api.getCorrections().then(setReport, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  }, [onError]);
  const show = (row: FieldCorrections) => {
    setChosen(row);
    setCorrections(null);
    api.listCorrections(row.field, LISTED).then(setCorrections, (e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };
  /** The fields of one scope that have values, most corrected first. */
  const rowsOf = (scope: FieldCorrections['scope']) =>
    report ? report.fields.filter((row) => row.scope === scope && row.values > 0).sort((a, b) => b.corrected / b.values - a.corrected / a.values) : [];
  return (
    <Modal title="What reviewers corrected" onClose={onClose} wide>
      {report === null ? (
        <p className="muted">Loading…</p>
      ) : report.verifiedLetters === 0 ? (
        <p className="muted">No letter is verified yet: corrections are counted on verified letters only.</p>
      ) : (
        <>
          <p>
            On {report.verifiedLetters.toLocaleString()} verified letter{report.verifiedLetters === 1 ? '' : 's'}, how often a reviewer changed the parser's value. Choose a field to list its corrections.
          </p>
          <table className="history corrections">
            <thead>
              <tr>
                <th>Field</th>
                <th>Values</th>
                <th>Corrected</th>
                <th>Share</th>
              </tr>
            </thead>
            {SCOPES.map(({ scope, title }) => (
            <tbody key={scope}>
              <tr>
                <th colSpan={4} scope="colgroup" className="group-title">
                  {title}
                </th>
              </tr>
              {rowsOf(scope).map((row) => (
                <tr key={`${row.scope}-${row.field}`} className={chosen?.field === row.field ? 'chosen-row' : undefined}>
                  <td>
                    {row.corrected > 0 ? (
                      <button type="button" className="link" onClick={() => show(row)} aria-label={`${label(row)} (${title.toLowerCase()})`}>
                        {label(row)}
                      </button>
                    ) : (
                      label(row)
                    )}
                  </td>
                  <td>{row.values.toLocaleString()}</td>
                  <td>{row.corrected.toLocaleString()}</td>
                  <td>
                    <span className="share-bar" aria-hidden="true">
                      <span style={{ width: share(row) === '—' ? 0 : share(row) }} />
                    </span>
                    {share(row)}
                  </td>
                </tr>
              ))}
            </tbody>
            ))}
          </table>
          {chosen && (
            <section ref={list} aria-label={`Corrections of ${label(chosen)}`}>
              <h3>
                Corrections of the {chosen.scope === 'item' ? 'item field' : 'letter field'} “{label(chosen)}”
              </h3>
              {corrections === null ? (
                <p className="muted">Loading…</p>
              ) : (
                <table className="history">
                  <thead>
                    <tr>
                      <th>Letter</th>
                      <th>Parser read</th>
                      <th>Reviewer made it</th>
                    </tr>
                  </thead>
                  <tbody>
                    {corrections.map((c, i) => (
                      <tr key={i}>
                        <td>
                          <button type="button" className="link" onClick={() => onOpenLetter(c.letterId)}>
                            {c.letterLabel}
                          </button>
                          {c.itemNumber !== null && <span className="muted"> item {c.itemNumber}</span>}
                        </td>
                        <td className="history-value">
                          <ValueDiff before={c.parser} after={c.reviewer} side="before" />
                        </td>
                        <td className="history-value">
                          <ValueDiff before={c.parser} after={c.reviewer} side="after" />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}
        </>
      )}
    </Modal>
  );
}
