/** `imr-review help [command]`: the help of the program or of one command; an unknown name is a usage error like any other. */
import { Command } from 'commander';
import type { CommandContext } from '../command.ts';
import { usageError } from '../command.ts';
import { EXIT } from '../exitCodes.ts';

export const helpCommand = (context: CommandContext) => {
  const command = new Command('help')
    .description('Shows the help of the program, or of the command named.')
    .argument('[command]', 'the command')
    .action((name: string | undefined) => {
      const program = command.parent ?? command;
      // runCli loads the command named after `help` whole; the others are only their names.
      const target = name === undefined ? program : program.commands.find((candidate) => candidate.name() === name);
      if (target === undefined) usageError(command, `unknown command '${name}'`);
      target.outputHelp();
      context.exitWith(EXIT.done);
    });
  return command;
};
