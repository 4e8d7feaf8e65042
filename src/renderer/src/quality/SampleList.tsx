/** The audit samples, newest first: what each was drawn from, how far it is checked, and a way into the queue on its letters. */
import { count } from '../../../shared/insightsFormat.ts';
import type { AuditSample } from '../../../shared/quality.ts';
import { STRATIFIER_LABELS } from '../../../shared/quality.ts';

export interface SampleListProps {
  readonly samples: readonly AuditSample[];
  readonly selectedId: number | null;
  readonly onSelect: (sampleId: number) => void;
  readonly onReview: (sampleId: number) => void;
}

export function SampleList({ samples, selectedId, onSelect, onReview }: SampleListProps) {
  if (samples.length === 0) return <p className="muted">No sample yet: draw one above.</p>;
  return (
    <table className="quality-table sample-list">
      <thead>
        <tr>
          <th>Sample</th>
          <th>Checked</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {samples.map((sample) => (
          <tr key={sample.id} className={sample.id === selectedId ? 'chosen-row' : undefined}>
            <td>
              <button type="button" className="link sample-name" aria-pressed={sample.id === selectedId} onClick={() => onSelect(sample.id)}>
                {sample.name}
              </button>
              <div className="muted small">
                seed {sample.seed} · from {count(sample.frameLetters)} letters · {sample.strata.length === 0 ? 'not stratified' : `by ${sample.strata.map((s) => STRATIFIER_LABELS[s]).join(', ')}`} ·{' '}
                {sample.createdBy}, {sample.createdAt.slice(0, 10)}
              </div>
            </td>
            <td className="nowrap">
              <Progress done={sample.checked} of={sample.size} />
            </td>
            <td className="nowrap">
              <button type="button" onClick={() => onReview(sample.id)}>
                Review in queue
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "12 / 50" with a meter beside it; the figure is what a screen reader reads, the meter only draws it. */
export function Progress({ done, of }: { readonly done: number; readonly of: number }) {
  return (
    <span className="quality-progress">
      <span className="progress-figure">
        {count(done)} / {count(of)}
      </span>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${of > 0 ? ((100 * done) / of).toFixed(1) : 0}%` }} />
      </span>
    </span>
  );
}
