/** The headless command line: the same services as the app, no Electron. */
import { runEvaluate } from './evaluate.ts';
import { runExtract } from './extract.ts';
import type { CliIO } from './io.ts';

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  extract: { run: runExtract, summary: 'extract <files or folders...>    print one JSON object per letter (JSONL)' },
  eval: { run: runEvaluate, summary: 'eval <folder>                    score extraction against <name>.json gold files' },
};

export function usage(): string {
  return ['usage: imr-review <command> [options]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

/** Runs one command and returns the process exit code (non-zero only for usage errors). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`imr-review: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(args, io);
}
