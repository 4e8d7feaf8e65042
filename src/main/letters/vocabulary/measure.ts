/**
 * How much of a set of letters the vocabulary reads: the share of guideline fields whose every
 * citation maps to a known source and topic, the share of services placed in a category other
 * than `other`, and the MTUS citations not in force on their letter's decision date. Pure:
 * the caller reads the files.
 */
import type { CitationSource, ServiceCategory } from '../../../shared/vocabulary.ts';
import { analyzeGuideline } from './guidelines.ts';
import { checkInForce } from './inForce.ts';
import { VOCABULARY_VERSION } from './version.ts';
import { analyzeService } from './services.ts';

export interface MeasuredItem {
  readonly service: string;
  readonly claimsAdministratorGuideline: string;
  readonly maximusGuideline: string;
}

export interface MeasuredLetter {
  readonly name: string;
  readonly decisionDate: string | null;
  readonly items: readonly MeasuredItem[];
}

const GUIDELINE_FIELDS = ['claimsAdministratorGuideline', 'maximusGuideline'] as const;

export interface Unread {
  readonly letter: string;
  /** 1-based, as a reviewer counts items. */
  readonly item: number;
  readonly field: string;
  readonly text: string;
  readonly reasons: readonly string[];
}

export interface VocabularyReport {
  readonly vocabularyVersion: string;
  readonly letters: number;
  readonly items: number;
  readonly target: number;
  readonly guidelines: {
    readonly fields: number;
    readonly mapped: number;
    readonly share: number;
    readonly citations: number;
    readonly bySource: Readonly<Partial<Record<CitationSource, number>>>;
    /** Mapped citations that name no chapter or part ("Official Disability Guidelines (ODG)."). */
    readonly withoutTopic: number;
    readonly unmapped: readonly Unread[];
  };
  readonly services: {
    readonly items: number;
    readonly categorised: number;
    readonly share: number;
    readonly byCategory: Readonly<Partial<Record<ServiceCategory, number>>>;
    readonly other: readonly Unread[];
  };
  readonly notInForce: readonly Unread[];
}

/** The share both measures must reach on the development letters. */
export const TARGET_SHARE = 0.95;

export function measureVocabulary(letters: readonly MeasuredLetter[]): VocabularyReport {
  const bySource: Partial<Record<CitationSource, number>> = {};
  const byCategory: Partial<Record<ServiceCategory, number>> = {};
  const unmapped: Unread[] = [];
  const other: Unread[] = [];
  const notInForce: Unread[] = [];
  let fields = 0;
  let citations = 0;
  let withoutTopic = 0;
  let items = 0;
  for (const letter of letters) {
    letter.items.forEach((item, index) => {
      items++;
      const at = { letter: letter.name, item: index + 1 };
      for (const field of GUIDELINE_FIELDS) {
        const analysis = analyzeGuideline(item[field]);
        fields++;
        citations += analysis.citations.length;
        for (const found of analysis.citations) {
          bySource[found.source] = (bySource[found.source] ?? 0) + 1;
          if (found.mapped && found.topic === null && found.source !== 'no-evidence' && found.source !== 'other') withoutTopic++;
          const check = letter.decisionDate ? checkInForce(found, letter.decisionDate) : null;
          if (check?.status === 'not-in-force') notInForce.push({ ...at, field, text: found.text, reasons: [check.reason] });
        }
        if (!analysis.mapped) {
          const reasons = analysis.warnings.map((warning) => warning.message);
          unmapped.push({ ...at, field, text: item[field], reasons: reasons.length > 0 ? reasons : ['No citation found.'] });
        }
      }
      const service = analyzeService(item.service);
      byCategory[service.category.value] = (byCategory[service.category.value] ?? 0) + 1;
      if (service.category.value === 'other') {
        other.push({ ...at, field: 'service', text: item.service, reasons: service.warnings.map((warning) => warning.message) });
      }
    });
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    vocabularyVersion: VOCABULARY_VERSION,
    letters: letters.length,
    items,
    target: TARGET_SHARE,
    guidelines: { fields, mapped: fields - unmapped.length, share: share(fields - unmapped.length, fields), citations, bySource, withoutTopic, unmapped },
    services: { items, categorised: items - other.length, share: share(items - other.length, items), byCategory, other },
    notInForce,
  };
}

export function formatVocabularyReport(report: VocabularyReport, folder: string): string {
  const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
  const verdict = (share: number) => (share >= report.target ? 'meets' : 'BELOW');
  const counts = (table: Readonly<Record<string, number | undefined>>) =>
    Object.entries(table)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([key, n]) => `    ${key.padEnd(28)}${n}`);
  const listed = (entries: readonly Unread[]) =>
    entries.flatMap((entry) => [`  ${entry.letter} item ${entry.item} ${entry.field}: ${entry.text}`, ...entry.reasons.map((reason) => `      ${reason}`)]);
  const { guidelines, services } = report;
  return [
    `Vocabulary ${report.vocabularyVersion} on ${report.letters} letters, ${report.items} items in ${folder}`,
    `Guideline fields with every citation mapped: ${guidelines.mapped}/${guidelines.fields} ${percent(guidelines.share)} (${verdict(guidelines.share)} the ${percent(report.target)} target)`,
    `  citations: ${guidelines.citations}, of which mapped but naming no chapter: ${guidelines.withoutTopic}`,
    '  by source:',
    ...counts(guidelines.bySource),
    `Services with a category other than "other": ${services.categorised}/${services.items} ${percent(services.share)} (${verdict(services.share)} the ${percent(report.target)} target)`,
    '  by category:',
    ...counts(services.byCategory),
    '',
    guidelines.unmapped.length === 0 ? 'Unmapped guideline fields: none' : 'Unmapped guideline fields:',
    ...listed(guidelines.unmapped),
    '',
    services.other.length === 0 ? 'Services left as other: none' : 'Services left as other:',
    ...listed(services.other),
    '',
    report.notInForce.length === 0
      ? 'MTUS citations not in force on the decision date: none'
      : `MTUS citations not in force on the decision date (for review: the request may predate the change): ${report.notInForce.length}`,
    ...listed(report.notInForce),
  ].join('\n');
}
