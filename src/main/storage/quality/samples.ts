/**
 * Audit samples as the library keeps them: the frame a sample was drawn from (each letter with
 * its stratum, read by the queue's filter), the sample written once, and its counts read back.
 */
import type { QueueFilter } from '../../../shared/apiSchema.ts';
import type { AuditSample, AuditTarget, SampleStratum, Stratifier } from '../../../shared/quality.ts';
import { NotFoundError } from '../errors.ts';
import { filterSql, isReadableDate } from '../queue.ts';
import { inWriteTransaction, nowIso, parseJson, statement } from '../sql.ts';
import type { Db } from '../sql.ts';

/** Each stratifier's value of a letter `l`, as SQL. */
const STRATUM_SQL: Readonly<Record<Stratifier, string>> = {
  format: 'l.format',
  // The parser's warnings answered or not (verifying answers them all) and the check findings on the values when drawn.
  attention: "CASE WHEN l.check_count > 0 OR l.id IN (SELECT id FROM letters WHERE parser_warning_count > 0) THEN 'warnings or findings' ELSE 'clean' END",
  // A letter's category: its items' one category, 'several', or 'no items'.
  category: `(SELECT CASE COUNT(*) WHEN 0 THEN 'no items' WHEN 1 THEN MIN(f.value) ELSE 'several' END
              FROM letter_facets f WHERE f.letter_id = l.id AND f.facet = 'category')`,
  decisionYear: `CASE WHEN ${isReadableDate('l.decision_date')} THEN substr(l.decision_date, 7, 4) ELSE 'unknown year' END`,
};

/** A stratum of the frame: its key and its letters, by id. */
export interface FrameStratum {
  readonly key: string;
  readonly letterIds: readonly number[];
}

export const UNSTRATIFIED_KEY = 'all letters';

/** The letters the filter selects now, grouped by stratum (strata by key, letters by id). */
export function readFrame(db: Db, filter: QueueFilter, strata: readonly Stratifier[]): FrameStratum[] {
  const { where, params } = filterSql(filter);
  const key = strata.length === 0 ? `'${UNSTRATIFIED_KEY}'` : strata.map((stratifier) => STRATUM_SQL[stratifier]).join(" || ' · ' || ");
  const rows = statement(db, `SELECT l.id, ${key} AS key FROM letters l INDEXED BY queue_by_import ${where} ORDER BY l.id`).raw().all(params) as [number, string][];
  const byKey = new Map<string, number[]>();
  for (const [id, stratum] of rows) {
    let ids = byKey.get(stratum);
    if (!ids) byKey.set(stratum, (ids = []));
    ids.push(id);
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([stratumKey, letterIds]) => ({ key: stratumKey, letterIds }));
}

export interface NewSample {
  readonly name: string;
  readonly seed: number;
  readonly filter: QueueFilter;
  readonly strata: readonly Stratifier[];
  readonly target: AuditTarget | null;
  readonly frame: readonly FrameStratum[];
  /** Per stratum (in the frame's order), the letters drawn, in the order drawn. */
  readonly drawn: readonly (readonly number[])[];
  readonly createdBy: string;
}

/** Writes a sample once; returns its id. */
export function insertSample(db: Db, sample: NewSample): number {
  return inWriteTransaction(db, () => {
    const { lastInsertRowid } = statement(
      db,
      `INSERT INTO audit_samples (name, seed, frame_filter, strata, target, frame, created_at, created_by)
       VALUES (@name, @seed, @filter, @strata, @target, @frame, @createdAt, @createdBy)`,
    ).run({
      name: sample.name,
      seed: sample.seed,
      filter: JSON.stringify(sample.filter),
      strata: JSON.stringify(sample.strata),
      target: sample.target === null ? null : JSON.stringify(sample.target),
      frame: packIds(sample.frame.flatMap((stratum) => stratum.letterIds)),
      createdAt: nowIso(),
      createdBy: sample.createdBy,
    });
    const sampleId = Number(lastInsertRowid);
    const addStratum = statement(db, 'INSERT INTO audit_sample_strata (sample_id, position, key, frame_letters, sampled) VALUES (?, ?, ?, ?, ?)');
    const addLetter = statement(db, 'INSERT INTO audit_sample_letters (sample_id, letter_id, stratum, draw) VALUES (?, ?, ?, ?)');
    let draw = 0;
    sample.frame.forEach((stratum, position) => {
      const drawn = sample.drawn[position] ?? [];
      addStratum.run(sampleId, position, stratum.key, stratum.letterIds.length, drawn.length);
      for (const letterId of drawn) addLetter.run(sampleId, letterId, position, draw++);
    });
    return sampleId;
  });
}

function packIds(ids: readonly number[]): Buffer {
  const packed = Buffer.alloc(ids.length * 4);
  ids.forEach((id, index) => packed.writeUInt32LE(id, index * 4));
  return packed;
}

function unpackIds(packed: Buffer): Uint32Array {
  const ids = new Uint32Array(packed.length / 4);
  for (let index = 0; index < ids.length; index++) ids[index] = packed.readUInt32LE(index * 4);
  return ids;
}

interface SampleRow {
  id: number;
  name: string;
  seed: number;
  frame_filter: string;
  strata: string;
  target: string | null;
  created_at: string;
  created_by: string;
}

/** Every sample, newest first, with its strata and how many of its letters are verified now. */
export function listSamples(db: Db): AuditSample[] {
  const rows = statement(db, 'SELECT id, name, seed, frame_filter, strata, target, created_at, created_by FROM audit_samples ORDER BY id DESC').all() as SampleRow[];
  return rows.map((row) => sampleOf(db, row));
}

export function getSample(db: Db, sampleId: number): AuditSample {
  const row = statement(db, 'SELECT id, name, seed, frame_filter, strata, target, created_at, created_by FROM audit_samples WHERE id = ?').get(sampleId) as
    | SampleRow
    | undefined;
  if (!row) throw new NotFoundError('audit sample', sampleId);
  return sampleOf(db, row);
}

function sampleOf(db: Db, row: SampleRow): AuditSample {
  const strataCounts = statement(
    db,
    `SELECT s.key, s.frame_letters AS frameLetters, s.sampled,
       (SELECT COUNT(*) FROM audit_sample_letters a JOIN letters l ON l.id = a.letter_id
        WHERE a.sample_id = s.sample_id AND a.stratum = s.position AND l.status = 'verified') AS checked
     FROM audit_sample_strata s WHERE s.sample_id = ? ORDER BY s.position`,
  ).all(row.id) as SampleStratum[];
  const sum = (pick: (stratum: SampleStratum) => number) => strataCounts.reduce((total, stratum) => total + pick(stratum), 0);
  return {
    id: row.id,
    name: row.name,
    seed: row.seed,
    frame: parseJson<QueueFilter>(row.frame_filter),
    strata: parseJson<Stratifier[]>(row.strata),
    target: row.target === null ? null : parseJson<AuditTarget>(row.target),
    createdAt: row.created_at,
    createdBy: row.created_by,
    frameLetters: sum((stratum) => stratum.frameLetters),
    size: sum((stratum) => stratum.sampled),
    checked: sum((stratum) => stratum.checked),
    strataCounts,
  };
}

/** The frame as drawn: per stratum (in order), how many of its letters nobody has verified now. */
export function unreadByStratum(db: Db, sampleId: number): number[] {
  const frame = statement(db, 'SELECT frame FROM audit_samples WHERE id = ?').pluck().get(sampleId) as Buffer | undefined;
  if (!frame) throw new NotFoundError('audit sample', sampleId);
  const sizes = statement(db, 'SELECT frame_letters FROM audit_sample_strata WHERE sample_id = ? ORDER BY position').pluck().all(sampleId) as number[];
  const verified = new Set(statement(db, "SELECT id FROM letters WHERE status = 'verified'").pluck().all() as number[]);
  const ids = unpackIds(frame);
  let offset = 0;
  return sizes.map((size) => {
    let unread = 0;
    for (let index = offset; index < offset + size; index++) if (!verified.has(ids[index] as number)) unread++;
    offset += size;
    return unread;
  });
}

/** The sample's letters in the order drawn. */
export function sampleLetterIds(db: Db, sampleId: number): number[] {
  getSample(db, sampleId);
  return statement(db, 'SELECT letter_id FROM audit_sample_letters WHERE sample_id = ? ORDER BY draw').pluck().all(sampleId) as number[];
}
