/** The audit samples, newest first: what each was drawn from, how far it is checked, and a way into the queue on its letters. */
import { count } from '../../../shared/insightsFormat.ts';
import type { AuditSample } from '../../../shared/quality.ts';
import { STRATIFIER_LABELS } from '../../../shared/quality.ts';
import { ProgressTable } from './ProgressTable.tsx';

export interface SampleListProps {
  readonly samples: readonly AuditSample[];
  readonly selectedId: number | null;
  readonly onSelect: (sampleId: number) => void;
  readonly onReview: (sampleId: number) => void;
}

export function SampleList({ samples, selectedId, onSelect, onReview }: SampleListProps) {
  if (samples.length === 0) return <p className="muted">No sample yet: draw one above.</p>;
  return (
    <ProgressTable
      className="sample-list"
      name="Sample"
      progress="Checked"
      rows={samples.map((sample) => ({
        key: sample.id,
        chosen: sample.id === selectedId,
        name: (
          <button type="button" className="link sample-name" aria-pressed={sample.id === selectedId} onClick={() => onSelect(sample.id)}>
            {sample.name}
          </button>
        ),
        detail: `seed ${sample.seed} · from ${count(sample.frameLetters)} letters · ${sample.strata.length === 0 ? 'not stratified' : `by ${sample.strata.map((s) => STRATIFIER_LABELS[s]).join(', ')}`} · ${sample.createdBy}, ${sample.createdAt.slice(0, 10)}`,
        done: sample.checked,
        of: sample.size,
        action: (
          <button type="button" onClick={() => onReview(sample.id)}>
            Review in queue
          </button>
        ),
      }))}
    />
  );
}
