/** `imr-review report [--db F] [--out DIR] [--format html|md|json] [--all]`: the library's insights as a report. */
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../export/index.ts';
import { REPORT_FORMATS, writeReport } from '../report/index.ts';
import type { ReportFormat } from '../report/index.ts';
import { bringDerivedUpToDate } from '../review/index.ts';
import type { CliIO } from './io.ts';
import { withLibrary } from './library.ts';

export const REPORT_USAGE = 'usage: imr-review report [--db <file>] [--out <folder>] [--format html|md|json] [--all]';

export async function runReport(args: string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { db: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, all: { type: 'boolean' } },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${REPORT_USAGE}`);
    return 2;
  }
  const format = values.format ?? 'html';
  if (!REPORT_FORMATS.includes(format as ReportFormat)) {
    io.err(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${format}"\n${REPORT_USAGE}`);
    return 2;
  }
  return withLibrary(values.db, io, async (library) => {
    // The breakdowns read the derived values; a library from an older app gets them worked out first, as the app does.
    const refreshed = bringDerivedUpToDate(library.db);
    if (refreshed > 0) io.err(`worked out the derived values of ${refreshed} letters for this app's rules first`);
    const scope = values.all ? 'all' : 'verified';
    const { file, insights } = await writeReport(library.db, {
      format: format as ReportFormat,
      outDir: values.out ?? '.',
      scope,
      libraryFile: library.file,
      appVersion: APP_VERSION,
    });
    const { headline } = insights;
    io.out(`Wrote ${file}: ${scope === 'verified' ? 'verified letters' : 'all letters'}, ${headline.letters} letters, ${headline.items} items`);
    if (headline.letters === 0 && scope === 'verified') io.out('No letter is verified yet: --all reports on every letter.');
    return 0;
  });
}
