/**
 * The conflicts waiting for a decision, as a terminal shows them: the first few, each value on
 * one line and cut short when long (a rationale or an item list's JSON can run to tens of
 * thousands of characters); `--json` carries every value whole.
 */
import type { DatasetConflict } from '../../shared/export.ts';
import type { CliIO } from './io.ts';

const LISTED_CONFLICTS = 20;
const SHOWN_CHARACTERS = 80;

export function printConflicts(open: readonly DatasetConflict[], io: CliIO): void {
  if (open.length > 0) io.out(`Conflicts waiting for a decision: ${open.length}`);
  for (const conflict of open.slice(0, LISTED_CONFLICTS)) {
    const where = conflict.itemPosition === null ? '' : ` item ${conflict.itemPosition + 1}`;
    io.out(`  ${conflict.caseNumber ?? conflict.sha256.slice(0, 12)}${where} ${conflict.field}: ours ${shownValue(conflict.ours)}, theirs ${shownValue(conflict.theirs)}`);
  }
  if (open.length > LISTED_CONFLICTS) io.out(`  … and ${open.length - LISTED_CONFLICTS} more`);
}

/** A value quoted on one line (line breaks escaped), its start and its length when it is long. */
export function shownValue(value: string | null): string {
  if (value === null || value.length <= SHOWN_CHARACTERS) return JSON.stringify(value);
  // Never end on the first half of a character outside the Basic Multilingual Plane.
  const cut = /[\uD800-\uDBFF]$/.test(value.slice(0, SHOWN_CHARACTERS)) ? SHOWN_CHARACTERS - 1 : SHOWN_CHARACTERS;
  return `${JSON.stringify(value.slice(0, cut))}… (${value.length.toLocaleString('en-US')} characters)`;
}
