/**
 * The "Data quality" section the dataset card and the report share: how the parser's values were
 * measured, each audit sample (seed, frame, strata, letters checked) with its error rates and
 * intervals and what they carry over to the frame's unread letters, the agreement of blind
 * re-review and the adjudication list. Built as plain blocks, so Markdown and HTML say the same.
 */
import type { QueueFilter } from '../../shared/apiSchema.ts';
import type { AgreementSummary, MeasureEstimate, QualityReport, SampleQuality } from '../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS, STRATIFIER_LABELS } from '../../shared/quality.ts';
import { confidenceText, describeFrame, describeTarget, inReadingOrder, rateText } from '../../shared/qualityFormat.ts';
import { qualityReport } from '../quality/index.ts';
import type { Db } from '../storage/index.ts';
import { tagNamesById } from '../storage/index.ts';
import { markdownTable } from './markdownTable.ts';
import type { MarkdownColumn } from './markdownTable.ts';

/** Plain text only: each renderer escapes it for its own format. */
export type QualityBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly columns: readonly MarkdownColumn[]; readonly rows: readonly (readonly string[])[] };

export interface DataQuality {
  readonly report: QualityReport;
  readonly blocks: readonly QualityBlock[];
}

export const QUALITY_TITLE = 'Data quality';

/** The quality report of `db` and its section; read from the same connection as the data it describes. */
export function dataQuality(db: Db): DataQuality {
  const report = qualityReport(db);
  const tagName = tagNamesById(db);
  return { report, blocks: qualityBlocks(report, (frame) => describeFrame(frame, tagName)) };
}

/** A table cell's short form of the unread sentence, e.g. "of 80 unread letters, about 3.3% (0.1–17.2%)": its row names the measure. */
function unreadText(unread: MeasureEstimate['unread']): string {
  if (unread.letters === 0) return 'none unread';
  const of = `of ${count(unread.letters)} unread letter${unread.letters === 1 ? '' : 's'}`;
  return unread.rate === null ? `${of}: no evidence` : `${of}, about ${rateText(unread.rate, unread.interval)}`;
}

const count = (n: number) => n.toLocaleString('en-US');

function qualityBlocks(report: QualityReport, frameInWords: (frame: QueueFilter) => string): QualityBlock[] {
  const level = confidenceText(report.confidence);
  const audit: QualityBlock[] =
    report.samples.length === 0
      ? [paragraph("No audit was made: no sample of letters was drawn and checked, so the error rates of the parser's values are unmeasured. A verified letter was checked by a person; the others are as the parser read them.")]
      : [
          paragraph(
            'Each audit sample is a random sample of letters drawn reproducibly from a frame (the letters a filter selected when it was drawn) with a recorded seed: the same seed and frame draw the same letters; ' +
              'a stratified sample draws from each stratum in proportion. A person verifies the sampled letters, and the parser\'s values of each verified sampled letter are compared with the verified ones, whitespace folded (an empty value is none). ' +
              "A measure's error rate is the share of letters whose value the parser got wrong (an item field: on any item, or an item missed or invented). " +
              `Intervals are exact (Clopper-Pearson) at ${level}, Korn-Graubard's where strata weigh. The rate carried over to the frame's unread letters (nobody verified them) weights each stratum by its unread letters: it is what to expect of the parser's values there.`,
          ),
          ...report.samples.flatMap((quality) => sampleBlocks(quality, frameInWords(quality.sample.frame), level)),
        ];
  return [...audit, ...agreementBlocks(report, level)];
}

function sampleBlocks({ sample, estimates, target }: SampleQuality, frame: string, level: string): QualityBlock[] {
  const strata =
    sample.strata.length === 0
      ? 'none'
      : `by ${sample.strata.map((stratifier) => STRATIFIER_LABELS[stratifier]).join(' and ')}: ${sample.strataCounts.map((stratum) => `${stratum.key} (${stratum.checked} checked, ${stratum.sampled} drawn of ${count(stratum.frameLetters)})`).join('; ')}`;
  const measured = estimates.filter((estimate) => estimate.checked > 0 && estimate.rate !== null);
  const unmeasured = estimates.filter((estimate) => !measured.includes(estimate)).map((estimate) => QUALITY_MEASURE_LABELS[estimate.measure]);
  // Most measures find no error, each with the same interval: one line says it for all of them.
  const wrong = inReadingOrder(measured.filter((estimate) => estimate.errors > 0));
  const clean = new Map<string, MeasureEstimate[]>();
  for (const estimate of measured.filter((candidate) => candidate.errors === 0)) {
    const stats = `${count(estimate.checked)} checked: ${rateText(0, estimate.interval)}; ${unreadText(estimate.unread)}`;
    clean.set(stats, [...(clean.get(stats) ?? []), estimate]);
  }
  return [
    { kind: 'heading', text: sample.name },
    {
      kind: 'list',
      items: [
        `seed ${sample.seed}, drawn ${sample.createdAt.slice(0, 10)} by ${sample.createdBy}`,
        `frame: ${frame}, ${count(sample.frameLetters)} letters when drawn`,
        `strata: ${strata}`,
        `letters checked: ${count(sample.checked)} of ${count(sample.size)} drawn`,
        ...(target
          ? [
              `target: ${describeTarget(target.target)}: ` +
                (target.met ? 'met' : target.needed === null ? 'out of reach of the frame with the errors found' : `not met yet (${count(target.needed)} checked letters needed with ${target.errors} error${target.errors === 1 ? '' : 's'} found)`),
            ]
          : []),
      ],
    },
    ...(measured.length === 0 ? [paragraph('No sampled letter is verified yet: nothing is measured.')] : []),
    ...(wrong.length === 0
      ? []
      : [
          {
            kind: 'table',
            columns: [column('measure'), column('checked', true), column('errors', true), column(`error rate (${level} interval)`, true), column("the frame's unread letters")],
            rows: wrong.map((estimate) => [
              QUALITY_MEASURE_LABELS[estimate.measure],
              count(estimate.checked),
              count(estimate.errors),
              rateText(estimate.rate ?? 0, estimate.interval),
              unreadText(estimate.unread),
            ]),
          } satisfies QualityBlock,
        ]),
    ...[...clean].map(([stats, group]) => paragraph(`No errors in ${group.map((estimate) => QUALITY_MEASURE_LABELS[estimate.measure]).join(', ')} (each ${stats}).`)),
    ...(measured.length > 0 && unmeasured.length > 0 ? [paragraph(`No evidence yet (the parser's reading was not kept): ${unmeasured.join(', ')}.`)] : []),
  ];
}

const KIND_TEXT: Readonly<Record<AgreementSummary['kind'], string>> = {
  intra: 'Intra-rater (reviewers re-reading letters they verified themselves)',
  inter: "Inter-rater (reviewers re-reading someone else's letters)",
};

function agreementBlocks(report: QualityReport, level: string): QualityBlock[] {
  const { blindPasses, agreement, adjudication } = report;
  const adjudicated = paragraph(`Adjudication list (blind disagreements and dataset-merge conflicts): ${count(adjudication.resolved)} decided, ${count(adjudication.open)} open.`);
  if (blindPasses.length === 0) return [{ kind: 'heading', text: 'Blind re-review' }, paragraph('No blind re-review was made: how far reviewers agree is unmeasured.'), adjudicated];
  const entered = blindPasses.reduce((sum, pass) => sum + pass.submitted, 0);
  const letters = blindPasses.reduce((sum, pass) => sum + pass.letters, 0);
  return [
    { kind: 'heading', text: 'Blind re-review' },
    paragraph(
      `${blindPasses.length} blind pass${blindPasses.length === 1 ? '' : 'es'}, ${count(entered)} of ${count(letters)} letters entered. A blind reviewer re-reads verified letters with their values hidden (or only the decisions), ` +
        `and each value entered is compared with the verified one, whitespace folded. Agreement is the share of values alike, with its exact ${level} interval; Cohen's kappa, for the decision and the category, with its large-sample interval.`,
    ),
    ...agreement.flatMap((summary): QualityBlock[] => [
      paragraph(`${KIND_TEXT[summary.kind]}, ${count(summary.letters)} letter${summary.letters === 1 ? '' : 's'}:`),
      {
        kind: 'table',
        columns: [column('field'), column('compared', true), column('agreed', true), column(`agreement (${level} interval)`, true)],
        rows: summary.fields.map((field) => [fieldLabel(field.field), count(field.compared), count(field.agreed), field.share === null ? '-' : rateText(field.share, field.interval)]),
      },
      ...kappaBlocks(summary),
    ]),
    adjudicated,
  ];
}

function kappaBlocks(summary: AgreementSummary): QualityBlock[] {
  const kappas = summary.kappas.filter((kappa) => kappa.items > 0);
  if (kappas.length === 0) return [];
  const value = (kappa: number) => kappa.toFixed(2);
  // "to", not a dash: a kappa's interval can start below 0.
  const described = kappas.map(
    (estimate) =>
      `${fieldLabel(estimate.field)} ${estimate.kappa === null ? 'undefined (one label only)' : `${value(estimate.kappa)}${estimate.interval ? ` (${value(estimate.interval.low)} to ${value(estimate.interval.high)})` : ''}`} over ${count(estimate.items)} items`,
  );
  return [paragraph(`Cohen's kappa: ${described.join('; ')}.`)];
}

function fieldLabel(field: AgreementSummary['fields'][number]['field']): string {
  return field === 'category' ? 'Service category' : QUALITY_MEASURE_LABELS[field];
}

const paragraph = (text: string): QualityBlock => ({ kind: 'paragraph', text });
const column = (label: string, numeric = false): MarkdownColumn => ({ label, numeric });

/** The blocks as Markdown, headings at `level` (the section's own title is the caller's). */
export function qualityMarkdown(blocks: readonly QualityBlock[], level: number): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return [`${'#'.repeat(level)} ${block.text}`, ''];
      case 'paragraph':
        return [block.text, ''];
      case 'list':
        return [...block.items.map((item) => `- ${item}`), ''];
      case 'table':
        return [...markdownTable(block.columns, block.rows), ''];
    }
  });
}
