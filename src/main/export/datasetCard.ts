/**
 * README.md beside the data: a Hugging Face dataset card (YAML front matter with the configs,
 * features, license and language) that says what was exported, from which library, by whom,
 * what the letters hold that is sensitive, and what every column means.
 */
import { DWC_DRUG_CLASSES, DWC_SUB_CATEGORIES, dwcCategoryLabel } from '../../shared/dwcTaxonomy.ts';
import path from 'node:path';
import type { ExportFormat, ExportScope } from '../../shared/export.ts';
import { dataFile, frontMatter, PRETTY_NAME } from './cardFrontMatter.ts';
import { readingSection } from './cardReading.ts';
import { schemaSection } from './cardSchema.ts';
import { escapeCell } from './markdownTable.ts';
import { exportTables } from './cardTables.ts';
import { CHECK_CODES } from '../letters/checks/index.ts';
import { CITATION_SOURCES, DRUG_CLASSES, MTUS_PARTS, SERVICE_CATEGORIES, VOCABULARY_VERSION } from '../letters/vocabulary/index.ts';
import type { ExportTally } from './tally.ts';
import { decisionFiguresMarkdown } from '../insights/index.ts';
import type { DecisionFigures } from '../insights/index.ts';
import type { QualityBlock } from './qualitySection.ts';
import { QUALITY_TITLE, qualityMarkdown } from './qualitySection.ts';

export interface CardFacts {
  readonly format: ExportFormat;
  readonly scope: ExportScope;
  /** The filters as a person reads them, e.g. 'tag "needs second look"'. */
  readonly filters: readonly string[];
  readonly withSpans: boolean;
  readonly bom: boolean;
  readonly appVersion: string;
  readonly exportedAt: string;
  /** The library file the letters came from. */
  readonly library: string;
  /** The library's reviewer name at the export; null when none is set. */
  readonly exportedBy: string | null;
  readonly tally: ExportTally;
  /** Texts cut to fit a spreadsheet cell (xlsx only). */
  readonly cutTexts: number;
  /** The headline figures, worked out in SQL over the same letters. */
  readonly figures: DecisionFigures;
  /** The library's measured quality, read from the same snapshot as the letters. */
  readonly quality: readonly QualityBlock[];
  /** Where the data files sit under the card's folder, as a glob (a batch's shards: `shards/*`); beside the card when absent. */
  readonly dataFolder?: string;
}

export function datasetCard(facts: CardFacts): string {
  const { tally } = facts;
  return [
    frontMatter(facts.format, facts.withSpans, tally.letters, facts.dataFolder),
    `# ${PRETTY_NAME}: ${facts.scope === 'verified' ? 'reviewed dataset' : 'library export'}`,
    '',
    "California workers' compensation Independent Medical Review (IMR) Final Determination Letters,",
    facts.scope === 'verified'
      ? 'read into fields and decision items by the IMR Review Workstation parser, each letter checked and verified by a person.'
      : "read into fields and decision items by the IMR Review Workstation parser, with each letter's review status: only `verified` letters were checked by a person, the others are as the parser read them or partly corrected.",
    'Every row says where it came from (source file and SHA-256, parser version), which values a',
    'person changed, who verified the letter and when, and its tags and notes.',
    '',
    '## This export',
    '',
    '| | |',
    '| --- | --- |',
    `| files | ${[...new Set(exportTables(facts.format, facts.withSpans).map((table) => dataFile(table.file, facts.dataFolder)))].map((file) => `\`${file}\``).join(', ')} |`,
    `| library | \`${escapeCell(path.basename(facts.library))}\` |`,
    `| exported by | ${facts.exportedBy === null ? 'no reviewer name set in the library' : escapeCell(facts.exportedBy)} |`,
    `| scope | ${facts.scope === 'verified' ? 'verified letters only' : 'all letters, with their review status'} |`,
    `| filters | ${facts.filters.length === 0 ? 'none' : escapeCell(facts.filters.join('; '))} |`,
    `| source spans | ${facts.withSpans ? 'included' : 'not included'} |`,
    ...(facts.format === 'csv' ? [`| byte order mark | ${facts.bom ? 'yes (for Excel)' : 'no'} |`] : []),
    `| exported at | ${facts.exportedAt} |`,
    `| app version | IMR Review Workstation ${facts.appVersion} |`,
    `| parser versions | ${countList(tally.parserVersions, 'letter')} |`,
    `| verified by | ${countList(tally.reviewers, 'letter')} |`,
    '',
    '## Counts',
    '',
    `- letters: ${tally.letters}`,
    `- items: ${tally.items}`,
    '',
    '| decision | items | share |',
    '| --- | ---: | ---: |',
    ...[...tally.decisions].map(([decision, n]) => `| ${decision === 'none' ? '(missing)' : decision} | ${n} | ${share(n, tally.items)} |`),
    '',
    '| review status | letters |',
    '| --- | ---: |',
    ...[...tally.statuses].sort().map(([status, n]) => `| ${status} | ${n} |`),
    ...unreadableDates(facts),
    '',
    '### Headline figures',
    '',
    'With 95% intervals (Wilson for shares, normal approximation for the mean). A reviewer\'s letters are not a random',
    'sample of IMR decisions, so these describe this dataset, not the IMR program.',
    '',
    ...decisionFiguresMarkdown(facts.figures),
    '',
    ...qualitySection(facts),
    ...checksSection(tally),
    ...vocabularySection(tally),
    ...schemaSection(facts),
    ...readingSection({ format: facts.format, withSpans: facts.withSpans, letters: tally.letters, ...(facts.dataFolder === undefined ? {} : { dataFolder: facts.dataFolder }) }),
    ...sensitiveContent(),
    '## Notes',
    '',
    '- Values keep the letter\'s wording: whitespace runs are one space, everything else (typos, case,',
    '  punctuation) is as printed. Rows are sorted by `sha256`, then item order.',
    '- The letter text itself is not part of the dataset.',
    '',
  ].join('\n');
}

/** What this export's letters are by review state, then how the library's quality was measured and what it came to. */
function qualitySection(facts: CardFacts): string[] {
  const states = [...facts.tally.reviewStates].map(([state, n]) => `${state} ${n}`).join(', ');
  return [
    `## ${QUALITY_TITLE}`,
    '',
    `This export's letters by \`reviewState\`: ${states}. The audit below measures the library the letters came from:`,
    "a sample's frame may hold letters outside this export, and its rates are the parser's: they apply to letters nobody verified (`machine`), not to verified ones.",
    '',
    ...qualityMarkdown(facts.quality, 3),
  ];
}

/** Every rule check with its meaning, and how many findings this export holds. */
function checksSection(tally: ExportTally): string[] {
  return [
    '## Rule checks',
    '',
    "Checks run over each letter's exported values; a finding flags a value for a person to look at,",
    'it changes nothing. The decision window is a setting of the library (default 40 days Standard, 4 Expedited).',
    '',
    '| check | findings | what it checks |',
    '| --- | ---: | --- |',
    ...Object.entries(CHECK_CODES).map(([code, description]) => `| \`${code}\` | ${tally.checks.get(code) ?? 0} | ${escapeCell(description)} |`),
    '',
  ];
}

/** The service taxonomy with this export's counts, and the vocabulary's version. */
function vocabularySection(tally: ExportTally): string[] {
  const terms = (title: string, list: readonly { id: string; description: string }[], counts?: ReadonlyMap<string, number>) => [
    `| ${title} | ${counts ? 'items | ' : ''}meaning |`,
    `| --- | ${counts ? '---: | ' : ''}--- |`,
    ...list.map((term) => `| \`${term.id}\` | ${counts ? `${counts.get(term.id) ?? 0} | ` : ''}${escapeCell(term.description)} |`),
    '',
  ];
  return [
    '## Structured values',
    '',
    `Services and guideline citations read by the domain vocabulary, version ${VOCABULARY_VERSION}; a category or drug class a`,
    'person set wins over the reading (`serviceCategoryCorrected`). A service no rule places is `other`.',
    '',
    ...terms('service category', SERVICE_CATEGORIES, tally.categories),
    ...terms('drug class', DRUG_CLASSES),
    ...dwcSection(tally),
    ...terms('citation source', CITATION_SOURCES),
    ...terms('MTUS part', MTUS_PARTS),
  ];
}

/** DWC's taxonomy, in which its own figures are counted: each Sub Category with its Request Category and this export's items. */
function dwcSection(tally: ExportTally): string[] {
  const used = DWC_SUB_CATEGORIES.filter((term) => term.category !== 'pharmaceuticals' || (tally.dwcSubCategories.get(term.id) ?? 0) > 0);
  return [
    "The same items in DWC's taxonomy (the Request Category, Sub Category and drug class of DWC's IMR decision search):",
    '`dwcRequestCategory`, `dwcSubCategory` (for a drug, its DWC drug class) and `dwcDrugClasses`. Drug classes:',
    DWC_DRUG_CLASSES.map((term) => `\`${term.id}\` (${escapeCell(term.label)})`).join(', ') + '.',
    '',
    '| DWC Sub Category | Request Category | items |',
    '| --- | --- | ---: |',
    ...used.map((term) => `| \`${term.id}\` (${escapeCell(term.label)}) | ${escapeCell(dwcCategoryLabel(term.category) ?? term.category)} | ${tally.dwcSubCategories.get(term.id) ?? 0} |`),
    '',
  ];
}

function unreadableDates(facts: CardFacts): string[] {
  if (facts.format === 'jsonl' || facts.tally.unreadableDates.size === 0) return [];
  return [
    '',
    'Printed dates that are not MM/DD/YYYY dates are empty in this format (the JSONL export keeps them as printed):',
    ...[...facts.tally.unreadableDates].map(([column, n]) => `- \`${column}\`: ${n}`),
  ];
}

function countList(counts: ReadonlyMap<string, number>, unit: string): string {
  if (counts.size === 0) return 'none';
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${escapeCell(name)} (${n} ${unit}${n === 1 ? '' : 's'})`)
    .join(', ');
}

function share(n: number, total: number): string {
  return total === 0 ? '-' : `${((100 * n) / total).toFixed(1)}%`;
}

/** What the letters hold about people, and what that asks of whoever holds this export. */
function sensitiveContent(): string[] {
  return [
    '## Sensitive content',
    '',
    "The letters describe injured workers' medical conditions, treatment requests and clinical histories, with",
    'dates of injury and case numbers. Published letters have names removed, but the clinical details remain, and',
    'with dates, case numbers and notes a worker may still be identified. Treat this export as confidential health',
    'information: keep it to the people the letters were obtained for, under the terms they were obtained on, and',
    'do not publish it, or models trained on it, without that review.',
    '',
    '## License',
    '',
    '`unknown`: the letters are decisions of the California Division of Workers\' Compensation IMR program and',
    "carry no license, and the corrections, tags and notes are the reviewers'. Whoever shares this export decides",
    'and states its license first.',
    '',
  ];
}
