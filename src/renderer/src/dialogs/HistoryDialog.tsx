/** Who changed what in a letter, and when. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import { Modal } from './Modal.tsx';

export function HistoryDialog({ letterId, onClose }: { readonly letterId: number; readonly onClose: () => void }) {
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
                <td className="nowrap">{entry.at.slice(0, 19).replace('T', ' ')}</td>
                <td>{entry.reviewer}</td>
                <td>
                  {entry.action}
                  {entry.field ? ` · ${entry.field}` : ''}
                  {entry.entityType === 'item' ? ` (item ${entry.entityId})` : ''}
                </td>
                <td className="clip">{entry.oldValue ?? '—'}</td>
                <td className="clip">{entry.newValue ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
