/**
 * `imr-review package make|list|merge|agreement`: work packages for a team. `make` shares the
 * library's letters out among reviewers (each package a library file a reviewer opens in the
 * app or with --db), `merge` brings a package's changes back under its reviewer's name, `list`
 * shows what went out and came back, `agreement` measures the reviewers where packages overlapped.
 */
import { mkdir } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { QueueFilter } from '../../../shared/apiSchema.ts';
import { LETTER_STATUSES } from '../../../shared/library.ts';
import type { LetterStatus } from '../../../shared/library.ts';
import type { PairAgreement } from '../../../shared/team.ts';
import { getReviewer, InvalidEditError, listConflicts, listWorkPackages, LibraryOpenError, tagIdByName } from '../../storage/index.ts';
import type { Library } from '../../storage/index.ts';
import { makePackages, mergePackage, packageAgreement } from '../../team/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, namedPathsExist, nonBlank, quietOption, strictOption, usageError, wholeNumberAbove0 } from '../command.ts';
import { printConflicts } from '../conflictLines.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

interface MakeOptions {
  readonly db?: string;
  readonly reviewer?: string;
  readonly reviewers: readonly string[];
  readonly out: string;
  readonly name: string;
  readonly count?: number;
  readonly seed?: number;
  readonly overlap: number;
  readonly status?: LetterStatus;
  readonly tag?: string;
  readonly includeOut?: true;
  readonly json?: true;
  readonly quiet?: true;
}

function reviewersOf(value: string): string[] {
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) throw new InvalidArgumentError('It takes names separated by commas, e.g. Ana,Ben.');
  return names;
}

function shareOf(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  const share = match ? Number(match[1]) / (match[2] === '%' ? 100 : 1) : Number.NaN;
  if (!(share >= 0 && share <= 1)) throw new InvalidArgumentError('It takes a share from 0 to 1, or a percentage, e.g. 0.1 or 10%.');
  return share;
}

function seedOf(value: string): number {
  const seed = Number(value);
  if (!/^\d+$/.test(value.trim()) || seed > 2 ** 32 - 1) throw new InvalidArgumentError('It takes a whole number from 0 to 4294967295.');
  return seed;
}

const makeCommand = (context: CommandContext) => {
  const command: Command = new Command('make')
    .description(
      'Shares the letters the filter selects (all by default; letters already out in a package are left out unless --include-out) among the reviewers, ' +
        'dealt in turn, or drawn at random with --seed; --overlap gives that share of them to a second reviewer too, for double review. ' +
        'Each package is a library file <name>-<reviewer>.imrlib in the --out folder: the reviewer opens it in the app (File → Open Database…) or with --db.',
    )
    .addOption(libraryOption())
    .requiredOption('--reviewers <names>', 'whom the packages are for, separated by commas', reviewersOf)
    .requiredOption('--out <folder>', 'the folder the package files are written to')
    .option('--name <name>', 'the round\'s name, the start of each file name', nonBlank, 'package')
    .addOption(new Option('--count <letters>', 'share out at most this many letters').argParser(wholeNumberAbove0))
    .addOption(new Option('--seed <number>', 'draw the letters at random with this seed (default: in queue order)').argParser(seedOf))
    .addOption(new Option('--overlap <share>', 'the share of letters that also go to a second reviewer, e.g. 10%').argParser(shareOf).default(0))
    .addOption(new Option('--status <status>', 'only letters of this review status').choices(LETTER_STATUSES))
    .option('--tag <name>', 'only letters carrying this tag')
    .option('--include-out', 'also share out letters already in a package that has not come back')
    .option('--reviewer <name>', 'who makes them (default: the library\'s reviewer)', nonBlank)
    .addOption(jsonOption('the packages made'))
    .addOption(quietOption())
    .action(async (options: MakeOptions) => {
      if (!(await madeFolder(options.out, context.io))) {
        context.exitWith(EXIT.failed);
        return;
      }
      context.exitWith(await withLibrary(options.db, writeAs(options.reviewer), context.io, (library) => make(command, library, options, context.io)));
    });
  return command;
};

function writeAs(reviewer: string | undefined) {
  return { mode: 'write', ...(reviewer === undefined ? {} : { reviewer }) } as const;
}

/** Who makes or merges the packages: the library's reviewer (set by --reviewer); null, said, when there is none. */
function coordinatorOf(library: Library, io: CliIO): string | null {
  const reviewer = getReviewer(library.db);
  if (reviewer === null) io.err(`${library.file} has no reviewer yet: say who you are with --reviewer NAME`);
  return reviewer;
}

/** The --out folder, made with its parents when it is not there yet. */
async function madeFolder(folder: string, io: CliIO): Promise<boolean> {
  try {
    await mkdir(folder, { recursive: true });
    return true;
  } catch (error) {
    io.err(`${folder}: cannot make the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return false;
  }
}

function make(command: Command, library: Library, options: MakeOptions, io: CliIO): number {
  const coordinator = coordinatorOf(library, io);
  if (coordinator === null) return EXIT.failed;
  const tagId = options.tag === undefined ? undefined : tagIdByName(library.db, options.tag);
  if (tagId === null) usageError(command, `no tag named "${options.tag}" in ${library.file}`);
  const filter: QueueFilter = { ...(options.status === undefined ? {} : { status: options.status }), ...(tagId === undefined ? {} : { tagId }) };
  try {
    const made = makePackages(library.db, {
      name: options.name,
      reviewers: options.reviewers,
      overlap: options.overlap,
      filter,
      folder: options.out,
      createdBy: coordinator,
      libraryFile: library.file,
      ...(options.count === undefined ? {} : { count: options.count }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.includeOut ? { skipLettersOut: false } : {}),
    });
    if (options.json) io.out(JSON.stringify({ library: library.file, packages: made }));
    else if (!options.quiet) {
      io.out(`Made ${made.length} package${made.length === 1 ? '' : 's'} from ${library.file}:`);
      for (const pkg of made) io.out(`  ${pkg.file}  for ${pkg.reviewer}: ${pkg.letters} letters${pkg.overlapping > 0 ? ` (${pkg.overlapping} also in another package)` : ''}`);
      io.out(`Send each reviewer their file; merge it back with: imr-review package merge <file> --db ${library.file}`);
    }
    return EXIT.done;
  } catch (error) {
    if (!(error instanceof InvalidEditError)) throw error;
    io.err(error.message);
    return EXIT.failed;
  }
}

interface MergeOptions {
  readonly db?: string;
  readonly reviewer?: string;
  readonly json?: true;
  readonly quiet?: true;
  readonly strict?: true;
}

const mergeCommand = (context: CommandContext) =>
  new Command('merge')
    .description(
      'Brings each package\'s changes back into the library it was made from, all or nothing per package: one change group under the reviewer\'s name ' +
        '(undone by one undo in the app), values only the reviewer changed taken, disagreements (values, item lists, a flag against a verification) ' +
        'recorded for a person to decide. Merging the same package again changes nothing.',
    )
    .argument('<files...>', 'the package files (.imrlib) the reviewers sent back')
    .addOption(libraryOption())
    .addOption(jsonOption('each package\'s counts and the conflicts waiting'))
    .addOption(quietOption())
    .addOption(strictOption('conflicts are left waiting for a decision'))
    .option('--reviewer <name>', 'who merges them (default: the library\'s reviewer)', nonBlank)
    .action(async (files: string[], options: MergeOptions) => {
      if (!(await namedPathsExist(files, context.io))) {
        context.exitWith(EXIT.usage);
        return;
      }
      context.exitWith(await withLibrary(options.db, writeAs(options.reviewer), context.io, (library) => merge(library, files, options, context.io)));
    });

function merge(library: Library, files: readonly string[], options: MergeOptions, io: CliIO): number {
  const mergedBy = coordinatorOf(library, io);
  if (mergedBy === null) return EXIT.failed;
  const results = [];
  let failed = false;
  for (const file of files) {
    try {
      const result = mergePackage(library.db, file, { mergedBy });
      results.push({ file, ...result });
      if (!options.json && !options.quiet) {
        io.out(
          result.changeId === null
            ? `${file}: nothing new from ${result.reviewer} (merged before)`
            : result.lettersChanged === 0
              ? `${file}: ${result.reviewer} changed no letter; the package is marked as come back`
              : `${file}: ${result.reviewer} changed ${result.lettersChanged} letters; ${result.taken} values taken, ${result.conflicts} new conflicts`,
        );
      }
    } catch (error) {
      if (!(error instanceof InvalidEditError || error instanceof LibraryOpenError)) throw error;
      io.err(`${error.message}; ${file} was not merged`);
      failed = true;
    }
  }
  const open = listConflicts(library.db);
  if (options.json) io.out(JSON.stringify({ library: library.file, merged: results, conflictsWaiting: open }));
  else if (!options.quiet) printConflicts(open, io);
  if (failed) return EXIT.failed;
  return options.strict && open.length > 0 ? EXIT.failed : EXIT.done;
}

const listCommand = (context: CommandContext) =>
  new Command('list')
    .description('The packages made from the library: whom each is for, its letters, and what came back.')
    .addOption(libraryOption())
    .addOption(jsonOption('the packages'))
    .action(async (options: { db?: string; json?: true }) =>
      context.exitWith(
        await withLibrary(options.db, { mode: 'read' }, context.io, (library) => {
          const packages = listWorkPackages(library.db);
          if (options.json) context.io.out(JSON.stringify({ library: library.file, packages }));
          else if (packages.length === 0) context.io.out(`No packages made from ${library.file} yet; make some with: imr-review package make --reviewers Ana,Ben --out <folder>`);
          else {
            for (const pkg of packages) {
              const state = pkg.mergedAt === null ? 'out' : `merged ${pkg.mergedAt.slice(0, 10)}`;
              context.io.out(`${pkg.name}  for ${pkg.reviewer}: ${pkg.letters} letters, ${state}; back ${pkg.returned} changed (${pkg.verified} verified, ${pkg.flagged} flagged)`);
            }
          }
          return EXIT.done;
        }),
      ),
    );

const agreementCommand = (context: CommandContext) =>
  new Command('agreement')
    .description('Agreement between reviewers on the letters two packages both brought back: per field with its 95% interval, decision kappa, and statuses.')
    .addOption(libraryOption())
    .addOption(jsonOption('each pair of reviewers\' agreement'))
    .action(async (options: { db?: string; json?: true }) =>
      context.exitWith(
        await withLibrary(options.db, { mode: 'read' }, context.io, (library) => {
          const pairs = packageAgreement(library.db);
          if (options.json) context.io.out(JSON.stringify({ library: library.file, pairs }));
          else if (pairs.length === 0) context.io.out('No letter has come back from two packages yet: make packages with --overlap and merge both.');
          else for (const pair of pairs) printPair(pair, context.io);
          return EXIT.done;
        }),
      ),
    );

const percent = (share: number | null) => (share === null ? '–' : `${(100 * share).toFixed(1)}%`);

function printPair(pair: PairAgreement, io: CliIO): void {
  const statusInterval = pair.statusInterval ? ` (95% ${percent(pair.statusInterval.low)}–${percent(pair.statusInterval.high)})` : '';
  io.out(`${pair.reviewers[0]} and ${pair.reviewers[1]}: ${pair.letters} letters both verified; statuses alike on ${pair.statusAgreed} of ${pair.statusCompared} both decided${statusInterval}`);
  for (const field of pair.fields) {
    const interval = field.interval ? ` (95% ${percent(field.interval.low)}–${percent(field.interval.high)})` : '';
    io.out(`  ${field.field}: ${field.agreed}/${field.compared} agree, ${percent(field.share)}${interval}`);
  }
  for (const kappa of pair.kappas) {
    const interval = kappa.interval ? ` (95% ${kappa.interval.low.toFixed(2)}–${kappa.interval.high.toFixed(2)})` : '';
    io.out(`  ${kappa.field} kappa: ${kappa.kappa === null ? '–' : kappa.kappa.toFixed(2)}${interval} on ${kappa.items} items`);
  }
}

export const packageCommand = (context: CommandContext) =>
  new Command('package')
    .description('Work packages for a team: share letters out among reviewers, merge their packages back, measure their agreement.')
    .addCommand(makeCommand(context))
    .addCommand(mergeCommand(context))
    .addCommand(listCommand(context))
    .addCommand(agreementCommand(context));
