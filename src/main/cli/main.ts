/** The headless command line: the same services as the app, no Electron. */
import { Command, CommanderError } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { defaultLibraryPath } from '../appData.ts';
import type { CommandContext, CommandEntry } from './command.ts';
import { configureCommand, libraryOption, PROGRAM, quietOption, usageError } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { addCompletion, COMPLETION_COMMANDS } from './completion.ts';
import { EXIT, EXIT_CODES_HELP } from './exitCodes.ts';
import type { CliIO } from './io.ts';
import { isClosedPipe } from './io.ts';

/** Runs one command and returns the process exit code (see EXIT). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.done;
  const program = await buildProgram({ io, exitWith: (code) => (exitCode = code) }, commandsNamed(argv));
  try {
    if (argv.length === 0) program.error('error: name a command', { exitCode: EXIT.usage });
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Commander has printed the help, the version or the usage error already.
    exitCode = error.exitCode === 0 ? EXIT.done : EXIT.usage;
  }
  await io.flushed();
  return outputFailed(io) && exitCode === EXIT.done ? EXIT.failed : exitCode;
}

const LIBRARY_HELP = (defaultFile: string) =>
  [
    "--db defaults to the desktop app's library:",
    `  ${defaultFile}`,
    `A library is made only by \`${PROGRAM} init\` or \`${PROGRAM} import --create\`;`,
    'stats, report, search, export and agreement only read it.',
    '--db and --quiet may come before the command too: imr-review --db <file> stats.',
    '--json prints one JSON object on stdout instead of the text summary.',
    'Progress shows on a terminal only, never in a pipe or a log.',
    `Shell completion: ${PROGRAM} completion bash|zsh|fish (see ${PROGRAM} completion --help).`,
  ].join('\n');

/** The options that may come before the command's name; each goes to the command, which must take it. */
const GLOBAL_OPTIONS = [libraryOption, quietOption];

/**
 * The commands argv runs, loaded whole: the first word that is not an option (or the value of
 * --db before it), and after `help` or `complete` the command it names. Every other command is only its name
 * and summary, which is all the program's help shows.
 */
function commandsNamed(argv: readonly string[]): Set<string> {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--db') i++;
    else if (!arg.startsWith('-') || arg === '-') words.push(arg);
  }
  // `help stats` shows stats's help; `complete -- stats --` completes its options.
  return new Set(words[0] === 'help' || words[0] === 'complete' ? words : words.slice(0, 1));
}

async function buildProgram(context: CommandContext, wanted: ReadonlySet<string>): Promise<Command> {
  const program = configureCommand(new Command(PROGRAM), context.io)
    .description('Turns California IMR Final Determination Letters into a verified dataset.')
    .usage('[--db <file>] [--quiet] <command> [options]')
    .version(packageJson.version, '-V, --version', 'print the version')
    // Options before the command are the program's; after it, the command's own.
    .enablePositionalOptions()
    // Our own help command (commands/help.ts) answers an unknown name in one line.
    .helpCommand(false)
    // Names only: a command's arguments are known once its file is loaded, which the list does not wait for.
    .configureHelp({ subcommandTerm: (command) => command.name() })
    .showHelpAfterError(`usage: ${PROGRAM} <command> [options]   (${PROGRAM} --help lists the commands)`)
    .addHelpText('after', () => `\n${EXIT_CODES_HELP}\n\n${LIBRARY_HELP(defaultLibraryPath())}`)
    .hook('preAction', (_, command) => passGlobalOptions(program, command));
  for (const option of GLOBAL_OPTIONS) program.addOption(option());
  for (const entry of COMMANDS) {
    const command = wanted.has(entry.name) ? await loaded(entry, context) : new Command(entry.name);
    program.addCommand(command.summary(entry.summary));
  }
  await addCompletion(program, COMPLETION_COMMANDS.some((name) => wanted.has(name)));
  for (const command of program.commands) configureCommand(command, context.io);
  return program;
}

async function loaded(entry: CommandEntry, context: CommandContext): Promise<Command> {
  const define = await entry.load();
  return define(context);
}

/** Gives the command the options named before it (`imr-review --db x stats`), as if named after it. */
function passGlobalOptions(program: Command, command: Command): void {
  for (const [key, value] of Object.entries(program.opts())) {
    if (value === undefined) continue;
    const option = command.options.find((candidate) => candidate.attributeName() === key);
    const flag = program.options.find((candidate) => candidate.attributeName() === key)?.long ?? key;
    if (option === undefined) usageError(command, `${command.name()} does not take ${flag}`);
    if (command.getOptionValueSource(key) === 'cli') usageError(command, `${flag} is given twice, before and after the command`);
    command.setOptionValueWithSource(key, value, 'cli');
  }
}

/** True, once said on stderr, when stdout failed other than by its reader going away (a full disk under `> file`). */
function outputFailed(io: CliIO): boolean {
  const { stdoutClosed } = io;
  if (!stdoutClosed.aborted || isClosedPipe(stdoutClosed.reason)) return false;
  io.err(`${PROGRAM}: the output could not be written: ${(stdoutClosed.reason as Error).message}`);
  return true;
}
