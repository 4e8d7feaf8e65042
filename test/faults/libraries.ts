/** Libraries and export sets for the fault suite, built with the real storage and export services. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { insertParsedLetter, openLibrary } from '../../src/main/storage/index.ts';
import { buildLetter } from '../storage/helpers.ts';

/** A closed library of `letters` letters with three items each, every one a different case. */
export function libraryOf(file: string, letters: number): string {
  const library = openLibrary(file, { reviewer: 'Fault Suite' });
  library.db.transaction(() => {
    for (let n = 0; n < letters; n++) {
      const { source, parsed } = buildLetter({
        caseNumber: `CM16-${String(n).padStart(7, '0')}`,
        summary: `Letter ${n}: the injured worker reports chronic pain after a lifting injury, treated for ${n % 17} months.`,
        items: [
          { service: `Physical therapy, ${n % 12} sessions`, decision: 'Upheld', rationale: `Rationale ${n}: the guideline allows fewer sessions.`.repeat(4) },
          { service: 'MRI of the lumbar spine', decision: 'Overturned' },
          { service: 'Tramadol 50 mg', decision: n % 2 === 0 ? 'Upheld' : 'Overturned' },
        ],
      });
      insertParsedLetter(library.db, source, parsed, null);
    }
  })();
  library.close();
  return file;
}

/**
 * An export set as comparable content: every file by name with its bytes' hash, except that the
 * card's export time and the manifest's are left out (they differ between two exports of the same data).
 * A file-by-file commit's staging folder inside is left out too.
 */
export function setContents(dir: string): Record<string, string> {
  const contents: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    // An export's own staging inside the folder (a file-by-file commit) is checked on its own.
    if (name.startsWith('.imr-staging-')) continue;
    let bytes = readFileSync(path.join(dir, name), 'utf8');
    if (name === 'README.md') bytes = bytes.replace(/^\| exported at \| .* \|$/m, '');
    if (name === '.imr-export.json') bytes = JSON.stringify({ ...(JSON.parse(bytes) as object), exportedAt: null });
    contents[name] = createHash('sha256').update(bytes).digest('hex');
  }
  return contents;
}
