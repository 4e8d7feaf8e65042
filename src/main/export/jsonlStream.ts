/**
 * The JSONL export's records handed one line at a time to a writer of the caller's (a pipe on
 * stdout): the same lines as letters.jsonl, from one read snapshot, with no folder and no card.
 */
import type { ExportFilter, ExportScope } from '../../shared/export.ts';
import { freshenStaleRecords } from '../review/index.ts';
import { openSnapshot, readRecords } from '../storage/index.ts';
import { scopeFilter } from './scope.ts';

export interface JsonlStreamOptions {
  readonly scope?: ExportScope;
  readonly filter?: ExportFilter;
  readonly withSpans?: boolean;
}

export interface JsonlStreamControl {
  /** Stops the stream before its next letter; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** @param writeLine takes one record (no line end); the next letter is read once it resolves */
export async function streamJsonlRecords(
  libraryFile: string,
  options: JsonlStreamOptions,
  writeLine: (line: string) => Promise<void>,
  control: JsonlStreamControl = {},
): Promise<{ readonly letters: number; readonly items: number }> {
  const selected = scopeFilter(options.scope ?? 'verified', options.filter ?? {});
  control.signal?.throwIfAborted();
  const reader = openSnapshot(libraryFile);
  let letters = 0;
  let items = 0;
  try {
    for (const letter of readRecords(reader, selected, options.withSpans ?? false, freshenStaleRecords(reader))) {
      control.signal?.throwIfAborted();
      await writeLine(JSON.stringify(letter));
      letters++;
      items += letter.items.length;
    }
    return { letters, items };
  } finally {
    reader.close();
  }
}
