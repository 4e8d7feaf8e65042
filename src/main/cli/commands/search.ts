/** `imr-review search [--db file] [--limit N] [--json] <query>`: matching letters with a snippet. */
import { Command } from 'commander';
import { searchLetters } from '../../storage/index.ts';
import type { CommandContext } from '../command.ts';
import { jsonOption, libraryOption, usageError, wholeNumberAbove0 } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';
import { withLibrary } from '../library.ts';

const DEFAULT_LIMIT = 20;

interface SearchOptions {
  readonly db?: string;
  readonly limit: number;
  readonly json?: true;
}

export const searchCommand = (context: CommandContext) => {
  const command = new Command('search')
    .description(
      'Prints the matching letters with a snippet, matches in [brackets]. All words must match ' +
        '(case-insensitive, whole words); word* matches a prefix, "quoted phrases" and OR work, and any ' +
        'other punctuation is plain text.',
    )
    .argument('<query...>', 'the words to find')
    .addOption(libraryOption())
    .option('--limit <n>', 'letters to list at most', wholeNumberAbove0, DEFAULT_LIMIT)
    .addOption(jsonOption('the query and its hits'))
    .action(async (words: string[], options: SearchOptions) => {
      const query = words.join(' ').trim();
      if (query === '') usageError(command, 'the query is empty');
      context.exitWith(await runSearch(query, options, context.io));
    });
  return command;
};

function runSearch(query: string, options: SearchOptions, io: CliIO): Promise<number> {
  return withLibrary(options.db, { mode: 'read' }, io, ({ db }) => {
    const hits = searchLetters(db, query, { limit: options.limit, markers: ['[', ']'] });
    if (options.json) {
      io.out(JSON.stringify({ query, hits }));
      return EXIT.done;
    }
    if (hits.length === 0) io.out(`No letters match "${query}".`);
    for (const hit of hits) io.out(`${hit.caseNumber ?? '(no case number)'}  ${hit.fileName}\n    ${hit.snippet}`);
    return EXIT.done;
  });
}
