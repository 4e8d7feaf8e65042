/**
 * `imr-review import-dataset <export.jsonl> [--db file] [--reviewer NAME]`: merges another reviewer's
 * export into the library, all or nothing. `--reviewer` names whose export it is, for letters
 * their export does not say who verified; it never changes the library's own reviewer.
 */
import { parseArgs } from 'node:util';
import { DatasetFileError, importDataset } from '../export/index.ts';
import { listConflicts } from '../storage/index.ts';
import type { CliIO } from './io.ts';
import { interruptSignal } from './io.ts';
import { withLibrary } from './library.ts';

const LISTED_CONFLICTS = 20;
const USAGE = 'usage: imr-review import-dataset <export.jsonl> [--db <file>] [--reviewer NAME]';

export async function runImportDataset(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, reviewer: { type: 'string' } },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) {
    io.err(USAGE);
    return 2;
  }
  return withLibrary(
    values.db,
    io,
    async (library) => {
      const interrupt = interruptSignal();
      try {
        const result = await importDataset(library, file, { signal: interrupt.signal, ...(values.reviewer === undefined ? {} : { reviewer: values.reviewer }) });
        io.out(`Imported ${file} into ${library.file}`);
        io.out(`  letters created: ${result.created} (their text is not in the export)`);
        io.out(`  letters merged:  ${result.merged}`);
        io.out(`  values taken:    ${result.fieldsTaken}`);
        io.out(`  new conflicts:   ${result.conflicts}`);
        const open = listConflicts(library.db);
        if (open.length > 0) io.out(`Conflicts waiting for a decision: ${open.length}`);
        for (const conflict of open.slice(0, LISTED_CONFLICTS)) {
          const where = conflict.itemPosition === null ? '' : ` item ${conflict.itemPosition + 1}`;
          io.out(`  ${conflict.caseNumber ?? conflict.sha256.slice(0, 12)}${where} ${conflict.field}: ours ${JSON.stringify(conflict.ours)}, theirs ${JSON.stringify(conflict.theirs)}`);
        }
        if (open.length > LISTED_CONFLICTS) io.out(`  … and ${open.length - LISTED_CONFLICTS} more`);
        return 0;
      } catch (error) {
        if (error instanceof DatasetFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
          io.err((error as Error).message);
          return 1;
        }
        if (interrupt.signal.aborted) {
          io.err('Import cancelled; nothing was merged.');
          return 1;
        }
        throw error;
      } finally {
        interrupt.dispose();
      }
    },
  );
}
