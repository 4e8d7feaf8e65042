/** `imr-review eval <folder>`: per-field accuracy against gold files, and how well the warnings point at the wrong values. */
import { stat } from 'node:fs/promises';
import { evaluateFolder, formatReport } from '../evaluation/evaluate.ts';
import type { CliIO } from './io.ts';

export async function runEvaluate(args: string[], io: CliIO): Promise<number> {
  const [folder, ...rest] = args;
  if (!folder || rest.length > 0) {
    io.err('usage: imr-review eval <folder of <name>.pdf|.txt + <name>.json gold files>');
    return 2;
  }
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory()) {
    io.err(`${folder}: not a folder`);
    return 2;
  }
  io.out(formatReport(await evaluateFolder(folder)));
  return 0;
}
