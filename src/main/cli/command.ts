/**
 * What every command file builds on: the context its work runs in, the options several commands
 * share, and the settings that make commander's output ours (one-line errors with the usage,
 * nothing printed past a closed stdout, no process.exit).
 */
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { EXIT } from './exitCodes.ts';
import type { CliIO } from './io.ts';

export const PROGRAM = 'imr-review';

export interface CommandContext {
  readonly io: CliIO;
  /** Keeps the exit code of the command's work for runCli: commander's actions return nothing. */
  exitWith(code: number): void;
}

/** One command file's export: the command with its arguments, options, help and action. */
export type CommandDefinition = (context: CommandContext) => Command;

/** A command as the registry lists it: its file is loaded only when the command runs (or its help is asked for). */
export interface CommandEntry {
  readonly name: string;
  /** The one line `imr-review --help` gives it. */
  readonly summary: string;
  load(): Promise<CommandDefinition>;
}

export const libraryOption = () => new Option('--db <file>', `the library file (default: the app's library, see ${PROGRAM} --help)`);

export const jsonOption = (what: string) => new Option('--json', `print ${what} as one JSON object on stdout instead of the text summary`);

export const quietOption = () => new Option('-q, --quiet', 'print nothing but errors (and what --json asks for)');

export const strictOption = (when: string) => new Option('--strict', `exit 1 when ${when}`);

/** Parses an option value that must be a whole number above 0. */
export function wholeNumberAbove0(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError('It takes a whole number above 0.');
  }
  return number;
}

/** Parses an option value that names someone or something: a blank one is refused. */
export function nonBlank(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('It cannot be blank.');
  return value;
}

/** Whether `folder` is a folder; when not, says so on stderr (no such folder, or not a folder). */
export async function isFolder(folder: string, io: CliIO): Promise<boolean> {
  const info = await stat(folder).catch(() => null);
  if (info?.isDirectory()) return true;
  io.err(`${folder}: ${info === null ? 'no such folder' : 'not a folder'}`);
  return false;
}

/**
 * Whether every path named on the command line is there; each that is not is said on stderr.
 * A missing input is the caller's mistake, as a usage error is (exit 2), so nothing is done.
 */
export async function namedPathsExist(paths: readonly string[], io: CliIO): Promise<boolean> {
  const missing = [];
  for (const named of paths) {
    const error = await stat(named).then(
      () => null,
      (failure: NodeJS.ErrnoException) => failure,
    );
    if (error?.code === 'ENOENT' || error?.code === 'ENOTDIR') missing.push(named);
  }
  for (const named of missing) io.err(`${named}: no such file or folder`);
  return missing.length === 0;
}

/** Ends the command as a usage error (exit 2): the message in one line, then the command's usage. */
export function usageError(command: Command, message: string): never {
  return command.error(`error: ${message}`, { exitCode: EXIT.usage, code: 'imr-review.usage' });
}

const USAGE_WIDTH = 100;

/**
 * Gives a command (or the program) our output and error handling, and a usage line generated from
 * its arguments and options, shown in its help and after each of its usage errors.
 */
export function configureCommand(command: Command, io: CliIO): Command {
  command
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      // Commander puts a suggestion ("Did you mean --json?") on a line of its own; a usage error is one line.
      outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, ' ')}\n`),
    });
  if (command.parent === null) return command;
  const fullName = `${PROGRAM} ${command.name()}`;
  command.usage(wrappedUsage(`usage: ${fullName} `.length, usageTerms(command)));
  return command.showHelpAfterError(`usage: ${fullName} ${command.usage()}`);
}

function usageTerms(command: Command): string[] {
  const options = command.options.filter((option) => !option.hidden).map((option) => (option.mandatory ? option.flags : `[${option.flags}]`));
  const args = command.registeredArguments.map((argument) => {
    const name = `${argument.name()}${argument.variadic ? '...' : ''}`;
    return argument.required ? `<${name}>` : `[${name}]`;
  });
  return [...args, ...options];
}

/** The terms on as few lines as fit USAGE_WIDTH, each further line indented under the first term. */
function wrappedUsage(indent: number, terms: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const term of terms) {
    if (line !== '' && indent + line.length + 1 + term.length > USAGE_WIDTH) {
      lines.push(line);
      line = term;
    } else {
      line = line === '' ? term : `${line} ${term}`;
    }
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}
