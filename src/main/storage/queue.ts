/**
 * The review queue: letters filtered and sorted for the reviewer, one page at a time.
 * Every filter and sort reads the narrow letters row or an index (see migrations), never the text.
 */
import type { Facet } from '../../shared/derived.ts';
import type { Decision, LetterFormat } from '../../shared/letter.ts';
import { InvalidEditError } from './errors.ts';
import type { LetterStatus } from './fields.ts';
import { toFtsQuery } from './ftsQuery.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { QueueRow } from '../../shared/library.ts';
export type { QueueRow } from '../../shared/library.ts';

export type QueueSort = 'import' | 'caseNumber' | 'attention';

export interface QueueFilter {
  readonly status?: LetterStatus;
  /** Letters with at least one item of this decision. */
  readonly decision?: Decision;
  /** Letters carrying the tag, on the letter or on one of its items. */
  readonly tagId?: number;
  readonly format?: LetterFormat;
  readonly hasWarnings?: boolean;
  /** Letters with (or without) a rule check finding. */
  readonly hasChecks?: boolean;
  /** Letters with an item of this service category, drug class, or guideline source (in either guideline). */
  readonly category?: string;
  readonly drugClass?: string;
  /** The same in DWC's taxonomy: its Request Category, its drug class. */
  readonly dwcCategory?: string;
  readonly dwcDrugClass?: string;
  readonly guidelineSource?: string;
  /** Full-text search (letter text and item fields); blank means no search. */
  readonly search?: string;
  /** Letters decided in a year ('2016'), a month ('2016-12') or years ('2016..2017'), or 'unknown': no MM/DD/YYYY decision date. */
  readonly decidedIn?: string;
  /** Letters whose expert reviewer's specialty is printed exactly so; null: letters that print none. */
  readonly reviewerSpecialty?: string | null;
  /**
   * Letters whose expert reviewer is licensed in the state (its name, as licensureStates gives
   * it); `licensed: false`: the letters that print states of licensure, none of them this one.
   */
  readonly licensure?: { readonly state: string; readonly licensed: boolean };
  /** Letters with at least this many items. */
  readonly minItems?: number;
  /** Letters with, for each of these, an item that matches all of it at once. */
  readonly items?: readonly ItemCriteria[];
  /** The letters drawn into this audit sample. */
  readonly sampleId?: number;
  /** The letters of this blind pass not entered yet. */
  readonly blindPassId?: number;
}

/** What one item must be: its decision ('none': it has none), facet values, a partial certification. */
export interface ItemCriteria {
  readonly decision?: Decision | 'none';
  /** Each facet must have one of its values on the item. */
  readonly facets?: readonly { readonly facet: Facet; readonly values: readonly string[] }[];
  readonly partial?: boolean;
}

export interface QueueQuery extends QueueFilter {
  readonly sort: QueueSort;
  readonly offset: number;
  readonly limit: number;
}

/**
 * Each sort reads its own covering index (migration 002). The index is named because the
 * planner would sometimes pick another filter's index and then sort tens of thousands of rows.
 * 'attention' puts the letters with the most open warnings and check findings first.
 */
const SORTS: Record<QueueSort, { readonly index: string; readonly orderBy: string }> = {
  import: { index: 'queue_by_import', orderBy: 'l.id' },
  caseNumber: { index: 'queue_by_case_number', orderBy: 'l.case_number, l.id' },
  attention: { index: 'queue_by_attention', orderBy: 'l.attention_count DESC, l.id' },
};

/** Read from the letter's item counts, which every queue index holds. */
const DECISION_CONDITIONS: Record<Decision | 'none', string> = {
  Upheld: 'l.upheld_count > 0',
  Overturned: 'l.overturned_count > 0',
  none: 'l.upheld_count + l.overturned_count < l.item_count',
};

/** The same for the letter's partial certifications, from its counts of them. */
const PARTIAL_DECISION_CONDITIONS: Record<Decision | 'none', string> = {
  Upheld: 'l.partial_upheld_count > 0',
  Overturned: 'l.partial_overturned_count > 0',
  none: 'l.partial_upheld_count + l.partial_overturned_count < l.partial_count',
};

/** The same, from a letter's counts of one facet value's items (letter_facets). */
const FACET_VALUE_DECISIONS: Record<Decision | 'none', string> = {
  Upheld: 'upheld > 0',
  Overturned: 'overturned > 0',
  none: 'upheld + overturned < items',
};

/** A printed MM/DD/YYYY date with a month 01-12 (GLOB has no alternatives, so two patterns); anything else is unreadable. */
const DATE_GLOBS = ['0[1-9]/[0-3][0-9]/[12][0-9][0-9][0-9]', '1[0-2]/[0-3][0-9]/[12][0-9][0-9][0-9]'];
export function isReadableDate(column: string): string {
  return `(${DATE_GLOBS.map((glob) => `${column} GLOB '${glob}'`).join(' OR ')})`;
}
/** A partial certification, as the vocabulary reads one: any of its three parts is set. */
export const PARTIAL_ITEM =
  '(i.original_request IS NOT NULL OR i.authorized_by_claims_administrator IS NOT NULL OR i.imr_eligible_portion IS NOT NULL)';
const DECIDED_IN = /^(?<year>\d{4})(?:-(?<month>0[1-9]|1[0-2]))?$/;
const YEARS = /^(?<from>\d{4})\.\.(?<to>\d{4})$/;

const MAX_PAGE_SIZE = 1000;

/** The item facets each facet filter reads (see src/shared/derived.ts). */
const FACET_FILTERS: readonly (readonly ['category' | 'drugClass' | 'dwcCategory' | 'dwcDrugClass' | 'guidelineSource', readonly string[]])[] = [
  ['category', ['category']],
  ['drugClass', ['drug-class']],
  ['dwcCategory', ['dwc-category']],
  ['dwcDrugClass', ['dwc-drug-class']],
  ['guidelineSource', ['ca-source', 'maximus-source']],
];

export function queryQueue(db: Db, query: QueueQuery): QueueRow[] {
  const { sql, params } = queueSql(query);
  return statement(db, sql).all(params) as QueueRow[];
}

/** The SELECT behind queryQueue and its parameters; tests read its query plan. */
export function queueSql(query: QueueQuery): { sql: string; params: Record<string, string | number> } {
  const { offset, limit } = query;
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidEditError(`Bad queue offset ${offset}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidEditError(`Queue page size must be 1..${MAX_PAGE_SIZE}, not ${limit}`);
  }
  const sort = SORTS[query.sort];
  if (sort === undefined) throw new InvalidEditError(`Unknown queue sort "${query.sort}"`);
  const { where, params } = filterSql(query);
  return {
    sql: `SELECT l.id, l.status, l.case_number AS caseNumber, l.file_name AS fileName, l.format,
       l.item_count AS itemCount, l.upheld_count AS upheldCount, l.overturned_count AS overturnedCount,
       l.warning_count AS warningCount, l.check_count AS checkCount
     FROM letters l INDEXED BY ${sort.index} ${where} ORDER BY ${sort.orderBy} LIMIT @limit OFFSET @offset`,
    params: { ...params, limit, offset },
  };
}

export function countQueue(db: Db, filter: QueueFilter = {}): number {
  const { where, params } = filterSql(filter);
  return (
    statement(db, `SELECT COUNT(*) AS n FROM letters l INDEXED BY queue_by_import ${where}`).get(params) as {
      n: number;
    }
  ).n;
}

/** Letters a reviewer still has to finish, unless the queue is filtered to one status. */
const NEEDS_REVIEW = "l.status IN ('unreviewed', 'in_progress')";

/** The letter after `position` in the queue's sort order, for keyset navigation. */
const AFTER: Record<QueueSort, string> = {
  import: 'l.id > @afterId',
  caseNumber: `(COALESCE(l.case_number, '') > @afterCase OR (COALESCE(l.case_number, '') = @afterCase AND l.id > @afterId))`,
  attention: '(l.attention_count < @afterAttention OR (l.attention_count = @afterAttention AND l.id > @afterId))',
};

/**
 * The next letter needing review after `afterId` in the queue's order and filter, wrapping
 * around to the start; null when no other letter needs review.
 */
export function nextLetterToReview(db: Db, afterId: number | null, filter: QueueFilter, sort: QueueSort): number | null {
  const order = SORTS[sort];
  if (order === undefined) throw new InvalidEditError(`Unknown queue sort "${sort}"`);
  const { where, params } = filterSql(filter);
  const conditions = [where === '' ? '1' : where.slice('WHERE '.length)];
  // A blind pass re-reads verified letters: its filter already holds just the ones still to enter.
  if (filter.status === undefined && filter.blindPassId === undefined) conditions.push(NEEDS_REVIEW);
  const first = (extra: string, extraParams: Record<string, string | number>) =>
    (
      statement(
        db,
        `SELECT l.id FROM letters l INDEXED BY ${order.index} WHERE ${[...conditions, extra].join(' AND ')}
         ORDER BY ${order.orderBy} LIMIT 1`,
      ).get({ ...params, ...extraParams }) as { id: number } | undefined
    )?.id ?? null;
  if (afterId !== null) {
    const current = statement(db, 'SELECT case_number, attention_count FROM letters WHERE id = ?').get(afterId) as
      | { case_number: string | null; attention_count: number }
      | undefined;
    if (current) {
      const next = first(AFTER[sort], {
        afterId,
        afterCase: current.case_number ?? '',
        afterAttention: current.attention_count,
      });
      if (next !== null) return next;
    }
  }
  const wrapped = first(afterId === null ? '1' : 'l.id <> @afterId', afterId === null ? {} : { afterId });
  return wrapped;
}

/**
 * Where the letter stands in the queue under this filter and sort: how many matching letters
 * come before it. Null when the filter does not match it. The queue's rows are fetched a page
 * at a time, so the screen asks this rather than reading pages until it finds the letter.
 */
export function queuePosition(db: Db, letterId: number, filter: QueueFilter, sort: QueueSort): number | null {
  const order = SORTS[sort];
  if (order === undefined) throw new InvalidEditError(`Unknown queue sort "${sort}"`);
  const { where, params } = filterSql(filter);
  const matching = where === '' ? [] : [where.slice('WHERE '.length)];
  const letter = statement(db, `SELECT l.case_number AS caseNumber, l.attention_count AS attention FROM letters l WHERE ${['l.id = @letterId', ...matching].join(' AND ')}`).get({
    ...params,
    letterId,
  }) as { caseNumber: string | null; attention: number } | undefined;
  if (!letter) return null;
  const before = statement(db, `SELECT COUNT(*) AS n FROM letters l INDEXED BY ${order.index} WHERE ${[...matching, BEFORE[sort](letter.caseNumber)].join(' AND ')}`).get({
    ...params,
    letterId,
    beforeCase: letter.caseNumber ?? '',
    beforeAttention: letter.attention,
  }) as { n: number };
  return before.n;
}

/** The letters ahead of @letterId in each sort's ORDER BY, where SQLite puts a missing case number first. */
const BEFORE: Record<QueueSort, (caseNumber: string | null) => string> = {
  import: () => 'l.id < @letterId',
  caseNumber: (caseNumber) =>
    caseNumber === null
      ? 'l.case_number IS NULL AND l.id < @letterId'
      : '(l.case_number IS NULL OR l.case_number < @beforeCase OR (l.case_number = @beforeCase AND l.id < @letterId))',
  attention: () => '(l.attention_count > @beforeAttention OR (l.attention_count = @beforeAttention AND l.id < @letterId))',
};

/** How far review has come across the whole library. */
export function queueProgress(db: Db): { readonly total: number; readonly verified: number } {
  return statement(
    db,
    "SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE status = 'verified') AS verified FROM letters",
  ).get() as { total: number; verified: number };
}

/** The queue's filters as a WHERE clause over `letters l`; the export selects letters with it too. */
export function filterSql(filter: QueueFilter): { where: string; params: Record<string, string | number> } {
  const conditions: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.status !== undefined) {
    conditions.push('l.status = @status');
    params.status = filter.status;
  }
  if (filter.decision !== undefined) {
    const condition = DECISION_CONDITIONS[filter.decision];
    if (condition === undefined) throw new InvalidEditError(`Unknown decision "${filter.decision}"`);
    conditions.push(condition);
  }
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
  if (filter.hasWarnings !== undefined) {
    conditions.push(filter.hasWarnings ? 'l.warning_count > 0' : 'l.warning_count = 0');
  }
  if (filter.hasChecks !== undefined) {
    conditions.push(filter.hasChecks ? 'l.check_count > 0' : 'l.check_count = 0');
  }
  for (const [key, facets] of FACET_FILTERS) {
    const value = filter[key];
    if (value === undefined) continue;
    conditions.push(`l.id IN (SELECT letter_id FROM item_facets WHERE facet IN (${facets.map((f) => `'${f}'`).join(', ')}) AND value = @${key})`);
    params[key] = value;
  }
  if (filter.decidedIn !== undefined) {
    conditions.push(decidedInCondition(filter.decidedIn, params));
  }
  if (filter.reviewerSpecialty !== undefined) {
    if (filter.reviewerSpecialty === null) conditions.push('l.reviewer_specialty IS NULL');
    else {
      conditions.push('l.reviewer_specialty = @reviewerSpecialty');
      params.reviewerSpecialty = filter.reviewerSpecialty;
    }
  }
  if (filter.licensure !== undefined) {
    // The letter's licensure rows, found by its id in letter_facets' key.
    const inState = "SELECT letter_id FROM letter_facets WHERE facet = 'licensure-state' AND value = @licensureState";
    conditions.push(
      filter.licensure.licensed
        ? `l.id IN (${inState})`
        : `l.id NOT IN (${inState}) AND EXISTS (SELECT 1 FROM letter_facets s WHERE s.letter_id = l.id AND s.facet = 'licensure-state')`,
    );
    params.licensureState = filter.licensure.state;
  }
  if (filter.minItems !== undefined) {
    conditions.push('l.item_count >= @minItems');
    params.minItems = filter.minItems;
  }
  (filter.items ?? []).forEach((item, index) => {
    const condition = itemCondition(item, `i${index}`, params);
    if (condition !== null) conditions.push(condition);
  });
  if (filter.sampleId !== undefined) {
    conditions.push('l.id IN (SELECT letter_id FROM audit_sample_letters WHERE sample_id = @sampleId)');
    params.sampleId = filter.sampleId;
  }
  if (filter.blindPassId !== undefined) {
    conditions.push('l.id IN (SELECT letter_id FROM blind_letters WHERE pass_id = @blindPassId AND submitted_at IS NULL)');
    params.blindPassId = filter.blindPassId;
  }
  const match = filter.search === undefined ? null : toFtsQuery(filter.search);
  if (match !== null) {
    conditions.push(`l.id IN (
      SELECT rowid FROM letter_text_fts WHERE letter_text_fts MATCH @match
      UNION SELECT i.letter_id FROM item_fts f JOIN items i ON i.id = f.rowid WHERE item_fts MATCH @match)`);
    params.match = match;
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The year is compared first: the date patterns are then matched only on the letters of that year. */
function decidedInCondition(decidedIn: string, params: Record<string, string | number>): string {
  if (decidedIn === 'unknown') return `(l.decision_date IS NULL OR NOT ${isReadableDate('l.decision_date')})`;
  const years = YEARS.exec(decidedIn)?.groups;
  if (years?.from !== undefined && years.to !== undefined) {
    params.decidedFrom = years.from;
    params.decidedTo = years.to;
    return `(substr(l.decision_date, 7, 4) BETWEEN @decidedFrom AND @decidedTo AND ${isReadableDate('l.decision_date')})`;
  }
  const parts = DECIDED_IN.exec(decidedIn)?.groups;
  if (parts?.year === undefined) throw new InvalidEditError(`A decision period is YYYY, YYYY-MM, YYYY..YYYY or unknown, not "${decidedIn}"`);
  if (parts.month === undefined) {
    params.decidedIn = parts.year;
    return `(substr(l.decision_date, 7, 4) = @decidedIn AND ${isReadableDate('l.decision_date')})`;
  }
  params.decidedIn = `${parts.month}/[0-3][0-9]/${parts.year}`;
  return 'l.decision_date GLOB @decidedIn';
}

/**
 * Letters with one item meeting every criterion at once. A decision or a partial certification
 * alone reads the letter's counts, and one facet (with or without a decision) its counts per
 * facet value; more facets read their index, and the item row is read only when the decision or
 * the partial certification must hold on that same item. `name` keeps each criterion's
 * parameters apart.
 */
function itemCondition(item: ItemCriteria, name: string, params: Record<string, string | number>): string | null {
  const { decision, facets = [] } = item;
  if (decision !== undefined && DECISION_CONDITIONS[decision] === undefined) throw new InvalidEditError(`Unknown decision "${decision}"`);
  const [first, ...others] = facets.map((facet, index) => {
    if (facet.values.length === 0) throw new InvalidEditError(`Facet "${facet.facet}" needs at least one value`);
    const prefix = `${name}f${index}`;
    params[prefix] = facet.facet;
    facet.values.forEach((value, n) => (params[`${prefix}v${n}`] = value));
    return { facet: `@${prefix}`, values: facet.values.map((_, n) => `@${prefix}v${n}`).join(', ') };
  });
  if (first === undefined) {
    if (item.partial === true) return decision === undefined ? 'l.partial_count > 0' : PARTIAL_DECISION_CONDITIONS[decision];
    return decision === undefined ? null : DECISION_CONDITIONS[decision];
  }
  if (others.length === 0 && item.partial !== true) {
    const decided = decision === undefined ? '' : ` AND ${FACET_VALUE_DECISIONS[decision]}`;
    return `l.id IN (SELECT letter_id FROM letter_facets WHERE facet = ${first.facet} AND value IN (${first.values})${decided})`;
  }
  const onRow: string[] = [];
  if (decision === 'none') onRow.push('i.decision IS NULL');
  else if (decision !== undefined) {
    onRow.push(`i.decision = @${name}decision`);
    params[`${name}decision`] = decision;
  }
  if (item.partial === true) onRow.push(PARTIAL_ITEM);
  const sameItem = others.map((other) => `EXISTS (SELECT 1 FROM item_facets o WHERE o.item_id = f.item_id AND o.facet = ${other.facet} AND o.value IN (${other.values}))`);
  const row = onRow.length === 0 ? '' : ` JOIN items i ON i.id = f.item_id`;
  const where = [`f.facet = ${first.facet} AND f.value IN (${first.values})`, ...sameItem, ...onRow].join(' AND ');
  return `l.id IN (SELECT f.letter_id FROM item_facets f${row} WHERE ${where})`;
}
