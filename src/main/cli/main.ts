/** The headless command line: the same services as the app, no Electron. */
import { Command, CommanderError } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { defaultLibraryPath } from '../appData.ts';
import type { CommandContext } from './command.ts';
import { configureCommand, PROGRAM } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, EXIT_CODES_HELP } from './exitCodes.ts';
import type { CliIO } from './io.ts';
import { isClosedPipe } from './io.ts';

/** Runs one command and returns the process exit code (see EXIT). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.done;
  const program = buildProgram({ io, exitWith: (code) => (exitCode = code) });
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
    '--json prints one JSON object on stdout instead of the text summary.',
    'Progress shows on a terminal only, never in a pipe or a log.',
  ].join('\n');

function buildProgram(context: CommandContext): Command {
  const program = configureCommand(new Command(PROGRAM), context.io)
    .description('Turns California IMR Final Determination Letters into a verified dataset.')
    .usage('<command> [options]')
    .version(packageJson.version, '-V, --version', 'print the version')
    // Our own help command (commands/help.ts) answers an unknown name in one line.
    .helpCommand(false)
    .showHelpAfterError(`usage: ${PROGRAM} <command> [options]   (${PROGRAM} --help lists the commands)`)
    .addHelpText('after', () => `\n${EXIT_CODES_HELP}\n\n${LIBRARY_HELP(defaultLibraryPath())}`);
  for (const define of COMMANDS) {
    const command = define(context);
    program.addCommand(command);
    configureCommand(command, context.io);
  }
  return program;
}

/** True, once said on stderr, when stdout failed other than by its reader going away (a full disk under `> file`). */
function outputFailed(io: CliIO): boolean {
  const { stdoutClosed } = io;
  if (!stdoutClosed.aborted || isClosedPipe(stdoutClosed.reason)) return false;
  io.err(`${PROGRAM}: the output could not be written: ${(stdoutClosed.reason as Error).message}`);
  return true;
}
