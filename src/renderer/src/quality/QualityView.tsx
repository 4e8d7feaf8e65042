/**
 * The Quality view: audit samples drawn from the library, the parser's error rates they measure
 * with exact intervals, blind passes that re-read them, the agreement those give, and the
 * adjudication list where each disagreement is decided.
 */
import { useState } from 'react';
import type { QueueFilter } from '../../../shared/api.ts';
import { count } from '../../../shared/insightsFormat.ts';
import { FullView } from '../components/FullView.tsx';
import { ConflictsDialog } from '../dialogs/ConflictsDialog.tsx';
import { AgreementTables } from './AgreementTables.tsx';
import { BlindPasses } from './BlindPasses.tsx';
import { DrawSampleForm } from './DrawSampleForm.tsx';
import { SampleEstimates } from './SampleEstimates.tsx';
import { SampleList } from './SampleList.tsx';
import { useQuality } from './useQuality.ts';
import './quality.css';
import { Problem } from '../components/Problem.tsx';

export interface QualityViewProps {
  /** The queue's filter now: a sample can be drawn from it. */
  readonly queueFilter: QueueFilter;
  /** Shows the queue on a sample's letters, or a blind pass's letters not entered yet (blind mode). */
  readonly onOpenQueue: (filter: QueueFilter) => void;
  /** An adjudication changed a letter: what is on screen reloads. */
  readonly onChanged: () => void;
  readonly onOpenLetter: (letterId: number) => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

export function QualityView({ queueFilter, onOpenQueue, onChanged, onOpenLetter, onClose, onError }: QualityViewProps) {
  const { report, error, reload } = useQuality();
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [adjudicating, setAdjudicating] = useState(false);
  const samples = report?.samples ?? [];
  // The sample chosen, else the newest.
  const shown = samples.find((s) => s.sample.id === chosenId) ?? samples[0] ?? null;
  const adjudication = report?.adjudication;
  return (
    <FullView
      id="quality"
      title="Quality"
      closeKey="Q"
      onClose={onClose}
      header={
        <span className="muted insights-status" aria-live="polite">
          {report === null ? 'Working out the figures…' : `${count(samples.length)} sample${samples.length === 1 ? '' : 's'}, ${count(report.blindPasses.length)} blind pass${report.blindPasses.length === 1 ? '' : 'es'}`}
        </span>
      }
    >
      <div className="quality-body">
        <Problem text={error} />
        <div className="quality-column">
          <DrawSampleForm
            queueFilter={queueFilter}
            onDrawn={(sample) => {
              setChosenId(sample.id);
              reload();
            }}
          />
          <section className="quality-card" aria-labelledby="samples-title">
            <h3 id="samples-title">Samples</h3>
            <SampleList
              samples={samples.map((s) => s.sample)}
              selectedId={shown?.sample.id ?? null}
              onSelect={setChosenId}
              onReview={(sampleId) => onOpenQueue({ sampleId })}
            />
          </section>
          <BlindPasses passes={report?.blindPasses ?? []} sample={shown?.sample ?? null} onStarted={reload} onEnter={(blindPassId) => onOpenQueue({ blindPassId })} />
          <section className="quality-card" aria-labelledby="adjudication-title">
            <h3 id="adjudication-title">Adjudication</h3>
            <p>
              {adjudication ? (
                <>
                  <strong>{count(adjudication.open)}</strong> open, {count(adjudication.resolved)} resolved.
                </>
              ) : (
                '…'
              )}
            </p>
            <button type="button" onClick={() => setAdjudicating(true)}>
              Open the adjudication list
            </button>
          </section>
        </div>
        <div className="quality-column quality-wide">
          {shown ? <SampleEstimates quality={shown} /> : <p className="muted">Draw a sample to measure the parser's error rates.</p>}
          <AgreementTables agreement={report?.agreement ?? []} />
        </div>
      </div>
      {adjudicating && (
        <ConflictsDialog
          onResolved={() => {
            reload();
            onChanged();
          }}
          onOpenLetter={onOpenLetter}
          onClose={() => {
            setAdjudicating(false);
            reload();
          }}
          onError={onError}
        />
      )}
    </FullView>
  );
}
