/**
 * Blind re-review: verified letters re-read with their values hidden, what the reviewer enters
 * compared with the verified values, and every disagreement put on the adjudication list (the
 * conflicts list, with the pass it came from), where a person decides it as a change like any other.
 */
import { enteredDate, isDateField } from '../../shared/dates.ts';
import { DECISIONS } from '../../shared/letter.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import { SERVICE_CATEGORIES } from '../../shared/vocabulary.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { BlindItemValues, BlindLetter, BlindMode, BlindPass, BlindValues, SubmitBlindResult } from '../../shared/quality.ts';
import type { Db } from '../storage/index.ts';
import {
  blindEntry,
  getBlindPass,
  getLetter,
  inWriteTransaction,
  insertBlindPass,
  InvalidEditError,
  itemCategories,
  letterLabel,
  NotFoundError,
  readLetterEvidence,
  recordConflict,
  writeBlindEntry,
} from '../storage/index.ts';
import { sameValue } from './measure.ts';

export function startBlindPass(db: Db, reviewer: string, mode: BlindMode, letterIds: readonly number[]): BlindPass {
  return getBlindPass(db, insertBlindPass(db, reviewer, mode, letterIds));
}

/** The letter as the pass shows it; null when the letter is not in the pass. */
export function blindLetter(db: Db, passId: number, letterId: number): BlindLetter | null {
  const pass = getBlindPass(db, passId);
  const submitted = blindEntry(db, passId, letterId);
  if (submitted === undefined) return null;
  const evidence = readLetterEvidence(db, letterId);
  if (!evidence) return null;
  return {
    passId,
    mode: pass.mode,
    letterId,
    label: letterLabel(db, letterId),
    services: pass.mode === 'decision' ? evidence.items.map((item) => item.fields.service.now) : null,
    itemCount: evidence.items.length,
    submitted,
  };
}

type Compared = { readonly field: LetterField | ItemField | 'category'; readonly itemPosition: number | null; readonly blind: string | null; readonly verified: string | null };

/** The fields the pass asks for: every one given in 'fields' mode, the decisions in 'decision' mode. */
function comparedFields(mode: BlindMode, values: BlindValues, verified: { letter: Record<LetterField, string | null>; items: BlindItemValues[] }): Compared[] {
  const compared: Compared[] = [];
  if (mode === 'fields') {
    for (const field of LETTER_FIELDS) {
      if (field in values.letter) compared.push({ field, itemPosition: null, blind: asKept(field, values.letter[field] ?? null), verified: verified.letter[field] });
    }
  }
  values.items.forEach((item, position) => {
    const fields = mode === 'decision' ? (['decision'] as const) : ([...ITEM_FIELDS, 'category'] as const);
    for (const field of fields) {
      if (field in item) compared.push({ field, itemPosition: position, blind: item[field] ?? null, verified: verified.items[position]?.[field] ?? null });
    }
  });
  return compared;
}

export function submitBlindLetter(db: Db, passId: number, letterId: number, values: BlindValues): SubmitBlindResult {
  return inWriteTransaction(db, () => {
    const pass = getBlindPass(db, passId);
    const entered = blindEntry(db, passId, letterId);
    if (entered === undefined) throw new NotFoundError('letter of blind pass', letterId);
    if (entered !== null) throw new InvalidEditError(`${letterLabel(db, letterId)} was already entered in blind pass ${passId}`);
    const letter = getLetter(db, letterId);
    const evidence = readLetterEvidence(db, letterId);
    if (!letter || !evidence) throw new NotFoundError('letter', letterId);
    if (letter.status !== 'verified') throw new InvalidEditError(`${letterLabel(db, letterId)} is no longer verified: verify it again before its blind entry is compared`);
    if (values.items.length !== evidence.items.length) {
      throw new InvalidEditError(`${letterLabel(db, letterId)} has ${evidence.items.length} items; the entry gives ${values.items.length}`);
    }
    checkChoices(values);
    const categories = itemCategories(db, letterId);
    const verified = {
      letter: Object.fromEntries(LETTER_FIELDS.map((field) => [field, evidence.fields[field].now])) as Record<LetterField, string | null>,
      items: evidence.items.map((item, position) => ({ ...Object.fromEntries(ITEM_FIELDS.map((field) => [field, item.fields[field].now])), category: categories[position] ?? null })),
    };
    const compared = comparedFields(pass.mode, values, verified);
    let disagreements = 0;
    for (const value of compared) {
      if (sameValue(value.blind, value.verified)) continue;
      disagreements++;
      recordConflict(db, {
        letterId,
        itemPosition: value.itemPosition,
        field: value.field,
        ours: value.verified,
        theirs: value.blind,
        theirReviewer: pass.reviewer,
        source: `blind pass ${passId}`,
        blindPassId: passId,
      });
    }
    writeBlindEntry(db, passId, letterId, { blind: pick(compared, 'blind'), verified: pick(compared, 'verified'), verifiedBy: letter.verifiedBy });
    return { compared: compared.length, agreed: compared.length - disagreements, disagreements };
  });
}

/** A date typed as ISO is the date the letter prints as MM/DD/YYYY, as the library keeps what a person types (src/shared/dates.ts). */
function asKept(field: LetterField, value: string | null): string | null {
  return value !== null && isDateField(field) ? (enteredDate(value) ?? value) : value;
}

/** A decision and a category are one of their terms (or none), as anywhere else in the library. */
function checkChoices(values: BlindValues): void {
  const categories = SERVICE_CATEGORIES.map((term) => term.id as string);
  values.items.forEach((item, position) => {
    const { decision, category } = item;
    if (decision != null && !(DECISIONS as readonly string[]).includes(decision)) throw new InvalidEditError(`Item ${position + 1}: a decision is ${DECISIONS.join(' or ')}, not "${decision}"`);
    if (category != null && !categories.includes(category)) throw new InvalidEditError(`Item ${position + 1}: "${category}" is not a service category`);
  });
}

/** One side of the compared fields, in the shape entered. */
function pick(compared: readonly Compared[], side: 'blind' | 'verified'): BlindValues {
  const letter: Partial<Record<LetterField, string | null>> = {};
  const items: Partial<Record<ItemField | 'category', string | null>>[] = [];
  for (const value of compared) {
    if (value.itemPosition === null) letter[value.field as LetterField] = value[side];
    else (items[value.itemPosition] ??= {})[value.field as ItemField | 'category'] = value[side];
  }
  return { letter, items: Array.from(items, (item) => item ?? {}) };
}
