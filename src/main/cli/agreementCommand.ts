/**
 * `imr-review agreement --db <a> --other <b>` or `imr-review agreement <a.jsonl> <b.jsonl>`:
 * how far two reviewers agree on the letters both verified.
 */
import { parseArgs } from 'node:util';
import type { AgreementReport, ExportedLetter } from '../../shared/export.ts';
import { compareDatasets, DatasetFileError, verifiedLettersInFile, verifiedLettersOf } from '../export/index.ts';
import type { Library } from '../storage/index.ts';
import type { CliIO } from './io.ts';
import { withLibrary } from './library.ts';

const USAGE = 'usage: imr-review agreement --db <library> --other <library or export.jsonl> [--json]\n' +
  '       imr-review agreement <a.jsonl> <b.jsonl> [--json]';

const isExportFile = (file: string) => file.toLowerCase().endsWith('.jsonl');

export async function runAgreement(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, other: { type: 'string' }, json: { type: 'boolean' } },
  });
  const sources = values.other === undefined ? positionals : [values.db, values.other, ...positionals];
  const [first, second] = sources;
  if (sources.length !== 2 || second === undefined || (first === undefined && values.other === undefined)) {
    io.err(USAGE);
    return 2;
  }
  try {
    return await withSource(first, io, (ours) =>
      withSource(second, io, async (theirs) => {
        printReport(await compareDatasets(ours, theirs), values.json ?? false, io);
        return 0;
      }),
    );
  } catch (error) {
    if (error instanceof DatasetFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err((error as Error).message);
      return 1;
    }
    throw error;
  }
}

/** A JSONL export is read as a file; anything else (or no name: the app's library) is opened as a library. */
function withSource(source: string | undefined, io: CliIO, work: (letters: AsyncIterable<ExportedLetter>) => Promise<number>): Promise<number> {
  if (source !== undefined && isExportFile(source)) return work(verifiedLettersInFile(source));
  return withLibrary(source, io, (library: Library) => work(verifiedLettersOf(library.db)));
}

function printReport(report: AgreementReport, json: boolean, io: CliIO): void {
  if (json) {
    io.out(JSON.stringify(report));
    return;
  }
  const percent = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)}%`);
  io.out(`Letters verified on both sides: ${report.letters}`);
  io.out(`  same number of items: ${report.itemCountAgreed}`);
  io.out(`Items compared (by position): ${report.items}`);
  io.out(`Decision kappa (Cohen): ${report.decisionKappa === null ? '-' : report.decisionKappa.toFixed(3)}`);
  io.out('Agreement by field:');
  for (const field of report.fields) {
    io.out(`  ${field.field.padEnd(34)}${percent(field.percent).padStart(7)}  (${field.agreed}/${field.compared})`);
  }
  io.out('Decisions (ours -> theirs):');
  for (const [ours, row] of Object.entries(report.decisionTable)) {
    for (const [theirs, n] of Object.entries(row)) io.out(`  ${ours.padEnd(11)} -> ${theirs.padEnd(11)} ${n}`);
  }
}
