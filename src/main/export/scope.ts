/**
 * Which letters an export holds: its scope and the queue's filters, as a queue filter, so the
 * filters mean the same in both places.
 */
import { DECISIONS, LETTER_FORMATS } from '../../shared/letter.ts';
import { LETTER_STATUSES } from '../../shared/library.ts';
import type { ExportFilter, ExportScope } from '../../shared/export.ts';
import type { QueueFilter } from '../storage/index.ts';

export function scopeFilter(scope: ExportScope, filter: ExportFilter = {}): QueueFilter {
  checkFilter(scope, filter);
  const status = scope === 'verified' ? 'verified' : filter.status;
  return { ...filter, ...(status === undefined ? {} : { status }) };
}

function checkFilter(scope: ExportScope, filter: ExportFilter): void {
  if (scope !== 'verified' && scope !== 'all') throw new RangeError(`Unknown export scope "${String(scope)}"`);
  if (filter.status !== undefined) {
    if (!LETTER_STATUSES.includes(filter.status)) throw new RangeError(`Unknown letter status "${filter.status}"`);
    if (scope === 'verified' && filter.status !== 'verified') {
      throw new RangeError('A status filter needs the "all" scope: the default scope is verified letters only');
    }
  }
  if (filter.decision !== undefined && !DECISIONS.includes(filter.decision)) {
    throw new RangeError(`Unknown decision "${filter.decision}"`);
  }
  if (filter.format !== undefined && !LETTER_FORMATS.includes(filter.format)) {
    throw new RangeError(`Unknown letter format "${filter.format}"`);
  }
  if (filter.tagId !== undefined && !Number.isInteger(filter.tagId)) {
    throw new RangeError(`A tag filter is a tag id, not ${String(filter.tagId)}`);
  }
}
