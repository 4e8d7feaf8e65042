/** Who changed what in a letter, and when. */
import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import { Modal } from './Modal.tsx';

const ACTION_LABELS: Record<HistoryEntry['action'], string> = {
  'edit-field': 'edited',
  'set-item-status': 'set item status',
  'add-item': 'added an item',
  'delete-item': 'deleted an item',
  'reorder-items': 'reordered the items',
  'split-item': 'split an item',
  'merge-items': 'merged items',
  'set-status': 'set the letter status',
};

/** Field values read as they are; an item stored as JSON reads as its service. */
function describe(entry: HistoryEntry, value: string | null): string {
  if (value === null) return '—';
  if (entry.action === 'edit-field' || entry.action === 'set-status' || entry.action === 'set-item-status') return value;
  if (entry.action === 'reorder-items') return `${(JSON.parse(value) as unknown[]).length} items in a new order`;
  try {
    const parsed = JSON.parse(value) as { service?: string | null; values?: { service?: string | null } };
    const service = parsed.service ?? parsed.values?.service;
    return service ? `item "${service}"` : 'an item';
  } catch {
    return value;
  }
}

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
                  {ACTION_LABELS[entry.action] ?? entry.action}
                  {entry.field ? ` ${entry.field}` : ''}
                  {entry.entityType === 'item' ? ` (${itemLabel(entry.entityId)})` : ''}
                </td>
                <td className="clip" title={entry.oldValue ?? ''}>
                  {describe(entry, entry.oldValue)}
                </td>
                <td className="clip" title={entry.newValue ?? ''}>
                  {describe(entry, entry.newValue)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
