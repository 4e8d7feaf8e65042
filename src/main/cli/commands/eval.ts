/** `imr-review eval <folder> [--json]`: per-field accuracy against gold files, and how well the warnings point at the wrong values. */
import { Command } from 'commander';
import { evaluateFolder, formatReport, summarizeReport } from '../../evaluation/evaluate.ts';
import type { CommandContext } from '../command.ts';
import { isFolder, jsonOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

interface EvalOptions {
  readonly json?: true;
  readonly vocabularyGold?: string;
}

export const evalCommand = (context: CommandContext) =>
  new Command('eval')
    .description(
      'Extracts every letter in a folder of <name>.pdf|.txt + <name>.json gold files (the PDF wins) and ' +
        'prints, per field, exact and loose match counts, item-count agreement, the letters that differ, ' +
        'the warnings\' recall and false alarms, per rule check the letters it fires on and those where it flags a wrong value, ' +
        'the vocabulary against its gold (category and drug class in both taxonomies, drug names, citations) with every miss, ' +
        'and last "letters all fields exact: N/M".',
    )
    .argument('<folder>', 'the folder of letters and gold files')
    .option('--vocabulary-gold <folder>', "the vocabulary's gold files (<letter>.json; default: the project's eval/gold/vocabulary)")
    .addOption(jsonOption('the figures'))
    .action(async (folder: string, options: EvalOptions) => context.exitWith(await runEvaluate(folder, options, context.io)));

async function runEvaluate(folder: string, options: EvalOptions, io: CliIO): Promise<number> {
  if (!(await isFolder(folder, io))) return EXIT.failed;
  if (options.vocabularyGold !== undefined && !(await isFolder(options.vocabularyGold, io))) return EXIT.failed;
  const report = await evaluateFolder(folder, options.vocabularyGold);
  io.out(options.json ? JSON.stringify(summarizeReport(report)) : formatReport(report));
  return EXIT.done;
}
