/**
 * `imr-review import-dataset <export.jsonl> [--db file] [--reviewer NAME]`: merges another reviewer's
 * export into the library, all or nothing. `--reviewer` names whose export it is, for letters
 * their export does not say who verified; it never changes the library's own reviewer.
 */
import { Command } from 'commander';
import type { DatasetConflict, ImportDatasetResult } from '../../../shared/export.ts';
import { DatasetFileError, importDataset } from '../../export/index.ts';
import { listConflicts } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, namedPathsExist, nonBlank, quietOption, strictOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { interruptSignal, STDIN, withStdinAsFile } from '../io.ts';
import { withLibrary } from '../library.ts';
import { printConflicts } from '../conflictLines.ts';

interface ImportDatasetOptions {
  readonly db?: string;
  readonly reviewer?: string;
  readonly json?: true;
  readonly quiet?: true;
  readonly strict?: true;
}

export const importDatasetCommand = (context: CommandContext) =>
  new Command('import-dataset')
    .description(
      "Loads another library's JSONL export, all or nothing: the whole file is checked first and every bad " +
        'line reported; only a file with no problem is merged, in one transaction. Values both sides vouch ' +
        'for and disagree on are recorded as conflicts for a person to decide. A file that does not exist is a usage error (exit 2).',
    )
    .argument('<file>', `the export (letters.jsonl); ${STDIN}: read it from standard input`)
    .addOption(libraryOption())
    .option('--reviewer <name>', 'whose export it is, for letters it does not say who verified', nonBlank)
    .addOption(jsonOption('the counts and the conflicts waiting'))
    .addOption(quietOption())
    .addOption(strictOption('conflicts are left waiting for a decision'))
    .action(async (file: string, options: ImportDatasetOptions) => context.exitWith(await runImportDataset(file, options, context.io)));

async function runImportDataset(file: string, options: ImportDatasetOptions, io: CliIO): Promise<number> {
  return withLibrary(options.db, { mode: 'write' }, io, async (library) => {
    if (file !== STDIN && !(await namedPathsExist([file], io))) return EXIT.usage;
    const interrupt = interruptSignal();
    let result: ImportDatasetResult;
    try {
      result = await withStdinAsFile(file, (readable) => importDataset(library, readable, { signal: interrupt.signal, ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }) }));
    } catch (error) {
      if (interrupt.signal.aborted) {
        io.err('Import cancelled; nothing was merged.');
        return EXIT.cancelled;
      }
      if (error instanceof DatasetFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
        io.err((error as Error).message);
        return EXIT.failed;
      }
      throw error;
    } finally {
      interrupt.dispose();
    }
    const open = listConflicts(library.db);
    if (options.json) io.out(JSON.stringify({ file, library: library.file, ...result, conflictsWaiting: open }));
    else if (!options.quiet) printSummary(file, library.file, result, open, io);
    return options.strict && open.length > 0 ? EXIT.failed : EXIT.done;
  });
}

function printSummary(file: string, libraryFile: string, result: ImportDatasetResult, open: readonly DatasetConflict[], io: CliIO): void {
  io.out(`Imported ${file === STDIN ? 'standard input' : file} into ${libraryFile}`);
  io.out(`  letters created: ${result.created} (their text is not in the export)`);
  io.out(`  letters merged:  ${result.merged}`);
  io.out(`  values taken:    ${result.fieldsTaken}`);
  io.out(`  new conflicts:   ${result.conflicts}`);
  printConflicts(open, io);
}
