/**
 * `imr-review agreement --db <a> --other <b>` or `imr-review agreement <a.jsonl> <b.jsonl>`:
 * how far two reviewers agree on the letters both verified.
 */
import { Command } from 'commander';
import type { AgreementReport, ExportedLetter } from '../../../shared/export.ts';
import { compareDatasets, DatasetFileError, verifiedLettersInFile, verifiedLettersOf } from '../../export/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, usageError } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

interface AgreementOptions {
  readonly db?: string;
  readonly other?: string;
  readonly json?: true;
}

const isExportFile = (file: string) => file.toLowerCase().endsWith('.jsonl');

export const agreementCommand = (context: CommandContext) => {
  const command = new Command('agreement')
    .description(
      "Compares two reviewers' work (libraries, or JSONL exports) over the letters verified on both sides, " +
        'matched by SHA-256, items by position: letters with the same number of items, per-field agreement, ' +
        "Cohen's kappa on the item decision and the decision table. Give --other (and --db, or the app's " +
        'library), or two files.',
    )
    .argument('[sources...]', 'two libraries or exports (a name ending in .jsonl is an export), instead of --db and --other')
    .addOption(libraryOption())
    .option('--other <file>', 'the other library or export.jsonl')
    .addOption(jsonOption('the report'))
    .action(async (sources: string[], options: AgreementOptions) => {
      const [ours, theirs] = chooseSources(command, sources, options);
      context.exitWith(await runAgreement(ours, theirs, options, context.io));
    });
  return command;
};

/** Ours (undefined: the app's library) and theirs, from --db and --other or from two names. */
function chooseSources(command: Command, sources: readonly string[], options: AgreementOptions): readonly [string | undefined, string] {
  const [first, second, ...rest] = sources;
  if (options.other !== undefined) {
    if (sources.length > 0) usageError(command, 'name the two sources either with --other (and --db) or as two files, not both');
    return [options.db, options.other];
  }
  if (options.db !== undefined) usageError(command, '--db needs --other, the source to compare it with');
  if (first === undefined || second === undefined || rest.length > 0) usageError(command, `name two sources to compare, not ${sources.length}`);
  return [first, second];
}

async function runAgreement(ours: string | undefined, theirs: string, options: AgreementOptions, io: CliIO): Promise<number> {
  try {
    return await withSource(ours, io, (oursLetters) =>
      withSource(theirs, io, async (theirLetters) => {
        const report = await compareDatasets(oursLetters, theirLetters);
        if (options.json) io.out(JSON.stringify(report));
        else printReport(report, io);
        return EXIT.done;
      }),
    );
  } catch (error) {
    if (error instanceof DatasetFileError) {
      io.err(error.message);
      return EXIT.failed;
    }
    throw error;
  }
}

/** A JSONL export is read as a file; anything else (or no name: the app's library) is opened as a library, read-only. */
function withSource(source: string | undefined, io: CliIO, work: (letters: AsyncIterable<ExportedLetter>) => Promise<number>): Promise<number> {
  if (source !== undefined && isExportFile(source)) return work(verifiedLettersInFile(source));
  return withLibrary(source, { mode: 'read' }, io, (library) => work(verifiedLettersOf(library.db)));
}

function printReport(report: AgreementReport, io: CliIO): void {
  const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)}%`);
  io.out(`Letters verified on both sides: ${report.letters}`);
  io.out(`  same number of items: ${report.itemCountAgreed}`);
  io.out(`Items compared (by position): ${report.items}`);
  io.out(`Decision kappa (Cohen): ${report.decisionKappa === null ? '-' : report.decisionKappa.toFixed(3)}`);
  io.out('Agreement by field:');
  for (const field of report.fields) {
    io.out(`  ${field.field.padEnd(34)}${percent(field.percent).padStart(7)}  (${field.agreed}/${field.compared})`);
  }
  io.out('Decisions (ours -> theirs):');
  for (const [ours, row] of Object.entries(report.decisionTable)) {
    for (const [theirs, n] of Object.entries(row)) io.out(`  ${ours.padEnd(11)} -> ${theirs.padEnd(11)} ${n}`);
  }
}
