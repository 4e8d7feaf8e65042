/**
 * Keeping the derived values (rule checks, vocabulary facets) true to the values they come
 * from: worked out again inside every change (and, when the app's rules are newer than the
 * library's, for every letter: derivedRefresh.ts).
 */
import type { ItemVocabulary } from '../../shared/derived.ts';
import type { StoredItem, StoredLetter } from '../../shared/library.ts';
import type { CheckSettings } from '../letters/checks/index.ts';
import { DEFAULT_CHECK_SETTINGS } from '../letters/checks/index.ts';
import { deriveValues, letterVocabularies } from '../letters/derive.ts';
import type { DerivableLetter } from '../letters/derive.ts';
import type { ChangeRequest, ChangeWork, Db } from '../storage/index.ts';
import { getJsonSetting, getLetter, runChange, setJsonSetting, writeDerived } from '../storage/index.ts';

const CHECK_SETTINGS_KEY = 'check_settings';

/** The rule checks' settings of this library: its own where set, else the documented defaults. */
export function checkSettings(db: Db): CheckSettings {
  const own = getJsonSetting<Partial<CheckSettings>>(db, CHECK_SETTINGS_KEY);
  return { ...DEFAULT_CHECK_SETTINGS, ...own };
}

/**
 * Sets the library's check settings. Every letter's findings are then worked out again in the
 * background, as after an app update (derivedRefresh.ts: the settings are part of the version).
 */
export function setCheckSettings(db: Db, settings: CheckSettings): void {
  setJsonSetting(db, CHECK_SETTINGS_KEY, settings);
}

export function derivableOf(letter: StoredLetter): DerivableLetter {
  return {
    caseNumber: letter.caseNumber,
    header: letter.header,
    reviewerLicensure: letter.reviewerLicensure,
    items: letter.items.map((item) => ({ ...item, corrections: item.structureCorrections })),
  };
}

/** Works the letter's derived values out again from what is stored now. */
export function refreshDerived(db: Db, letterId: number): void {
  const letter = getLetter(db, letterId);
  if (letter) writeDerived(db, letterId, deriveValues(derivableOf(letter), checkSettings(db)));
}

/**
 * A change to one letter, with its derived values worked out again inside it: a fixed date
 * clears its check, and undo puts the old findings back with the old values.
 */
export function change<T>(db: Db, request: Omit<ChangeRequest, 'derive'>, work: ChangeWork<T>) {
  return runChange(db, { ...request, derive: (letterId) => refreshDerived(db, letterId) }, work);
}

/** The letter as the reviewer sees it: each item with its fields read by the vocabulary. */
export function withVocabulary(letter: StoredLetter): StoredLetter {
  const vocabularies = letterVocabularies(letter.items.map((item) => ({ ...item, corrections: item.structureCorrections })));
  return { ...letter, items: letter.items.map((item, index): StoredItem => ({ ...item, vocabulary: vocabularies[index] as ItemVocabulary })) };
}
