/** Who changed what in a letter, and when: one row per change, newest first, undone ones marked. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import { ValueDiff } from '../components/ValueDiff.tsx';
import { describeChange } from '../history.ts';
import { Modal } from './Modal.tsx';

export interface HistoryDialogProps {
  readonly letterId: number;
  readonly onClose: () => void;
}

const ORIGIN_NOTES: Partial<Record<HistoryEntry['origin'], string>> = {
  dataset: 'from a merged dataset',
  legacy: 'recorded before undo was kept; cannot be undone',
};

export function HistoryDialog({ letterId, onClose }: HistoryDialogProps) {
  const [entries, setEntries] = useState<readonly HistoryEntry[] | null>(null);
  useEffect(() => {
    void api.listHistory(letterId).then(setEntries);
  }, [letterId]);
  return (
    <Modal title="Edit history" onClose={onClose} wide>
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">Nobody has changed this letter yet.</p>
      ) : (
        <table className="history">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((entry) => {
              const note = entry.state !== 'done' ? `${entry.state === 'undone' ? 'undone' : 'undone, then replaced by a later change'}` : ORIGIN_NOTES[entry.origin];
              const showsValues = entry.action === 'edit-field' || entry.action === 'take-theirs' || entry.action === 'keep-ours';
              return (
                <tr key={entry.id} className={entry.state === 'done' ? undefined : 'undone'}>
                  <td className="nowrap">{new Date(entry.at).toLocaleString()}</td>
                  <td className="nowrap">{entry.reviewer}</td>
                  <td>
                    {describeChange(entry.action, entry.details)}
                    {note && <span className="muted"> ({note})</span>}
                  </td>
                  <td className="history-value">{showsValues && <ValueDiff before={entry.details.from ?? null} after={entry.details.to ?? null} side="before" />}</td>
                  <td className="history-value">{showsValues && <ValueDiff before={entry.details.from ?? null} after={entry.details.to ?? null} side="after" />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
