/**
 * Shell completion from @bomb.sh/tab, which reads the commander tree: `imr-review completion
 * bash|zsh|fish` prints the script to source, and the script asks `imr-review complete -- <words>`
 * for the candidates at each Tab. Loaded only for those two commands.
 */
import { Command } from 'commander';

export const COMPLETION_COMMANDS = ['completion', 'complete'] as const;
export const COMPLETION_SUMMARY = 'print the shell completion script (bash, zsh, fish)';

/** Adds `completion <shell>` (and the hidden `complete` it calls) to the program, loaded when `wanted`; otherwise only its name for the help. */
export async function addCompletion(program: Command, wanted: boolean): Promise<void> {
  if (!wanted) {
    program.addCommand(new Command('completion').summary(COMPLETION_SUMMARY));
    return;
  }
  const { default: tab } = await import('@bomb.sh/tab/commander');
  tab(program, { completionCommandName: 'completion' });
  program.commands
    .find((command) => command.name() === 'completion')
    ?.summary(COMPLETION_SUMMARY)
    .addHelpText(
      'after',
      [
        '',
        'Load it in the shell now, or add the line to its start-up file:',
        '  bash  source <(imr-review completion bash)          (~/.bashrc)',
        '  zsh   source <(imr-review completion zsh)           (~/.zshrc)',
        '  fish  imr-review completion fish | source           (~/.config/fish/config.fish)',
        'The script runs imr-review, so it must be on the PATH (npm link, or npm install -g).',
      ].join('\n'),
    );
}
