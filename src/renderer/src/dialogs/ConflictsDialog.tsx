/** Conflicts from merging another reviewer's dataset: both sides changed a value; a person decides. */
import { useCallback, useEffect, useState } from 'react';
import type { DatasetConflict } from '../../../shared/export.ts';
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

export function ConflictsDialog({ onResolved, onOpenLetter, onClose, onError }: ConflictsDialogProps) {
  const [conflicts, setConflicts] = useState<readonly DatasetConflict[] | null>(null);
  const load = useCallback(() => api.listConflicts('open').then(setConflicts, (e: unknown) => onError(String(e))), [onError]);
  useEffect(() => void load(), [load]);
  const resolve = (conflict: DatasetConflict, take: 'ours' | 'theirs') =>
    api.resolveConflict(conflict.id, take).then(
      () => {
        onResolved();
        void load();
      },
      (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <Modal title="Dataset conflicts" onClose={onClose} wide>
      {conflicts === null ? (
        <p className="muted">Loading…</p>
      ) : conflicts.length === 0 ? (
        <p className="muted">No open conflicts. Merging another reviewer's export (imr-review import-dataset) lists here every value both of you changed differently.</p>
      ) : (
        <table className="history conflicts">
          <thead>
            <tr>
              <th>Letter</th>
              <th>Field</th>
              <th>Ours</th>
              <th>Theirs</th>
              <th>Decide</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((conflict) => (
              <tr key={conflict.id}>
                <td>
                  <button type="button" className="link" onClick={() => onOpenLetter(conflict.letterId)}>
                    {conflict.caseNumber ?? conflict.sha256.slice(0, 10)}
                  </button>
                </td>
                <td>
                  {conflict.itemPosition !== null ? `Item ${conflict.itemPosition + 1} ` : ''}
                  {conflict.itemPosition !== null ? fieldName(conflict.field) : fieldName(conflict.field).replace(/^./, (first) => first.toUpperCase())}
                </td>
                <td className="history-value">
                  <ValueDiff before={conflict.ours} after={conflict.theirs} side="before" />
                </td>
                <td className="history-value">
                  <ValueDiff before={conflict.ours} after={conflict.theirs} side="after" />
                  {conflict.theirReviewer && <div className="muted">{conflict.theirReviewer}</div>}
                </td>
                <td className="nowrap">
                  <button type="button" onClick={() => void resolve(conflict, 'ours')}>
                    Keep ours
                  </button>
                  <button type="button" onClick={() => void resolve(conflict, 'theirs')}>
                    Take theirs
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
