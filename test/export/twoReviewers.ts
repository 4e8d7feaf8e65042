/** Two libraries holding the same letters, each reviewer working on their own copy, and the JSONL export one hands the other. */
import path from 'node:path';
import { exportDataset } from '../../src/main/export/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import { getLetter, insertParsedLetter } from '../../src/main/storage/index.ts';
import { deriveValues, derivableOfParsed } from '../../src/main/letters/derive.ts';
import { buildLetter } from '../storage/helpers.ts';
import type { PlainLetter, useTempFolder } from '../storage/helpers.ts';

type TempFolder = ReturnType<typeof useTempFolder>;

export const LETTER: PlainLetter = {
  caseNumber: 'CM16-0000900',
  items: [
    { service: 'MRI lumbar spine', decision: 'Upheld' },
    { service: 'Physical therapy x12', decision: 'Overturned' },
  ],
};

export interface ReviewerLibrary {
  readonly library: Library;
  /** The letters in the order given. */
  readonly letterIds: readonly number[];
  readonly letterId: number;
  /** The first letter's items. */
  readonly itemIds: readonly number[];
}

/** Ana's library ('ours') and Ben's ('theirs'), each holding the letters as an import would store them. */
export function twoReviewers(temp: TempFolder, letters: readonly PlainLetter[] = [LETTER]): { ours: ReviewerLibrary; theirs: ReviewerLibrary } {
  const built = letters.map(buildLetter);
  const side = (reviewer: string): ReviewerLibrary => {
    const library = temp.library({ reviewer });
    const letterIds = built.map(({ source, parsed }) => insertParsedLetter(library.db, source, parsed, null, deriveValues(derivableOfParsed(parsed))).letterId);
    const letterId = letterIds[0] ?? 0;
    return { library, letterIds, letterId, itemIds: getLetter(library.db, letterId)?.items.map((item) => item.id) ?? [] };
  };
  return { ours: side('Ana'), theirs: side('Ben') };
}

/** Every letter of the library, as `export --format jsonl --all` writes them. */
export async function exportJsonl(temp: TempFolder, library: Library): Promise<string> {
  const outDir = path.join(temp.folder(), 'export');
  await exportDataset(library.file, { format: 'jsonl', outDir, scope: 'all' });
  return path.join(outDir, 'letters.jsonl');
}
