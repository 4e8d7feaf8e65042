/**
 * Bringing every letter's derived values to this app's rules when the library's are older (see
 * DERIVED_VERSION) or were worked out under other check settings: in letter-id order, a slice
 * at a time, each slice one transaction that also records how far it got, so the library
 * server answers requests between slices and the next open goes on where a closed or killed
 * one stopped. Until its turn a letter's stored values
 * are an older version's: `staleAfterId` says which, so an export works those out itself.
 */
import type { StoredLetter } from '../../shared/library.ts';
import { DERIVED_VERSION, deriveValues } from '../letters/derive.ts';
import type { Db, RecordFreshener } from '../storage/index.ts';
import { countLettersUpTo, derivableFingerprint, getJsonSetting, inWriteTransaction, letterIdsAfter, nowIso, readDerived, setJsonSetting, writeDerived } from '../storage/index.ts';
import { checkSettings, derivableOf, refreshDerived, withVocabulary } from './derived.ts';

/** The version every letter's derived values are at (set once the last slice is done). */
const VERSION_KEY = 'derived_version';
/** When the update to that version began: older review changes hold older derived values in their images. */
const SINCE_KEY = 'derived_since';
/** How far the refresh to a newer version has got. */
const PROGRESS_KEY = 'derived_refresh';
/** Letters read per slice; the time budget usually ends a slice first. */
const SLICE_LETTERS = 500;

interface Progress {
  readonly version: string;
  /** Every letter with an id up to this one has this version's values. */
  readonly afterId: number;
  readonly since: string;
}

export interface DerivedBacklog {
  /** Letters done, of the library's letters. */
  readonly done: number;
  readonly total: number;
}

/** The app's rules and the library's check settings: a change to either works every letter out again. */
function derivedVersion(db: Db): string {
  return `${DERIVED_VERSION}+settings-${JSON.stringify(checkSettings(db))}`;
}

function progress(db: Db): Progress | null {
  const version = derivedVersion(db);
  if (getJsonSetting<string>(db, VERSION_KEY) === version) return null;
  const saved = getJsonSetting<Progress>(db, PROGRESS_KEY);
  return saved?.version === version ? saved : { version, afterId: 0, since: nowIso() };
}

/** Letters with an id above this have an older version's derived values; null when none has. */
export function staleAfterId(db: Db): number | null {
  return progress(db)?.afterId ?? null;
}

/** How far the refresh has got; null when every letter is current. */
export function derivedBacklog(db: Db): DerivedBacklog | null {
  const at = progress(db);
  if (!at) return null;
  const { total, upTo } = countLettersUpTo(db, at.afterId);
  return { done: upTo, total };
}

/**
 * Works out the next letters' derived values, one transaction, until `budgetMs` has passed (at
 * least one letter); returns the backlog left, null once every letter is current.
 */
export function refreshDerivedSlice(db: Db, budgetMs: number): DerivedBacklog | null {
  const at = progress(db);
  if (!at) return null;
  const started = performance.now();
  inWriteTransaction(db, () => {
    const ids = letterIdsAfter(db, at.afterId, SLICE_LETTERS);
    let afterId = at.afterId;
    for (const id of ids) {
      refreshDerived(db, id);
      afterId = id;
      if (performance.now() - started >= budgetMs) break;
    }
    const finished = ids.length < SLICE_LETTERS && afterId === (ids.at(-1) ?? afterId);
    if (finished) {
      setJsonSetting(db, VERSION_KEY, at.version);
      setJsonSetting(db, SINCE_KEY, at.since);
    }
    setJsonSetting(db, PROGRESS_KEY, { ...at, afterId } satisfies Progress);
  });
  return derivedBacklog(db);
}

/**
 * After an undo or redo: a change made before the update to this version began wrote back an
 * older version's derived values with its rows, so its letters' are worked out again.
 */
export function rederiveAfterStep(db: Db, changedAt: string, letterIds: readonly number[]): void {
  const since = progress(db)?.since ?? getJsonSetting<string>(db, SINCE_KEY);
  if (since === null || changedAt >= since) return;
  inWriteTransaction(db, () => {
    for (const letterId of letterIds) refreshDerived(db, letterId);
  });
}

/** The whole refresh at once (a new library, the benchmarks, tests); returns the letters it did. */
export function bringDerivedUpToDate(db: Db): number {
  const before = derivedBacklog(db);
  while (refreshDerivedSlice(db, Number.POSITIVE_INFINITY) !== null);
  return before ? before.total - before.done : 0;
}

/** The letter as the reviewer sees it: items read by the vocabulary, checks worked out now when its stored ones are an older version's. */
export function letterAsReviewed(db: Db, letter: StoredLetter): StoredLetter {
  const after = staleAfterId(db);
  const current = after === null || letter.id <= after ? letter : { ...letter, checks: deriveValues(derivableOf(letter), checkSettings(db)).checks };
  return withVocabulary(current);
}

/** For an export: works out the checks and structure of letters whose stored ones are an older version's; undefined while none is. */
export function freshenStaleRecords(db: Db): RecordFreshener | undefined {
  const after = staleAfterId(db);
  if (after === null) return undefined;
  const settings = checkSettings(db);
  return (letterId, letter) => {
    if (letterId <= after) return letter;
    const derived = deriveValues(
      {
        caseNumber: letter.caseNumber,
        header: letter.header,
        reviewerLicensure: letter.reviewerLicensure,
        items: letter.items.map((item) => ({
          ...item,
          originalRequest: item.partial?.originalRequest ?? null,
          authorizedByClaimsAdministrator: item.partial?.authorizedByClaimsAdministrator ?? null,
          imrEligiblePortion: item.partial?.imrEligiblePortion ?? null,
          corrections: item.structureCorrections,
        })),
      },
      settings,
    );
    return { ...letter, checks: derived.checks, items: letter.items.map((item, index) => ({ ...item, structure: derived.items[index]?.structure ?? item.structure })) };
  };
}

/**
 * How a change that copies letters from another library (a package merged back) works their
 * derived values out: taken from that library where the letter reads there exactly as it now
 * does here and both are current under the same rules and settings (the same inputs give the
 * same values, without reading every item again), worked out afresh otherwise.
 */
export function deriveFromCopy(db: Db, source: Db): (letterId: number) => void {
  const sameRules = staleAfterId(source) === null && derivedVersion(source) === derivedVersion(db);
  return (letterId) => {
    const copied = sameRules && derivableFingerprint(db, letterId) === derivableFingerprint(source, letterId) ? readDerived(source, letterId) : null;
    if (copied) writeDerived(db, letterId, copied);
    else refreshDerived(db, letterId);
  };
}
