/** `imr-review init [--db <file>] [--reviewer NAME]`: makes a new, empty library; never touches an existing file. */
import path from 'node:path';
import { Command } from 'commander';
import { makeFolderSync } from '../../folders.ts';
import type { CommandContext } from '../command.ts';
import { libraryOption, nonBlank } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { libraryFile, openOrExplain, pathExists } from '../library.ts';
import { openToWrite } from '../openToWrite.ts';

interface InitOptions {
  readonly db?: string;
  readonly reviewer?: string;
}

export const initCommand = (context: CommandContext) =>
  new Command('init')
    .description('Makes a new, empty library file (and its folders). An existing file is never overwritten.')
    .addOption(libraryOption())
    .option('--reviewer <name>', 'the reviewer name stamped on every change made in this library', nonBlank)
    .action((options: InitOptions) => context.exitWith(runInit(options, context.io)));

function runInit(options: InitOptions, io: CliIO): number {
  const file = libraryFile(options.db);
  if (pathExists(file)) {
    io.err(`${file} already exists; init makes new libraries only, and leaves that file as it is.`);
    return EXIT.failed;
  }
  const library = openOrExplain(file, io, () => {
    makeFolderSync(path.dirname(file));
    return openToWrite(file, options.reviewer === undefined ? {} : { reviewer: options.reviewer });
  });
  if (library === null) return EXIT.failed;
  library.close();
  io.out(`Made a new library ${file}${options.reviewer === undefined ? '' : ` for reviewer ${options.reviewer}`}`);
  return EXIT.done;
}
