/** Blind passes: start one over a sample, see how far each has come, enter its letters in the queue. */
import { useState } from 'react';
import type { AuditSample, BlindMode, BlindPass } from '../../../shared/quality.ts';
import { api } from '../api/client.ts';
import { Choice } from '../components/Choice.tsx';
import { ProgressTable } from './ProgressTable.tsx';
import { Problem } from '../components/Problem.tsx';

export const BLIND_MODE_LABELS: Readonly<Record<BlindMode, string>> = {
  decision: 'Decisions hidden',
  fields: 'Every field empty',
};

export interface BlindPassesProps {
  readonly passes: readonly BlindPass[];
  /** The sample a new pass re-reads. */
  readonly sample: AuditSample | null;
  readonly onStarted: () => void;
  readonly onEnter: (passId: number) => void;
}

export function BlindPasses({ passes, sample, onStarted, onEnter }: BlindPassesProps) {
  const [mode, setMode] = useState<BlindMode>('decision');
  const [problem, setProblem] = useState<string | null>(null);
  const start = () => {
    if (!sample) return;
    setProblem(null);
    api.startBlindPass({ mode, sampleId: sample.id }).then(onStarted, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  return (
    <section className="quality-card" aria-labelledby="blind-title">
      <h3 id="blind-title">Blind re-review</h3>
      <p className="muted">A reviewer reads a sample's verified letters again with their values hidden; every disagreement goes to the adjudication list.</p>
      <div className="draw-row">
        <fieldset className="segmented">
          <legend className="visually-hidden">What the pass hides</legend>
          <Choice name="blind-mode" value="decision" current={mode} onChange={setMode} label={BLIND_MODE_LABELS.decision} />
          <Choice name="blind-mode" value="fields" current={mode} onChange={setMode} label={BLIND_MODE_LABELS.fields} />
        </fieldset>
        <button type="button" disabled={!sample} onClick={start}>
          {sample ? `Start a blind pass over ${sample.name}` : 'Start a blind pass (draw a sample first)'}
        </button>
      </div>
      <Problem text={problem} />
      {passes.length > 0 && (
        <ProgressTable
          name="Pass"
          progress="Entered"
          rows={passes.map((pass) => ({
            key: pass.id,
            name: `Blind pass ${pass.id}`,
            detail: `${BLIND_MODE_LABELS[pass.mode].toLowerCase()} · ${pass.reviewer}, ${pass.createdAt.slice(0, 10)}`,
            done: pass.submitted,
            of: pass.letters,
            action: (
              <button type="button" disabled={pass.submitted === pass.letters} onClick={() => onEnter(pass.id)}>
                {pass.submitted === pass.letters ? 'All entered' : 'Enter letters'}
              </button>
            ),
          }))}
        />
      )}
    </section>
  );
}
