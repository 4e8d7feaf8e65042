/**
 * `imr-review vocabulary <folder> [--json]`: how much of a folder of gold extractions
 * (<name>.json, as in ../shared/letters/dev) the domain vocabulary reads. The gold already
 * holds the guideline and service texts, so no letter is parsed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { formatVocabularyReport, measureVocabulary, type MeasuredItem, type MeasuredLetter } from '../../letters/vocabulary/index.ts';
import type { CommandContext } from '../command.ts';
import { isFolder, jsonOption } from '../command.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

interface VocabularyOptions {
  readonly json?: true;
}

export const vocabularyCommand = (context: CommandContext) =>
  new Command('vocabulary')
    .description(
      'Measures the domain vocabulary on a folder of gold extractions (<name>.json): the share of guideline ' +
        'fields whose every citation maps to a known source and topic, the share of services placed in a ' +
        'category, counts by source and category, what is unmapped and why, and MTUS citations not in force.',
    )
    .argument('<folder>', 'the folder of <name>.json gold files')
    .addOption(jsonOption('the report'))
    .action(async (folder: string, options: VocabularyOptions) => context.exitWith(await runVocabulary(folder, options, context.io)));

async function runVocabulary(folder: string, options: VocabularyOptions, io: CliIO): Promise<number> {
  if (!(await isFolder(folder, io))) return EXIT.failed;
  const letters: MeasuredLetter[] = [];
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.json')).sort()) {
    const letter = toLetter(name.slice(0, -'.json'.length), await readFile(path.join(folder, name), 'utf8').catch(() => ''));
    if (letter) letters.push(letter);
    else io.err(`${path.join(folder, name)}: not a readable gold extraction, skipped`);
  }
  const report = measureVocabulary(letters);
  io.out(options.json ? JSON.stringify(report) : formatVocabularyReport(report, folder));
  return EXIT.done;
}

/** The fields the vocabulary reads from one gold file, or null when the file is not one. */
function toLetter(name: string, json: string): MeasuredLetter | null {
  let gold: unknown;
  try {
    gold = JSON.parse(json);
  } catch {
    return null;
  }
  const record = gold as { items?: unknown; extra?: { header?: { decisionDate?: unknown } | null } | null } | null;
  if (!Array.isArray(record?.items)) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const items: MeasuredItem[] = record.items.map((item: Record<string, unknown>) => ({
    service: text(item.service),
    claimsAdministratorGuideline: text(item.claimsAdministratorGuideline),
    maximusGuideline: text(item.maximusGuideline),
  }));
  const decisionDate = record.extra?.header?.decisionDate;
  return { name, decisionDate: typeof decisionDate === 'string' ? decisionDate : null, items };
}
