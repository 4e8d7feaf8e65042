/**
 * Which letters an export holds: its scope and the queue's filters, as one WHERE clause over
 * `letters l`. The conditions mean what the queue's filters mean (src/main/storage/queue.ts).
 */
import { DECISIONS, LETTER_FORMATS } from '../../shared/letter.ts';
import { LETTER_STATUSES } from '../../shared/library.ts';
import type { ExportFilter, ExportScope } from '../../shared/export.ts';

export interface ScopeSql {
  readonly where: string;
  readonly params: Record<string, string | number>;
}

export function scopeSql(scope: ExportScope, filter: ExportFilter = {}): ScopeSql {
  checkFilter(scope, filter);
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  const status = scope === 'verified' ? 'verified' : filter.status;
  if (status !== undefined) {
    conditions.push('l.status = @status');
    params.status = status;
  }
  if (filter.decision === 'Upheld') conditions.push('l.upheld_count > 0');
  if (filter.decision === 'Overturned') conditions.push('l.overturned_count > 0');
  if (filter.tagId !== undefined) {
    conditions.push(`l.id IN (
      SELECT letter_id FROM letter_tags WHERE tag_id = @tagId
      UNION SELECT i.letter_id FROM item_tags t JOIN items i ON i.id = t.item_id WHERE t.tag_id = @tagId)`);
    params.tagId = filter.tagId;
  }
  if (filter.format !== undefined) {
    conditions.push('l.format = @format');
    params.format = filter.format;
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
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
