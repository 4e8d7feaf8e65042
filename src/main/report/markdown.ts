/** The insights as a Markdown summary: the headline, the published figures beside the library's, every breakdown as a table, and the data quality. */
import { headlineTiles, insightSections, scopeLabel, shownRows } from '../../charts/index.ts';
import type { InsightTable } from '../../charts/index.ts';
import type { Insights } from '../../shared/insights.ts';
import type { QualityBlock } from '../export/index.ts';
import { markdownTable, QUALITY_TITLE, qualityMarkdown } from '../export/index.ts';
import { SAMPLE_CAVEAT } from '../../shared/insights.ts';
import type { ReportFacts } from './facts.ts';
import { referenceSources } from './facts.ts';

export function reportMarkdown(insights: Insights, quality: readonly QualityBlock[], facts: ReportFacts): string {
  const h = insights.headline;
  return [
    '# IMR insights',
    '',
    `${scopeLabel(insights)} of ${facts.libraryName}: ${h.letters.toLocaleString('en-US')} letters, ${h.items.toLocaleString('en-US')} items.`,
    `Written ${facts.generatedAt} by IMR Review Workstation ${facts.appVersion}.`,
    '',
    ...headlineTiles(h).map((tile) => `- **${tile.label}**: ${tile.value} (${tile.detail})`),
    '',
    `> ${SAMPLE_CAVEAT}`,
    '',
    ...insightSections(insights).flatMap((section) => [`## ${section.title}`, '', section.note, '', ...insightTable(section.table), '']),
    `## ${QUALITY_TITLE}`,
    '',
    ...qualityMarkdown(quality, 3),
    '## Sources of the published figures',
    '',
    ...referenceSources(insights).map((source) => `- ${source}`),
    '',
  ].join('\n');
}

function insightTable(table: InsightTable): string[] {
  const { rows, more } = shownRows(table);
  return [
    ...markdownTable(table.columns, rows.map((row) => row.cells.map((cell) => cell.text))),
    ...(more > 0 ? ['', `… and ${more.toLocaleString('en-US')} more groups: all of them are in the JSON report.`] : []),
  ];
}
