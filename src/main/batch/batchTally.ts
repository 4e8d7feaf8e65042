/**
 * What a batch's dataset card counts, kept per shard in the manifest and summed over every
 * shard when the card is written: a rerun's card covers the letters of earlier runs too.
 */
import type { ExportedLetter } from '../../shared/export.ts';
import { countLetter, newTally } from '../export/tally.ts';
import type { ExportTally } from '../export/tally.ts';
import type { LetterCounts } from '../storage/index.ts';

export interface BatchTally {
  readonly card: ExportTally;
  /** The headline figures' counts, as the export takes them from a library. */
  readonly counts: { -readonly [Count in keyof LetterCounts]: number };
}

type TallyMaps = { readonly [Name in keyof ExportTally as ExportTally[Name] extends Map<string, number> ? Name : never]: ExportTally[Name] };
const MAP_NAMES = ['decisions', 'statuses', 'reviewStates', 'parserVersions', 'reviewers', 'unreadableDates', 'checks', 'categories'] as const satisfies readonly (keyof TallyMaps)[];

export function newBatchTally(): BatchTally {
  return { card: newTally(), counts: { letters: 0, lettersWithItems: 0, multiItemLetters: 0, items: 0, upheld: 0, overturned: 0, itemsSquared: 0 } };
}

export function countBatchLetter(tally: BatchTally, letter: ExportedLetter): void {
  countLetter(tally.card, letter);
  const { counts } = tally;
  const items = letter.items.length;
  counts.letters++;
  counts.items += items;
  counts.itemsSquared += items * items;
  if (items > 0) counts.lettersWithItems++;
  if (items > 1) counts.multiItemLetters++;
  for (const item of letter.items) {
    if (item.decision === 'Upheld') counts.upheld++;
    if (item.decision === 'Overturned') counts.overturned++;
  }
}

export function tallyJson(tally: BatchTally): string {
  return JSON.stringify({
    letters: tally.card.letters,
    items: tally.card.items,
    maps: Object.fromEntries(MAP_NAMES.map((name) => [name, [...tally.card[name]]])),
    counts: tally.counts,
  });
}

/** The shards' tallies added up. */
export function summedTally(jsons: readonly string[]): BatchTally {
  const sum = newBatchTally();
  for (const json of jsons) {
    const shard = JSON.parse(json) as { letters: number; items: number; maps: Record<(typeof MAP_NAMES)[number], [string, number][]>; counts: LetterCounts };
    sum.card.letters += shard.letters;
    sum.card.items += shard.items;
    for (const name of MAP_NAMES) {
      const counts = sum.card[name];
      for (const [key, n] of shard.maps[name]) counts.set(key, (counts.get(key) ?? 0) + n);
    }
    for (const name of Object.keys(sum.counts) as (keyof LetterCounts)[]) sum.counts[name] += shard.counts[name];
  }
  return sum;
}
