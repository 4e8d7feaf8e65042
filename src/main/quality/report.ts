/** The quality report: every sample's estimates, the blind passes and their agreement, the adjudication list's counts. */
import type { QualityReport } from '../../shared/quality.ts';
import type { Db } from '../storage/index.ts';
import { adjudicationCounts, listBlindComparisons, listBlindPasses, listSamples } from '../storage/index.ts';
import { agreementOf } from './agreement.ts';
import { DEFAULT_CONFIDENCE, sampleQuality } from './estimates.ts';

export function qualityReport(db: Db, confidence = DEFAULT_CONFIDENCE): QualityReport {
  return {
    confidence,
    samples: listSamples(db).map((sample) => sampleQuality(db, sample.id, confidence)),
    blindPasses: listBlindPasses(db),
    agreement: agreementOf(listBlindComparisons(db), confidence),
    adjudication: adjudicationCounts(db),
  };
}
