/**
 * The domain vocabulary: guideline citations and services read out of a letter's fields.
 * Pure (no I/O, no storage) and total: every function returns a value for any input,
 * reporting what it could not read as warnings. Spans are offsets into the field text given.
 */

export { VOCABULARY_VERSION } from './version.ts';
export { analyzeGuideline } from './guidelines.ts';
export { findNoEvidenceStatement, isNoEvidenceCited } from './noEvidence.ts';
export { checkInForce, citationsNotInForce, isoDate } from './inForce.ts';
export { analyzeItemService, analyzeService, type ItemServiceTexts } from './services.ts';
export { placeAddOns } from './addOns.ts';
export { formatVocabularyReport, measureVocabulary, TARGET_SHARE, type MeasuredItem, type MeasuredLetter, type VocabularyReport } from './measure.ts';
export { MTUS_PERIODS, type MtusPeriod } from './data/mtusPeriods.ts';
export {
  CITATION_SOURCES,
  DRUG_CLASSES,
  MTUS_PARTS,
  OTHER_SOURCE_KINDS,
  SERVICE_CATEGORIES,
} from '../../../shared/vocabulary.ts';
