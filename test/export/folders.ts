/** What an export folder holds, byte for byte, and what lies beside it: the outcomes the export-set tests assert. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (relative path -> SHA-256 of its bytes); null when there is no such folder. */
export function folderContents(dir: string): Record<string, string> | null {
  if (!existsSync(dir)) return null;
  const contents: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) contents[name] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return contents;
}

/** The entries an export made beside `dir` in its parent (staging folders, a previous set put aside). */
export function besideFolder(dir: string): string[] {
  const prefix = `.${path.basename(dir)}.`;
  return readdirSync(path.dirname(dir)).filter((name) => name.startsWith(prefix)).sort();
}

/** The file names an export's manifest lists. */
export function manifestFiles(dir: string): string[] {
  return (JSON.parse(readFileSync(path.join(dir, '.imr-export.json'), 'utf8')) as { files: string[] }).files;
}
