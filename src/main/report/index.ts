/**
 * `imr-review report`: the insights of a library written as a self-contained HTML page, a
 * Markdown summary or JSON for scripts, from the same figures the app's Insights view shows, with
 * the library's measured data quality (the same section as the dataset card's).
 */
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Insights, InsightsScope } from '../../shared/insights.ts';
import type { DataQuality } from '../export/index.ts';
import { dataQuality } from '../export/index.ts';
import { computeInsights } from '../insights/index.ts';
import type { Db } from '../storage/index.ts';
import type { ReportFacts } from './facts.ts';
import { reportHtml } from './html.ts';
import { reportMarkdown } from './markdown.ts';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE = 'imr-insights';

export interface ReportOptions {
  readonly format: ReportFormat;
  readonly scope: InsightsScope;
  readonly libraryFile: string;
  readonly appVersion: string;
}

export interface Report {
  readonly text: string;
  readonly insights: Insights;
}

function renderReport(insights: Insights, quality: DataQuality, format: ReportFormat, facts: ReportFacts): string {
  if (format === 'html') return reportHtml(insights, quality.blocks, facts);
  if (format === 'md') return reportMarkdown(insights, quality.blocks, facts);
  return `${JSON.stringify({ ...facts, insights, quality: quality.report }, null, 2)}\n`;
}

/** The report's text and the insights it holds, for a file or a stream. */
export function buildReport(db: Db, options: ReportOptions): Report {
  const insights = computeInsights(db, { filter: {}, scope: options.scope });
  const facts: ReportFacts = { libraryName: path.basename(options.libraryFile), generatedAt: new Date().toISOString(), appVersion: options.appVersion };
  return { text: renderReport(insights, dataQuality(db), options.format, facts), insights };
}

/** Writes `<outDir>/imr-insights.<format>` and returns its path and the insights it holds. */
export async function writeReport(db: Db, options: ReportOptions & { readonly outDir: string }): Promise<{ file: string; insights: Insights }> {
  const { text, insights } = buildReport(db, options);
  await mkdir(options.outDir, { recursive: true });
  const file = path.join(path.resolve(options.outDir), `${REPORT_FILE}.${options.format}`);
  await writeFile(file, text);
  return { file, insights };
}
