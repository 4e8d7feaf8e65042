/**
 * Measured quality: audit samples, the error rates of the parser's values they measure, blind
 * re-review, agreement and adjudication. Services over a database handle; no transport here.
 */
export { drawSample, MAX_SEED, sizeForTarget } from './samples.ts';
export { drawLetters } from './draw.ts';
export { DEFAULT_CONFIDENCE, sampleQuality } from './estimates.ts';
export { blindLetter, startBlindPass, submitBlindLetter } from './blind.ts';
export { qualityReport } from './report.ts';
export { cohensKappa, clopperPearson, lettersNeeded, stratifiedRate, upperBound } from './statistics.ts';
export type { ConfusionTable } from './statistics.ts';
