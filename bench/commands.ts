/**
 * Whole commands timed as a user sees them: from the shell's start of the process to its exit,
 * with GNU time's peak RSS (for xargs, the largest of the processes it ran), so module loading,
 * pool start-up and the last file's write all count. pdftotext is run as its users run it in
 * bulk, `xargs -P <cores> pdftotext -layout FILE /dev/null`, nothing piped back.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DATA_DIR } from './data.ts';

const run = promisify(execFile);
export const BIN = path.resolve(import.meta.dirname, '../bin/imr-review.js');
const TIME = '/usr/bin/time';

export interface Timed {
  readonly seconds: number;
  /** User and system CPU time of the process and all it waited for: on a loaded machine, a fairer measure of the work than the wall clock. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly stderr: string;
}

/** The command under GNU time; its own stderr without time's closing line. */
export async function timed(command: string, args: readonly string[], options: { readonly stdin?: string } = {}): Promise<Timed> {
  const marker = 'BENCH-TIME';
  const shell = options.stdin === undefined ? '"$@"' : '"$@" < "$BENCH_STDIN"';
  const { stderr } = await run('bash', ['-c', `${TIME} -f '${marker} %e %M %U %S' ${shell}`, 'bash', command, ...args], {
    env: { ...process.env, ...(options.stdin === undefined ? {} : { BENCH_STDIN: options.stdin }) },
    maxBuffer: 1 << 26,
  });
  const line = stderr.split('\n').find((text) => text.startsWith(marker));
  if (line === undefined) throw new Error(`no timing from ${command}: ${stderr}`);
  const [, seconds, kilobytes, user, system] = line.split(' ');
  return { seconds: Number(seconds), cpuSeconds: Number(user) + Number(system), peakRssMb: Number(kilobytes) / 1024, stderr: stderr.replace(`${line}\n`, '') };
}

/** Whether GNU time and pdftotext are here; the benches that compare say what is missing. */
export async function missingTools(): Promise<string | null> {
  for (const [tool, args, install] of [
    [TIME, ['--version'], 'apt-get install time'],
    ['pdftotext', ['-v'], 'apt-get install poppler-utils'],
  ] as const) {
    const found = await run(tool, args).then(() => true, () => false);
    if (!found) return `${tool} not found (${install})`;
  }
  return null;
}

/** A file listing `files`, one per line, for xargs and `extract --files-from`. */
export async function fileList(name: string, files: readonly string[]): Promise<string> {
  const list = path.join(DATA_DIR, `${name}.list`);
  await writeFile(list, `${files.join('\n')}\n`);
  return list;
}

/** `xargs -P <cores> pdftotext -layout FILE /dev/null` over the listed PDFs. */
export function pdftotext(list: string): Promise<Timed> {
  return timed('xargs', ['-a', list, '-d', '\n', '-P', String(availableParallelism()), '-I', '{}', 'pdftotext', '-layout', '{}', '/dev/null']);
}

/** `imr-review <args>`: the bin script run as a user runs it, with the Node flags of its first line. */
export function imrReview(args: readonly string[], options: { readonly stdin?: string } = {}): Promise<Timed> {
  return timed(BIN, args, options);
}
