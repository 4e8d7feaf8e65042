/**
 * Drawing an audit sample: over the queue's filter or the whole library, stratified or not, with
 * a seed to draw it again, sized directly or worked out from a target error rate.
 */
import { useState } from 'react';
import type { QueueFilter } from '../../../shared/api.ts';
import type { AuditSample, QualityMeasure, SampleRequest, Stratifier } from '../../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS, QUALITY_MEASURES, STRATIFIER_LABELS, STRATIFIERS } from '../../../shared/quality.ts';
import { api } from '../api/client.ts';
import { Choice } from '../components/Choice.tsx';
import { Problem } from '../components/Problem.tsx';

export interface DrawSampleFormProps {
  readonly queueFilter: QueueFilter;
  readonly onDrawn: (sample: AuditSample) => void;
}

type Frame = 'library' | 'queue';
type Sizing = 'size' | 'target';

const CONFIDENCE = 0.95;

export function DrawSampleForm({ queueFilter, onDrawn }: DrawSampleFormProps) {
  const queueFiltered = Object.keys(queueFilter).length > 0;
  const [frame, setFrame] = useState<Frame>('library');
  const [strata, setStrata] = useState<readonly Stratifier[]>([]);
  const [name, setName] = useState('');
  const [seed, setSeed] = useState('');
  const [sizing, setSizing] = useState<Sizing>('size');
  const [size, setSize] = useState('50');
  const [ratePercent, setRatePercent] = useState('5');
  const [measure, setMeasure] = useState<QualityMeasure>('decision');
  const [drawing, setDrawing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const request = (): SampleRequest => ({
    ...(name.trim() ? { name: name.trim() } : {}),
    frame: frame === 'queue' ? queueFilter : {},
    strata,
    ...(seed.trim() ? { seed: Number(seed) } : {}),
    ...(sizing === 'size' ? { size: Number(size) } : { target: { measure, rate: Number(ratePercent) / 100, confidence: CONFIDENCE } }),
  });
  const draw = (event: React.FormEvent) => {
    event.preventDefault();
    setDrawing(true);
    setProblem(null);
    api
      .drawSample(request())
      .then(onDrawn, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
      .finally(() => setDrawing(false));
  };
  const toggle = (stratifier: Stratifier, on: boolean) =>
    setStrata((current) => STRATIFIERS.filter((s) => (s === stratifier ? on : current.includes(s))));

  return (
    <form className="quality-card draw-form" onSubmit={draw} aria-labelledby="draw-title">
      <h3 id="draw-title">Draw a sample</h3>
      <fieldset className="segmented">
        <legend className="visually-hidden">Frame</legend>
        <Choice name="frame" value="library" current={frame} onChange={setFrame} label="Whole library" />
        <Choice name="frame" value="queue" current={frame} onChange={setFrame} label="Queue's filter" disabled={!queueFiltered} />
      </fieldset>
      <fieldset className="draw-strata">
        <legend>Stratify by</legend>
        {STRATIFIERS.map((stratifier) => (
          <label key={stratifier} className="check">
            <input type="checkbox" checked={strata.includes(stratifier)} onChange={(event) => toggle(stratifier, event.target.checked)} />
            {STRATIFIER_LABELS[stratifier]}
          </label>
        ))}
      </fieldset>
      <fieldset className="draw-size">
        <legend>How many letters</legend>
        <label className="check">
          <input type="radio" name="sizing" checked={sizing === 'size'} onChange={() => setSizing('size')} />
          Size
          <input type="number" min={1} className="number-input" aria-label="Sample size" value={size} disabled={sizing !== 'size'} onChange={(e) => setSize(e.target.value)} />
          letters
        </label>
        <label className="check draw-target">
          <input type="radio" name="sizing" checked={sizing === 'target'} onChange={() => setSizing('target')} />
          Enough to show an error rate below
          <input
            type="number"
            min={0.1}
            max={50}
            step={0.1}
            className="number-input"
            aria-label="Target error rate, percent"
            value={ratePercent}
            disabled={sizing !== 'target'}
            onChange={(e) => setRatePercent(e.target.value)}
          />
          % for
          <select aria-label="Measure" value={measure} disabled={sizing !== 'target'} onChange={(e) => setMeasure(e.target.value as QualityMeasure)}>
            {QUALITY_MEASURES.map((m) => (
              <option key={m} value={m}>
                {QUALITY_MEASURE_LABELS[m]}
              </option>
            ))}
          </select>
          at 95% confidence
        </label>
      </fieldset>
      <div className="draw-row">
        <label>
          Name <input value={name} placeholder="optional" onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Seed <input type="number" min={0} className="seed-input" value={seed} placeholder="random" onChange={(e) => setSeed(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={drawing}>
          {drawing ? 'Drawing…' : 'Draw sample'}
        </button>
      </div>
      <Problem text={problem} />
    </form>
  );
}
