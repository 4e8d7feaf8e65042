/** What a report says about itself, and the sources of the published figures it sets beside the library's. */
import type { Insights } from '../../shared/insights.ts';

export interface ReportFacts {
  /** The library file's name. */
  readonly libraryName: string;
  /** ISO instant. */
  readonly generatedAt: string;
  readonly appVersion: string;
}

/** Each source once, as a reader would cite it. */
export function referenceSources(insights: Insights): string[] {
  const sources = insights.comparisons.map(({ figure: { source, secondary } }) =>
    [source.publisher, source.title, source.where, secondary ? 'from a secondary summary: check before relying on it' : null].filter(Boolean).join(', '),
  );
  return [...new Set(sources)];
}
