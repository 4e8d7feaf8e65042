/** The items a bulk action would change, each with the value it changes as it is now and as it would be. */
import type { BulkOperation, BulkTarget } from '../../../shared/bulk.ts';
import type { ItemStatus } from '../../../shared/library.ts';
import { ValueDiff } from '../components/ValueDiff.tsx';

export const STATUS_WORDS: Record<ItemStatus, string> = { unreviewed: 'not confirmed', confirmed: 'confirmed', flagged: 'flagged' };

export interface BulkPreviewTableProps {
  readonly targets: readonly BulkTarget[];
  /** null until the change is chosen (a tag operation without a tag). */
  readonly operation: BulkOperation | null;
  readonly tagName: string;
  readonly onOpenLetter: (letterId: number) => void;
}

export function BulkPreviewTable({ targets, operation, tagName, onOpenLetter }: BulkPreviewTableProps) {
  return (
    <table className="history bulk-table">
      <thead>
        <tr>
          <th>Letter</th>
          <th>Item</th>
          <th>Service</th>
          <th>Now</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={target.itemId}>
            <td>
              <button type="button" className="link" onClick={() => onOpenLetter(target.letterId)}>
                {target.letterLabel}
              </button>
            </td>
            <td>{target.itemNumber}</td>
            <td className="history-value">{target.service ?? '—'}</td>
            <td className="history-value">{nowValue(target, operation)}</td>
            <td className="history-value">{afterValue(target, operation, tagName)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The value the operation would change, as it is now. */
function nowValue(target: BulkTarget, operation: BulkOperation | null) {
  if (!operation || operation.kind === 'tag') return target.tags.map((t) => t.name).join(', ') || <span className="muted">no tags</span>;
  if (operation.kind === 'status') return STATUS_WORDS[target.status];
  return target.values[operation.field] ?? <span className="muted">—</span>;
}

/** What the operation would make of it: the change marked, or said to be none. */
function afterValue(target: BulkTarget, operation: BulkOperation | null, tagName: string) {
  if (!operation) return null;
  if (operation.kind === 'tag') {
    const has = target.tags.some((t) => t.id === operation.tagId);
    if (has === operation.on) return <span className="muted">{operation.on ? 'has it' : 'does not have it'}</span>;
    return <ins>{operation.on ? `+ ${tagName}` : `− ${tagName}`}</ins>;
  }
  if (operation.kind === 'status') return target.status === operation.status ? <span className="muted">{STATUS_WORDS[operation.status]}</span> : <ins>{STATUS_WORDS[operation.status]}</ins>;
  const current = target.values[operation.field] ?? null;
  return current === operation.value ? <span className="muted">unchanged</span> : <ValueDiff before={current} after={operation.value} side="after" />;
}
