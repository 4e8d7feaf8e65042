/**
 * A sample's estimates: each measure's error rate over the sample's verified letters, weighted by
 * stratum, with its interval, carried over to the frame's letters nobody verified, and where the
 * sample stands against its target.
 */
import type { AuditSample, MeasureEstimate, QualityMeasure, SampleQuality, TargetProgress } from '../../shared/quality.ts';
import { QUALITY_MEASURES } from '../../shared/quality.ts';
import type { Db } from '../storage/index.ts';
import { getSample, readSampleEvidence, unreadByStratum } from '../storage/index.ts';
import { measureLetter } from './measure.ts';
import { lettersNeeded, stratifiedRate } from './statistics.ts';
import type { StratumCounts } from './statistics.ts';

/** The confidence every interval is given at unless asked otherwise. */
export const DEFAULT_CONFIDENCE = 0.95;

/** Per measure, per stratum: letters compared and letters wrong. */
type Tally = Record<QualityMeasure, { checked: number[]; errors: number[] }>;

function tallySample(db: Db, sample: AuditSample): Tally {
  const strata = sample.strataCounts.length;
  const tally = Object.fromEntries(QUALITY_MEASURES.map((measure) => [measure, { checked: Array<number>(strata).fill(0), errors: Array<number>(strata).fill(0) }])) as Tally;
  for (const { stratum, evidence } of readSampleEvidence(db, sample.id)) {
    const findings = measureLetter(evidence);
    for (const measure of QUALITY_MEASURES) {
      const wrong = findings[measure];
      if (wrong === null) continue;
      const counts = tally[measure];
      counts.checked[stratum] = (counts.checked[stratum] ?? 0) + 1;
      if (wrong) counts.errors[stratum] = (counts.errors[stratum] ?? 0) + 1;
    }
  }
  return tally;
}

export function sampleQuality(db: Db, sampleId: number, confidence = DEFAULT_CONFIDENCE): SampleQuality {
  const sample = getSample(db, sampleId);
  const tally = tallySample(db, sample);
  const unread = unreadByStratum(db, sampleId);
  const estimates = QUALITY_MEASURES.map((measure): MeasureEstimate => {
    const frame = stratifiedRate(strataOf(sample, tally[measure], (index) => sample.strataCounts[index]?.frameLetters ?? 0), confidence);
    const ofUnread = stratifiedRate(strataOf(sample, tally[measure], (index) => unread[index] ?? 0), confidence);
    return {
      measure,
      checked: sum(tally[measure].checked),
      errors: sum(tally[measure].errors),
      rate: frame.rate,
      interval: frame.interval,
      upperBound: frame.upperBound,
      unread: { letters: sum(unread), rate: ofUnread.rate, interval: ofUnread.interval },
    };
  });
  return { sample, confidence, estimates, target: targetProgress(sample, tally) };
}

const sum = (counts: readonly number[]) => counts.reduce((total, n) => total + n, 0);

/** A measure's counts by stratum, each stratum weighing what `population` gives it. */
function strataOf(sample: AuditSample, counts: Tally[QualityMeasure], population: (index: number) => number): StratumCounts[] {
  return sample.strataCounts.map((stratum, index) => ({
    population: population(index),
    frame: stratum.frameLetters,
    checked: counts.checked[index] ?? 0,
    errors: counts.errors[index] ?? 0,
  }));
}

/** Where the sample stands against its target (its bound at the target's confidence), and the letters it takes with each further error. */
function targetProgress(sample: AuditSample, tally: Tally): TargetProgress | null {
  const { target } = sample;
  if (!target) return null;
  const counts = tally[target.measure];
  const checked = sum(counts.checked);
  const errors = sum(counts.errors);
  const bound = stratifiedRate(strataOf(sample, counts, (index) => sample.strataCounts[index]?.frameLetters ?? 0), target.confidence).upperBound;
  const neededByErrors = Array.from({ length: errors + 3 }, (_, found) => lettersNeeded(found, target.rate, target.confidence));
  return { target, met: bound !== null && bound < target.rate, checked, errors, needed: neededByErrors[errors] ?? null, neededByErrors };
}
