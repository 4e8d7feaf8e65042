/**
 * `imr-review quality [--db file] [--json]`: every audit sample's measured error rates with their
 * intervals, carried over to the letters nobody verified, agreement from blind passes, and the
 * adjudication list's counts. The library is only read.
 */
import { Command } from 'commander';
import type { AgreementSummary, QualityReport, SampleQuality } from '../../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS } from '../../../shared/quality.ts';
import { ITEM_FIELD_LABELS, LETTER_FIELD_LABELS } from '../../../shared/fieldLabels.ts';
import { confidenceText, describeFrame, describeTarget, inReadingOrder, rateText, unreadSentence } from '../../../shared/qualityFormat.ts';
import { qualityReport } from '../../quality/index.ts';
import { tagNamesById } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import { withLibrary } from '../library.ts';

interface QualityOptions {
  readonly db?: string;
  readonly json?: true;
}

export const qualityCommand = (context: CommandContext) =>
  new Command('quality')
    .description(
      'For every audit sample (imr-review sample): per field, the share of letters whose parser value a reviewer corrected, ' +
        'with an exact 95% interval (Clopper-Pearson; Korn-Graubard where strata weigh), and that rate carried over to the ' +
        "frame's letters nobody verified. Then agreement from blind passes (exact agreement per field, Cohen's kappa for the " +
        'decision and the category, each with an interval) and the disagreements waiting for adjudication.',
    )
    .addOption(libraryOption())
    .addOption(jsonOption('the quality report'))
    .action(async (options: QualityOptions) =>
      context.exitWith(
        await withLibrary(options.db, { mode: 'read' }, context.io, ({ db, file }) => {
          const report = qualityReport(db);
          context.io.out(options.json ? JSON.stringify(report) : reportLines(file, report, tagNamesById(db)).join('\n'));
          return EXIT.done;
        }),
      ),
    );

function reportLines(file: string, report: QualityReport, tagName: (tagId: number) => string | undefined): string[] {
  const lines = [`Library ${file}`];
  if (report.samples.length === 0) lines.push('  No audit sample yet: the parser\'s values are unmeasured. Draw one with imr-review sample --size N (or --target decision:1%).');
  for (const quality of report.samples) lines.push(...sampleLines(quality, tagName));
  for (const summary of report.agreement) lines.push(...agreementLines(summary));
  lines.push(`  adjudication: ${report.adjudication.open} waiting, ${report.adjudication.resolved} decided`);
  return lines;
}

function sampleLines({ sample, estimates, target, confidence }: SampleQuality, tagName: (tagId: number) => string | undefined): string[] {
  const lines = [
    `  Sample ${sample.id} "${sample.name}" (seed ${sample.seed}): ${sample.checked} of ${sample.size} letters checked; frame: ${describeFrame(sample.frame, tagName)}, ${sample.frameLetters.toLocaleString('en-US')} letters${sample.strata.length > 0 ? `; strata by ${sample.strata.join(', ')}` : ''}`,
  ];
  const measured = inReadingOrder(estimates.filter((estimate) => estimate.checked > 0));
  if (measured.length === 0) return [...lines, '    nothing checked yet: verify the sample\'s letters'];
  lines.push(`    ${'value'.padEnd(36)}${'checked'.padStart(8)}${'wrong'.padStart(7)}  rate (${confidenceText(confidence)} interval)`);
  for (const estimate of measured) {
    const rate = estimate.rate === null ? '' : rateText(estimate.rate, estimate.interval);
    lines.push(`    ${QUALITY_MEASURE_LABELS[estimate.measure].padEnd(36)}${String(estimate.checked).padStart(8)}${String(estimate.errors).padStart(7)}  ${rate}`);
  }
  const decision = estimates.find((estimate) => estimate.measure === 'decision');
  if (decision && decision.checked > 0) lines.push(`    ${unreadSentence(decision)}`);
  if (target) {
    const goal = describeTarget(target.target);
    lines.push(target.met ? `    target ${goal}: met` : `    target ${goal}: not yet; ${target.needed === null ? 'not reachable by checking more' : `${Math.max(0, target.needed - target.checked)} more letters checked with no further error`}`);
  }
  return lines;
}

const AGREEMENT_LABELS: Record<string, string> = { ...LETTER_FIELD_LABELS, ...ITEM_FIELD_LABELS, category: 'Category' };

function agreementLines(summary: AgreementSummary): string[] {
  const lines = [`  ${summary.kind === 'intra' ? 'Intra-rater' : 'Inter-rater'} agreement, ${summary.letters} letters re-read blind:`];
  for (const kappa of summary.kappas) {
    if (kappa.kappa !== null && kappa.interval) lines.push(`    kappa, ${kappa.field}: ${kappa.kappa.toFixed(3)} (${kappa.interval.low.toFixed(3)}–${kappa.interval.high.toFixed(3)}), ${kappa.items} items`);
  }
  for (const field of summary.fields) {
    if (field.share !== null && field.interval) lines.push(`    ${(AGREEMENT_LABELS[field.field] ?? field.field).padEnd(36)}${field.agreed} of ${field.compared} agree, ${rateText(field.share, field.interval)}`);
  }
  return lines;
}
