/** Who changed what in a letter, and when. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import { Modal } from './Modal.tsx';

export interface HistoryDialogProps {
  readonly letterId: number;
  /** Item ids in the letter's current order, to name items by position. */
  readonly itemIds: readonly number[];
  readonly onClose: () => void;
}

export function HistoryDialog({ letterId, itemIds, onClose }: HistoryDialogProps) {
  const itemLabel = (id: number) => (itemIds.includes(id) ? `item ${itemIds.indexOf(id) + 1}` : 'a removed item');
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
            {[...entries].reverse().map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{new Date(entry.at).toLocaleString()}</td>
                <td className="nowrap">{entry.reviewer}</td>
                <td>
                  {entry.action}
                  {entry.field ? ` · ${entry.field}` : ''}
                  {entry.entityType === 'item' ? ` (${itemLabel(entry.entityId)})` : ''}
                </td>
                <td className="clip" title={entry.oldValue ?? ''}>
                  {entry.oldValue ?? '—'}
                </td>
                <td className="clip" title={entry.newValue ?? ''}>
                  {entry.newValue ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
