/** The insights service: the library's outcome figures in SQL, their intervals, and the published figures beside them. */
export { cachedInsights, computeInsights, insightsFilter } from './computeInsights.ts';
export { headlineOf } from './headline.ts';
export { meanEstimate, proportion, wilsonInterval } from './intervals.ts';
export { REFERENCE_FIGURES } from './referenceFigures.ts';
export { decisionFigures, decisionFiguresMarkdown, figuresOfCounts } from './decisionFigures.ts';
export type { DecisionFigures } from './decisionFigures.ts';
