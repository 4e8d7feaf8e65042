/**
 * Turns the paths a user names (files and folders, in any mix) into the letter files
 * to read. Folders are walked recursively; a PDF and a .txt of the same name in the
 * same folder are one letter, and the PDF wins because it is the original. Names are kept as
 * the bytes the file system gave (see reading/fileNames.ts); skipped and missing paths are
 * reported readably.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileSystemPath, nameFromBytes, readableName } from './reading/index.ts';

const LETTER_EXTENSIONS = ['.pdf', '.txt'] as const;

export interface DiscoveredFiles {
  /** Letter files in a stable order (sorted by path), named for fileSystemPath. */
  readonly letters: string[];
  /** Files passed over, with why: not a letter type, or the .txt twin of a PDF. */
  readonly skipped: { path: string; reason: string }[];
  /** Named paths that do not exist or cannot be listed. */
  readonly missing: { path: string; reason: string }[];
}

export async function discoverLetterFiles(paths: readonly string[]): Promise<DiscoveredFiles> {
  const candidates = new Set<string>();
  const skipped: DiscoveredFiles['skipped'] = [];
  const missing: DiscoveredFiles['missing'] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    const info = await stat(full).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      missing.push({ path: full, reason: info.code === 'ENOENT' ? 'no such file or folder' : info.message });
    } else if (info.isDirectory()) {
      await walk(full, candidates, skipped, missing);
    } else {
      candidates.add(full);
    }
  }
  const letters: string[] = [];
  for (const file of [...candidates].sort()) {
    const extension = path.extname(file).toLowerCase();
    if (!(LETTER_EXTENSIONS as readonly string[]).includes(extension)) {
      skipped.push({ path: file, reason: `not a letter file (${extension || 'no extension'}); only .pdf and .txt are read` });
    } else if (extension === '.txt' && hasPdfTwin(file, candidates)) {
      skipped.push({ path: file, reason: 'the PDF of the same name is read instead' });
    } else {
      letters.push(file);
    }
  }
  const readably = ({ path: named, reason }: { path: string; reason: string }) => ({ path: readableName(named), reason });
  return { letters, skipped: skipped.map(readably), missing: missing.map(readably) };
}

async function walk(
  folder: string,
  found: Set<string>,
  skipped: DiscoveredFiles['skipped'],
  missing: DiscoveredFiles['missing'],
): Promise<void> {
  const entries = await readdir(fileSystemPath(folder), { withFileTypes: true, encoding: 'buffer' }).catch((error: Error) => error);
  if (entries instanceof Error) {
    missing.push({ path: folder, reason: entries.message });
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, nameFromBytes(entry.name));
    if (entry.isDirectory()) await walk(full, found, skipped, missing);
    else if (entry.isFile()) found.add(full);
    else skipped.push({ path: full, reason: 'not a regular file' });
  }
}

function hasPdfTwin(textFile: string, candidates: Set<string>): boolean {
  const stem = textFile.slice(0, -path.extname(textFile).length);
  return candidates.has(`${stem}.pdf`) || candidates.has(`${stem}.PDF`);
}
