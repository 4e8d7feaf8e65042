/**
 * `imr-review sample`: draws an audit sample (a size, or one worked out from a target; a seed;
 * a frame by the queue's filters; strata), or lists the samples with `--list`. A sample never
 * changes once drawn.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { QueueFilter } from '../../../shared/apiSchema.ts';
import { DECIDED_IN_PATTERN } from '../../../shared/apiSchema.ts';
import type { Decision, LetterFormat } from '../../../shared/letter.ts';
import { DECISIONS, LETTER_FORMATS } from '../../../shared/letter.ts';
import type { LetterStatus } from '../../../shared/library.ts';
import { LETTER_STATUSES } from '../../../shared/library.ts';
import type { AuditSample, AuditTarget, QualityMeasure, Stratifier } from '../../../shared/quality.ts';
import { QUALITY_MEASURES, STRATIFIERS } from '../../../shared/quality.ts';
import { drawSample, lettersNeeded, MAX_SEED } from '../../quality/index.ts';
import { getReviewer, InvalidEditError, listSamples, tagIdByName, tagNamesById } from '../../storage/index.ts';
import type { Library } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, nonBlank, usageError, wholeNumberAbove0 } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';
import { describeFrame, describeTarget } from '../../../shared/qualityFormat.ts';

interface SampleOptions {
  readonly db?: string;
  readonly list?: true;
  readonly size?: number;
  readonly target?: AuditTarget;
  readonly confidence?: number;
  readonly seed?: number;
  readonly strata?: readonly Stratifier[];
  readonly name?: string;
  readonly reviewer?: string;
  readonly status?: LetterStatus;
  readonly formatFilter?: LetterFormat;
  readonly decision?: Decision;
  readonly tag?: string;
  readonly decidedIn?: string;
  readonly json?: true;
}

function seedOf(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(seed) || seed > MAX_SEED) throw new InvalidArgumentError(`It takes a whole number from 0 to ${MAX_SEED}.`);
  return seed;
}

/** "decision:1%" or "allExact:0.02": the measure and the rate it must stay under. */
function targetOf(value: string): AuditTarget {
  const match = /^([A-Za-z]+):(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  const measure = match?.[1] as QualityMeasure | undefined;
  if (!match || !measure || !QUALITY_MEASURES.includes(measure)) {
    throw new InvalidArgumentError(`It takes <measure>:<rate>, e.g. decision:1%; the measures are ${QUALITY_MEASURES.join(', ')}.`);
  }
  const rate = Number(match[2]) / (match[3] === '%' ? 100 : 1);
  if (!(rate > 0 && rate < 1)) throw new InvalidArgumentError('The rate is between 0 and 1 (or 0% and 100%).');
  return { measure, rate, confidence: 0.95 };
}

function confidenceOf(value: string): number {
  const confidence = Number(value);
  if (!(confidence > 0 && confidence < 1)) throw new InvalidArgumentError('It takes a share between 0 and 1, e.g. 0.95.');
  return confidence;
}

function strataOf(value: string): Stratifier[] {
  const strata = value.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const unknown = strata.filter((part) => !(STRATIFIERS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new InvalidArgumentError(`Unknown stratum ${unknown.join(', ')}; they are ${STRATIFIERS.join(', ')}.`);
  return strata as Stratifier[];
}

export const sampleCommand = (context: CommandContext) => {
  const command = new Command('sample')
    .description(
      'Draws a random sample of letters for a reviewer to verify, reproducibly: the same seed and frame give the same letters. ' +
        'The frame is the whole library or the letters the filter options select; --strata draws from each stratum in proportion. ' +
        'Give the size, or a target to work it out from (--target decision:1% takes 299 letters at 95% confidence when none is wrong; ' +
        'each error found costs more, and the answer says how many). Verify the sampled letters in the app (filter the queue by the sample), ' +
        `then read the measured error rates with \`imr-review quality\`. A letter already verified counts as checked.`,
    )
    .addOption(libraryOption())
    .option('--list', 'list the samples drawn so far instead of drawing one')
    .addOption(new Option('--size <letters>', 'how many letters to draw').argParser(wholeNumberAbove0).conflicts('target'))
    .addOption(new Option('--target <measure:rate>', 'work the size out from a target, e.g. decision:1% or allExact:5%').argParser(targetOf))
    .addOption(new Option('--confidence <share>', 'the target\'s confidence (default 0.95)').argParser(confidenceOf))
    .addOption(new Option('--seed <number>', `the random seed, 0..${MAX_SEED} (default: a random one, printed)`).argParser(seedOf))
    .addOption(new Option('--strata <list>', `stratify by any of ${STRATIFIERS.join(', ')} (comma separated)`).argParser(strataOf))
    .option('--name <name>', 'what to call the sample', nonBlank)
    .option('--reviewer <name>', 'who draws it (default: the library\'s reviewer)', nonBlank)
    .addOption(new Option('--status <status>', 'frame: letters of one review status').choices(LETTER_STATUSES))
    .addOption(new Option('--format-filter <format>', 'frame: letters of one format').choices(LETTER_FORMATS))
    .addOption(new Option('--decision <decision>', 'frame: letters with an item of this decision').choices(DECISIONS))
    .option('--tag <name>', 'frame: letters carrying this tag')
    .option('--decided-in <period>', 'frame: letters decided in YYYY, YYYY-MM or YYYY..YYYY')
    .addOption(jsonOption('the sample (with --list: the samples)'))
    .action(async (options: SampleOptions) => {
      if (options.list && (options.size !== undefined || options.target !== undefined)) usageError(command, '--list lists the samples; it takes no --size or --target');
      if (!options.list && options.size === undefined && options.target === undefined) usageError(command, 'give --size or --target (or --list to see the samples)');
      if (options.confidence !== undefined && options.target === undefined) usageError(command, '--confidence goes with --target');
      const access = options.list ? ({ mode: 'read' } as const) : ({ mode: 'write', ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }) } as const);
      context.exitWith(
        await withLibrary(options.db, access, context.io, (library) => (options.list ? printSamples(library, options, context.io) : draw(command, library, options, context.io))),
      );
    });
  return command;
};

function frameOf(command: Command, library: Library, options: SampleOptions): QueueFilter {
  const tagId = options.tag === undefined ? undefined : tagIdByName(library.db, options.tag);
  if (tagId === null) usageError(command, `no tag named "${options.tag}" in ${library.file}`);
  if (options.decidedIn !== undefined && !DECIDED_IN_PATTERN.test(options.decidedIn)) usageError(command, '--decided-in takes YYYY, YYYY-MM, YYYY..YYYY or unknown');
  return {
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.formatFilter === undefined ? {} : { format: options.formatFilter }),
    ...(options.decision === undefined ? {} : { decision: options.decision }),
    ...(tagId === undefined ? {} : { tagId }),
    ...(options.decidedIn === undefined ? {} : { decidedIn: options.decidedIn }),
  };
}

function draw(command: Command, library: Library, options: SampleOptions, io: CliIO): number {
  const frame = frameOf(command, library, options);
  const target = options.target === undefined ? undefined : { ...options.target, confidence: options.confidence ?? options.target.confidence };
  const reviewer = getReviewer(library.db);
  if (reviewer === null) {
    io.err(`${library.file} has no reviewer yet: say who draws the sample with --reviewer NAME`);
    return EXIT.failed;
  }
  let sample: AuditSample;
  try {
    sample = drawSample(library.db, reviewer, {
      frame,
      strata: options.strata ?? [],
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.size === undefined ? {} : { size: options.size }),
      ...(target === undefined ? {} : { target }),
      ...(options.name === undefined ? {} : { name: options.name }),
    });
  } catch (error) {
    if (!(error instanceof InvalidEditError)) throw error;
    io.err(`${library.file}: ${error.message}`);
    return EXIT.failed;
  }
  if (options.json) {
    io.out(JSON.stringify(sample));
    return EXIT.done;
  }
  io.out(sampleLines(sample, tagNamesById(library.db)).join('\n'));
  if (target) io.out(targetCost(target).join('\n'));
  io.out(`Verify its letters in the app (Quality → Review in queue), then: imr-review quality --db ${JSON.stringify(library.file)}`);
  return EXIT.done;
}

function sampleLines(sample: AuditSample, tagName: (tagId: number) => string | undefined): string[] {
  return [
    `Sample ${sample.id} "${sample.name}": ${sample.size.toLocaleString('en-US')} of ${sample.frameLetters.toLocaleString('en-US')} letters (seed ${sample.seed}), ${sample.checked.toLocaleString('en-US')} checked`,
    `  frame: ${describeFrame(sample.frame, tagName)}; drawn ${sample.createdAt} by ${sample.createdBy}`,
    ...(sample.strata.length === 0
      ? []
      : [`  strata by ${sample.strata.join(', ')}:`, ...sample.strataCounts.map((stratum) => `    ${stratum.key.padEnd(44)} ${String(stratum.sampled).padStart(6)} of ${String(stratum.frameLetters).padStart(7)}, ${stratum.checked} checked`)]),
  ];
}

/** What the target takes with 0, 1, 2, ... errors found. */
function targetCost(target: AuditTarget): string[] {
  const needed = [0, 1, 2, 3].map((errors) => lettersNeeded(errors, target.rate, target.confidence));
  const steps = needed.map((letters, errors) => {
    const previous = needed[errors - 1];
    const more = errors > 0 && letters !== null && previous !== null && previous !== undefined ? ` (+${letters - previous})` : '';
    return `${errors} wrong: ${letters === null ? 'more than can be checked' : letters.toLocaleString('en-US')}${more}`;
  });
  return [`  target: ${describeTarget(target)}`, `  letters to check: ${steps.join('; ')}`];
}

function printSamples(library: Library, options: SampleOptions, io: CliIO): number {
  const samples = listSamples(library.db);
  if (options.json) io.out(JSON.stringify(samples));
  else if (samples.length === 0) io.out('No samples yet: draw one with imr-review sample --size N (or --target decision:1%).');
  else {
    const tagName = tagNamesById(library.db);
    io.out(samples.flatMap((sample) => sampleLines(sample, tagName)).join('\n'));
  }
  return EXIT.done;
}
