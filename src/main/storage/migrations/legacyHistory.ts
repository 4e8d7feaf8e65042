/**
 * Migration 004's treatment of the old edit history: every recorded change becomes a change
 * group of origin 'legacy' (shown in the history, not undoable: its rows were never kept), and
 * the parser's value of every field a person changed is recovered from the first edit of it.
 */
import type { Db } from '../sql.ts';

interface HistoryRow {
  id: number;
  letter_id: number;
  entity_type: 'letter' | 'item';
  entity_id: number;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  at: string;
  reviewer: string;
}

/** What the first edits of a field saw: its value and its span before any person changed them. */
interface Recovered {
  value?: { readonly was: string | null };
  spans?: number[][];
}

export function convertLegacyHistory(db: Db): void {
  const rows = db.prepare('SELECT * FROM edit_history ORDER BY id').all() as HistoryRow[];
  const insertGroup = db.prepare(
    `INSERT INTO change_groups (letter_id, action, details, origin, reviewer, at) VALUES (?, ?, ?, 'legacy', ?, ?)`,
  );
  const linkLetter = db.prepare('INSERT OR IGNORE INTO change_group_letters (letter_id, group_id) VALUES (?, ?)');
  const originals = new Map<string, Map<string, Recovered>>();
  for (const group of consecutiveChanges(rows)) {
    const first = group[0] as HistoryRow;
    const { lastInsertRowid } = insertGroup.run(first.letter_id, actionOf(group), JSON.stringify(detailsOf(group)), first.reviewer, first.at);
    linkLetter.run(first.letter_id, Number(lastInsertRowid));
    for (const row of group) rememberOriginal(originals, row);
  }
  writeOriginals(db, originals);
}

/** The rows one old service call wrote: same letter, entity, action, time and reviewer. */
function consecutiveChanges(rows: readonly HistoryRow[]): HistoryRow[][] {
  const groups: HistoryRow[][] = [];
  const key = (row: HistoryRow) => [row.letter_id, row.entity_type, row.entity_id, row.action, row.at, row.reviewer].join('\u0000');
  for (const row of rows) {
    const current = groups.at(-1);
    if (current && key(current[0] as HistoryRow) === key(row)) current.push(row);
    else groups.push([row]);
  }
  return groups;
}

function actionOf(group: readonly HistoryRow[]): string {
  const first = group[0] as HistoryRow;
  if (first.action !== 'set-status') return first.action;
  const status = group.find((row) => row.field === 'status');
  if (!status) return 'flag';
  if (status.new_value === 'verified') return 'verify';
  if (status.new_value === 'flagged') return 'flag';
  if (status.old_value === 'verified' || status.old_value === 'flagged') return 'reopen';
  return 'set-status';
}

function detailsOf(group: readonly HistoryRow[]): Record<string, unknown> {
  const first = group[0] as HistoryRow;
  const details: Record<string, unknown> = first.entity_type === 'item' ? { itemId: first.entity_id } : {};
  const value = group.find((row) => row.field !== null && !row.field.endsWith('.span'));
  if (first.action === 'edit-field') {
    const field = value?.field ?? first.field?.replace(/\.span$/, '');
    return { ...details, field, ...(value ? { from: value.old_value, to: value.new_value } : { spanOnly: true }) };
  }
  if (first.action === 'set-status') {
    const reason = group.find((row) => row.field === 'flagReason');
    const status = group.find((row) => row.field === 'status');
    return { ...details, ...(status ? { from: status.old_value, to: status.new_value } : {}), ...(reason ? { text: reason.new_value } : {}) };
  }
  if (first.action === 'set-item-status' && value) return { ...details, from: value.old_value, to: value.new_value };
  return details;
}

/** The first edit of a field saw the parser's value (and span) as its old value. */
function rememberOriginal(originals: Map<string, Map<string, Recovered>>, row: HistoryRow): void {
  if (row.action !== 'edit-field' || row.field === null) return;
  const entity = `${row.entity_type}:${row.entity_id}`;
  const fields = originals.get(entity) ?? new Map<string, Recovered>();
  originals.set(entity, fields);
  const field = row.field.replace(/\.span$/, '');
  const recovered = fields.get(field) ?? {};
  fields.set(field, recovered);
  if (row.field.endsWith('.span')) {
    recovered.spans ??= row.old_value === null ? [] : [JSON.parse(row.old_value) as number[]];
  } else {
    recovered.value ??= { was: row.old_value };
  }
}

/** Keeps the recovered originals of the fields still marked edited, with today's spans where none was recorded. */
function writeOriginals(db: Db, originals: Map<string, Map<string, Recovered>>): void {
  for (const [entity, fields] of originals) {
    const [type, id] = entity.split(':') as ['letter' | 'item', string];
    const table = type === 'letter' ? 'letters' : 'items';
    const row = db.prepare(`SELECT spans, human_edited FROM ${table} WHERE id = ?`).get(Number(id)) as
      | { spans: string; human_edited: string }
      | undefined;
    if (!row) continue;
    const edited = new Set(JSON.parse(row.human_edited) as string[]);
    const spans = JSON.parse(row.spans) as Record<string, number[][]>;
    const original: Record<string, { value: string | null; spans?: number[][] }> = {};
    for (const [field, { value, spans: oldSpans }] of fields) {
      if (!edited.has(field) || value === undefined) continue;
      const fieldSpans = oldSpans ?? spans[field];
      original[field] = fieldSpans && fieldSpans.length > 0 ? { value: value.was, spans: fieldSpans } : { value: value.was };
    }
    if (Object.keys(original).length > 0) db.prepare(`UPDATE ${table} SET original = ? WHERE id = ?`).run(JSON.stringify(original), Number(id));
  }
}
