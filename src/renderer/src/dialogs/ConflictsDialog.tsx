/**
 * The adjudication list: a value two readings disagree on, and a person decides. A blind pass's
 * reviewer disagreeing with the verified value, or another reviewer's merged dataset changing a
 * value both changed. Keeping the verified value ('ours') or taking the other ('theirs') is an
 * undoable change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetConflict } from '../../../shared/export.ts';
import { facetValueLabel } from '../../../shared/insightLabels.ts';
import { api } from '../api/client.ts';
import { ValueDiff } from '../components/ValueDiff.tsx';
import { fieldName } from '../history.ts';
import { Modal } from './Modal.tsx';

export interface ConflictsDialogProps {
  readonly onResolved: () => void;
  readonly onOpenLetter: (letterId: number) => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

/** A category is stored as its id ('prescription-drug'), a letter's status as "verified" or "flagged: <reason>"; a person reads a label. */
function shownValue(conflict: DatasetConflict, value: string | null): string | null {
  if (value === null) return value;
  if (conflict.field === 'category') return facetValueLabel('category', value);
  return conflict.field === 'status' ? value.replace(/^./, (first) => first.toUpperCase()) : value;
}

function fieldLabel(conflict: DatasetConflict): string {
  const name = conflict.field === 'category' ? 'service category' : fieldName(conflict.field);
  return conflict.itemPosition !== null ? `Item ${conflict.itemPosition + 1} ${name}` : name.replace(/^./, (first) => first.toUpperCase());
}

/** The blind pass that read the other value, and its reviewer. */
function blindReading(blindPassId: number, reviewer: string | null): string {
  return `Blind pass ${blindPassId}${reviewer ? ` (${reviewer})` : ''}`;
}

/** One side of a blind disagreement, shown plainly: neither reading is marked as the wrong one before someone decides. */
function Reading({ source, value }: { readonly source: string; readonly value: string | null }) {
  return (
    <>
      <div className="reading-source">{source}</div>
      <div>{value ?? <span className="muted">(none)</span>}</div>
    </>
  );
}

export function ConflictsDialog({ onResolved, onOpenLetter, onClose, onError }: ConflictsDialogProps) {
  const [conflicts, setConflicts] = useState<readonly DatasetConflict[] | null>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  /** The row a decision was taken on: the keyboard goes on to the row now in its place. */
  const decidedRow = useRef<number | null>(null);
  const load = useCallback(() => api.listConflicts('open').then(setConflicts, (e: unknown) => onError(e instanceof Error ? e.message : String(e))), [onError]);
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (decidedRow.current === null || !table.current) return;
    const rows = table.current.rows;
    rows[Math.min(decidedRow.current, rows.length - 1)]?.querySelector<HTMLButtonElement>('button.keep')?.focus();
    decidedRow.current = null;
  }, [conflicts]);
  const resolve = (conflict: DatasetConflict, take: 'ours' | 'theirs', row: number) =>
    api.resolveConflict(conflict.id, take).then(
      () => {
        decidedRow.current = row;
        onResolved();
        void load();
      },
      (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <Modal title="Adjudication: blind passes and dataset conflicts" onClose={onClose} wide>
      {conflicts === null ? (
        <p className="muted">Loading…</p>
      ) : conflicts.length === 0 ? (
        <p className="muted">
          Nothing to decide. A blind pass's disagreement with a verified value, and every value (or letter status: a flag against a verification) both you and another
          reviewer changed differently in a merged work package or export (imr-review import-dataset), are listed here.
        </p>
      ) : (
        <table className="history conflicts">
          <thead>
            <tr>
              <th>Letter</th>
              <th>Field</th>
              <th>Ours / verified</th>
              <th>Theirs / blind</th>
              <th>Decide</th>
            </tr>
          </thead>
          <tbody ref={table}>
            {conflicts.map((conflict, row) => {
              const blind = conflict.blindPassId !== null;
              // A status is one word and a reason: a character diff of "Flagged: …" against "Verified" says nothing, and strikes out a flag before anyone decided.
              const status = conflict.field === 'status';
              const ours = shownValue(conflict, conflict.ours);
              const theirs = shownValue(conflict, conflict.theirs);
              const where = `${conflict.caseNumber ?? conflict.sha256.slice(0, 10)}, ${fieldLabel(conflict)}`;
              return (
                <tr key={conflict.id}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpenLetter(conflict.letterId)}>
                      {conflict.caseNumber ?? conflict.sha256.slice(0, 10)}
                    </button>
                  </td>
                  <td>{fieldLabel(conflict)}</td>
                  <td className="history-value">
                    {blind ? <Reading source="Verified" value={ours} /> : status ? <div>{ours}</div> : <ValueDiff before={ours} after={theirs} side="before" />}
                  </td>
                  <td className="history-value">
                    {conflict.blindPassId !== null ? (
                      <Reading source={blindReading(conflict.blindPassId, conflict.theirReviewer)} value={theirs} />
                    ) : status ? (
                      <div>{theirs}</div>
                    ) : (
                      <ValueDiff before={ours} after={theirs} side="after" />
                    )}
                    {!blind && <div className="muted">{[conflict.theirReviewer, conflict.source].filter(Boolean).join(', ')}</div>}
                  </td>
                  <td className="nowrap">
                    <button type="button" className="keep" aria-label={`${blind ? 'Keep verified' : 'Keep ours'}: ${where}`} onClick={() => void resolve(conflict, 'ours', row)}>
                      {blind ? 'Keep verified' : 'Keep ours'}
                    </button>{' '}
                    <button type="button" aria-label={`${blind ? 'Take blind' : 'Take theirs'}: ${where}`} onClick={() => void resolve(conflict, 'theirs', row)}>
                      {blind ? 'Take blind' : 'Take theirs'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
