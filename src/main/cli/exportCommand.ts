/** `imr-review export --format jsonl|csv|parquet|xlsx --out <folder>`: the reviewed dataset with its card. */
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from '../../shared/export.ts';
import type { ExportFilter, ExportFormat } from '../../shared/export.ts';
import { DECISIONS, LETTER_FORMATS } from '../../shared/letter.ts';
import type { Decision, LetterFormat } from '../../shared/letter.ts';
import { LETTER_STATUSES } from '../../shared/library.ts';
import type { LetterStatus } from '../../shared/library.ts';
import { ExportFileError, exportDataset, FileSystemStuckError, ForeignFilesError } from '../export/index.ts';
import { clearPendingExportFolder, listTags, notePendingExportFolder } from '../storage/index.ts';
import type { Db } from '../storage/index.ts';
import type { CliIO } from './io.ts';
import { interruptSignal } from './io.ts';
import { withLibrary } from './library.ts';

export const EXPORT_USAGE =
  'usage: imr-review export --db <file> --format jsonl|csv|parquet|xlsx --out <folder> [--all] [--with-spans]\n' +
  '         [--tag T] [--decision Upheld|Overturned] [--format-filter F] [--status S (with --all)] [--bom] [--force]';

const PROGRESS_EVERY = 20_000;

export async function runExport(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      all: { type: 'boolean' },
      'with-spans': { type: 'boolean' },
      tag: { type: 'string' },
      decision: { type: 'string' },
      'format-filter': { type: 'string' },
      status: { type: 'string' },
      bom: { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  const problem = usageProblem(values);
  if (problem !== null || values.out === undefined) {
    io.err(`${problem ?? '--out is required'}\n${EXPORT_USAGE}`);
    return 2;
  }
  const outDir = values.out;
  return withLibrary(values.db, io, async (library) => {
    const tagId = values.tag === undefined ? undefined : tagIdByName(library.db, values.tag);
    if (tagId === null) {
      io.err(`No tag named "${values.tag}"`);
      return 2;
    }
    const filter: ExportFilter = {
      ...(tagId === undefined ? {} : { tagId }),
      ...(values.decision === undefined ? {} : { decision: values.decision as Decision }),
      ...(values['format-filter'] === undefined ? {} : { format: values['format-filter'] as LetterFormat }),
      ...(values.status === undefined ? {} : { status: values.status as LetterStatus }),
    };
    const interrupt = interruptSignal();
    let target: string | null = null;
    try {
      const result = await exportDataset(
        library.file,
        {
          format: values.format as ExportFormat,
          outDir,
          scope: values.all ? 'all' : 'verified',
          filter,
          withSpans: values['with-spans'] ?? false,
          bom: values.bom ?? false,
          force: values.force ?? false,
        },
        {
          signal: interrupt.signal,
          onProgress: ({ done, total }) => {
            if (done > 0 && done % PROGRESS_EVERY === 0) io.err(`exported ${done}/${total} letters`);
          },
          // Noted in the library while the export runs, so the app's next start clears what a kill leaves.
          onStarted: (folder) => {
            target = folder;
            noteBestEffort(() => notePendingExportFolder(library.db, folder));
          },
        },
      );
      io.out(`Exported ${result.letters} letters, ${result.items} items from ${library.file}`);
      for (const file of result.files) {
        io.out(`  ${file.path}  ${file.bytes} bytes${file.rows > 0 ? `, ${file.rows} rows` : ''}`);
      }
      return 0;
    } catch (error) {
      if (interrupt.signal.aborted) {
        io.err(`Export cancelled; ${outDir} is as it was.`);
        return 1;
      }
      if (error instanceof ForeignFilesError) {
        io.err(`${error.message}: choose a new or empty folder, or pass --force to write the export beside them (a file of the same name is replaced).`);
        return 1;
      }
      if (error instanceof ExportFileError || error instanceof FileSystemStuckError) {
        io.err(`Export failed: ${error.message}; ${outDir} is as it was.`);
        return 1;
      }
      throw error;
    } finally {
      const folder = target;
      if (folder !== null) noteBestEffort(() => clearPendingExportFolder(library.db, folder));
      interrupt.dispose();
    }
  });
}

/** The note only helps clear up after a kill: a library that cannot take it (full disk, read-only) must not stop an export. */
function noteBestEffort(write: () => void): void {
  try {
    write();
  } catch {
    // The export goes on without it; the next export into the folder clears it anyway.
  }
}

function usageProblem(values: { format?: string; decision?: string; 'format-filter'?: string; status?: string; all?: boolean; bom?: boolean }): string | null {
  if (!(EXPORT_FORMATS as readonly (string | undefined)[]).includes(values.format)) {
    return `--format must be one of ${EXPORT_FORMATS.join(', ')}`;
  }
  if (values.decision !== undefined && !(DECISIONS as readonly string[]).includes(values.decision)) {
    return `--decision must be one of ${DECISIONS.join(', ')}`;
  }
  if (values['format-filter'] !== undefined && !(LETTER_FORMATS as readonly string[]).includes(values['format-filter'])) {
    return `--format-filter must be one of ${LETTER_FORMATS.join(', ')}`;
  }
  if (values.status !== undefined) {
    if (!values.all) return '--status needs --all (the default export holds verified letters only)';
    if (!(LETTER_STATUSES as readonly string[]).includes(values.status)) {
      return `--status must be one of ${LETTER_STATUSES.join(', ')}`;
    }
  }
  if (values.bom && values.format !== 'csv') return '--bom applies to --format csv only';
  return null;
}

/** The tag's id by name (case-insensitive, as tag names are unique that way); null when there is none. */
function tagIdByName(db: Db, name: string): number | null {
  const wanted = name.trim().toLowerCase();
  return listTags(db).find((tag) => tag.name.toLowerCase() === wanted)?.id ?? null;
}
