/** The headless command line: the same services as the app, no Electron. */
import { defaultLibraryPath } from '../appData.ts';
import { runEvaluate } from './evaluate.ts';
import { runAgreement } from './agreementCommand.ts';
import { runExport } from './exportCommand.ts';
import { runExtract } from './extract.ts';
import { runImport } from './importCommand.ts';
import { runImportDataset } from './importDatasetCommand.ts';
import { runReparse } from './reparseCommand.ts';
import { runReport } from './reportCommand.ts';
import { runSearch } from './searchCommand.ts';
import { runStats } from './statsCommand.ts';
import { runVocabulary } from './vocabularyCommand.ts';
import type { CliIO } from './io.ts';

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  extract: { run: runExtract, summary: 'extract <files or folders...>    print one JSON object per letter (JSONL)' },
  eval: { run: runEvaluate, summary: 'eval <folder>                    score extraction against <name>.json gold files' },
  import: { run: runImport, summary: 'import <paths...> [--db <file>]  import letters into the library' },
  stats: { run: runStats, summary: 'stats [--db <file>] [--json]     letters by status and format, items by decision' },
  report: { run: runReport, summary: 'report [--db <file>] [--out <folder>] [--format html|md|json] [--all]  the insights: outcomes beside published figures' },
  search: { run: runSearch, summary: 'search [--db <file>] <query>     full-text search with snippets' },
  reparse: { run: runReparse, summary: 'reparse [--db <file>]            re-run the parser over letters nobody has touched' },
  export: { run: runExport, summary: 'export --format F --out <folder>  write the reviewed dataset (jsonl, csv, parquet, xlsx) with its card' },
  'import-dataset': { run: runImportDataset, summary: 'import-dataset <export.jsonl>     merge another reviewer\'s export into the library' },
  agreement: { run: runAgreement, summary: 'agreement --db <a> --other <b>    per-field agreement and decision kappa on letters both verified' },
  vocabulary: { run: runVocabulary, summary: 'vocabulary <folder> [--json]      share of guideline citations and services the vocabulary reads, on gold files' },
};

export function usage(): string {
  return [
    'usage: imr-review <command> [options]',
    '',
    'commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
    `--db defaults to the desktop app's library: ${defaultLibraryPath()}`,
  ].join('\n');
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
