/**
 * Above the queue while it shows an audit sample's letters or a blind pass's: which, how far it
 * has come, and one button back to all letters (for a blind pass, the way out of blind mode).
 */
import { useEffect, useState } from 'react';
import type { QueueFilter } from '../../../shared/api.ts';
import type { AuditSample, BlindPass } from '../../../shared/quality.ts';
import { api } from '../api/client.ts';
import { BLIND_MODE_LABELS } from './BlindPasses.tsx';
import { Progress } from './ProgressTable.tsx';

export interface QualityBannerProps {
  readonly filter: QueueFilter;
  /** Goes up whenever the library changed: the progress is read again. */
  readonly version: number;
  readonly onFilter: (filter: QueueFilter) => void;
}

export function QualityBanner({ filter, version, onFilter }: QualityBannerProps) {
  const { sampleId, blindPassId } = filter;
  const [sample, setSample] = useState<AuditSample | null>(null);
  const [pass, setPass] = useState<BlindPass | null>(null);
  useEffect(() => {
    let current = true;
    if (sampleId !== undefined) void api.listSamples().then((samples) => current && setSample(samples.find((s) => s.id === sampleId) ?? null), () => undefined);
    if (blindPassId !== undefined) void api.listBlindPasses().then((passes) => current && setPass(passes.find((p) => p.id === blindPassId) ?? null), () => undefined);
    return () => {
      current = false;
    };
  }, [sampleId, blindPassId, version]);
  if (sampleId === undefined && blindPassId === undefined) return null;
  return (
    <div className={`selection-banner quality-banner${blindPassId !== undefined ? ' blind-banner' : ''}`} role="status">
      {blindPassId !== undefined ? (
        <span>
          <strong>Blind mode:</strong> blind pass {blindPassId}
          {pass && ` (${BLIND_MODE_LABELS[pass.mode].toLowerCase()})`}; the queue lists the letters not entered yet.{' '}
          {pass && (
            <>
              Entered <Progress done={pass.submitted} of={pass.letters} />
            </>
          )}
        </span>
      ) : (
        <span>
          <strong>Audit sample</strong> {sample ? `“${sample.name}”` : sampleId}: its letters, verified ones counting as checked.{' '}
          {sample && (
            <>
              Checked <Progress done={sample.checked} of={sample.size} />
            </>
          )}
        </span>
      )}
      <button type="button" onClick={() => onFilter(withoutQualityFilter(filter))}>
        {blindPassId !== undefined ? 'Leave blind mode' : 'Show all letters'}
      </button>
    </div>
  );
}

/** The filter without its sample or blind pass: the queue's other filters stay. */
function withoutQualityFilter(filter: QueueFilter): QueueFilter {
  const { sampleId: _sample, blindPassId: _pass, ...rest } = filter;
  return rest;
}
