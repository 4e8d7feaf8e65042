/**
 * `imr-review vocabulary <folder> [--json]`: how much of a folder of gold extractions
 * (<name>.json, as in ../shared/letters/dev) the domain vocabulary reads. The gold already
 * holds the guideline and service texts, so no letter is parsed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatVocabularyReport, measureVocabulary, type MeasuredItem, type MeasuredLetter } from '../letters/vocabulary/index.ts';
import type { CliIO } from './io.ts';

const USAGE = 'usage: imr-review vocabulary <folder of <name>.json gold files> [--json]';

export async function runVocabulary(args: string[], io: CliIO): Promise<number> {
  const parsed = (() => {
    try {
      return parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    } catch {
      return null;
    }
  })();
  const [folder, ...rest] = parsed?.positionals ?? [];
  if (!parsed || !folder || rest.length > 0) {
    io.err(USAGE);
    return 2;
  }
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    io.err(`${folder}: not a folder`);
    return 2;
  }
  const letters: MeasuredLetter[] = [];
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.json')).sort()) {
    const letter = toLetter(name.slice(0, -'.json'.length), await readFile(path.join(folder, name), 'utf8'));
    if (letter) letters.push(letter);
    else io.err(`${name}: not a gold extraction, skipped`);
  }
  const report = measureVocabulary(letters);
  io.out(parsed.values.json ? JSON.stringify(report) : formatVocabularyReport(report, folder));
  return 0;
}

/** The fields the vocabulary reads from one gold file, or null when the file is not one. */
function toLetter(name: string, json: string): MeasuredLetter | null {
  let gold: unknown;
  try {
    gold = JSON.parse(json);
  } catch {
    return null;
  }
  const record = gold as { items?: unknown; extra?: { header?: { decisionDate?: unknown } | null } | null };
  if (!Array.isArray(record.items)) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const items: MeasuredItem[] = record.items.map((item: Record<string, unknown>) => ({
    service: text(item.service),
    claimsAdministratorGuideline: text(item.claimsAdministratorGuideline),
    maximusGuideline: text(item.maximusGuideline),
  }));
  const decisionDate = record.extra?.header?.decisionDate;
  return { name, decisionDate: typeof decisionDate === 'string' ? decisionDate : null, items };
}
