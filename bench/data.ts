/** Generated benchmark inputs, made once and kept in bench/.data (git-ignored). */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFixtureFolder } from '../test/fixtures/index.ts';

export const DATA_DIR = path.resolve(import.meta.dirname, '.data');

/** A folder of `count` generated PDF letters (2-4 pages typical), written on first use. */
export async function pdfFolder(count: number): Promise<string> {
  const folder = path.join(DATA_DIR, `pdf-${count}`);
  const ready = existsSync(folder) && (await readdir(folder)).filter((name) => name.endsWith('.pdf')).length === count;
  if (!ready) {
    process.stdout.write(`    (writing ${count} generated PDF letters to ${folder}, once)\n`);
    await rm(folder, { recursive: true, force: true });
    await writeFixtureFolder(folder, { count, seed: 1, pdfShare: 1 });
  }
  return folder;
}
