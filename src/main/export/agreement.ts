/**
 * Agreement between two reviewers' datasets (libraries or JSONL exports): for letters verified
 * on both sides (matched by sha256), per-field agreement, and Cohen's kappa on the item
 * decisions (items matched by position). Both sides are read in sha256 order and merged as
 * they stream, so neither is held in memory.
 */
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { AgreementReport, ExportedLetter, FieldAgreement } from '../../shared/export.ts';
import type { Db } from '../storage/index.ts';
import { readRecords } from '../storage/index.ts';
import { DatasetFileError, readDatasetFile } from './datasetFile.ts';
import { itemFieldValue, letterFieldValue } from './fieldValues.ts';
import { cohensKappa, DEFAULT_CONFIDENCE } from '../quality/index.ts';
import { scopeFilter } from './scope.ts';

/** The verified letters of a library, in sha256 order. */
export async function* verifiedLettersOf(db: Db): AsyncGenerator<ExportedLetter> {
  yield* readRecords(db, scopeFilter('verified'), false);
}

/** The verified letters of a JSONL export, which must be in sha256 order (as exports are written). */
export async function* verifiedLettersInFile(file: string): AsyncGenerator<ExportedLetter> {
  let previous = '';
  for await (const letter of readDatasetFile(file)) {
    if (letter.sha256 <= previous) throw new DatasetFileError(`${file}: letters are not in sha256 order; compare exports as written`);
    previous = letter.sha256;
    if (letter.status === 'verified') yield letter;
  }
}

const NO_DECISION = 'none';

class Counter {
  compared = 0;
  agreed = 0;
  add(same: boolean): void {
    this.compared++;
    if (same) this.agreed++;
  }
}

export async function compareDatasets(ours: AsyncIterable<ExportedLetter>, theirs: AsyncIterable<ExportedLetter>): Promise<AgreementReport> {
  const letterFields = new Map(LETTER_FIELDS.map((field) => [field, new Counter()]));
  const itemFields = new Map(ITEM_FIELDS.map((field) => [field, new Counter()]));
  const decisions: Record<string, Record<string, number>> = {};
  let letters = 0;
  let itemCountAgreed = 0;
  let items = 0;
  for await (const [a, b] of matchBySha256(ours, theirs)) {
    letters++;
    if (a.items.length === b.items.length) itemCountAgreed++;
    for (const [field, counter] of letterFields) counter.add(letterFieldValue(a, field) === letterFieldValue(b, field));
    const matched = Math.min(a.items.length, b.items.length);
    for (let position = 0; position < matched; position++) {
      const itemA = a.items[position];
      const itemB = b.items[position];
      if (!itemA || !itemB) continue;
      items++;
      for (const [field, counter] of itemFields) counter.add(itemFieldValue(itemA, field) === itemFieldValue(itemB, field));
      const row = (decisions[itemA.decision ?? NO_DECISION] ??= {});
      const theirDecision = itemB.decision ?? NO_DECISION;
      row[theirDecision] = (row[theirDecision] ?? 0) + 1;
    }
  }
  const fields: FieldAgreement[] = [...letterFields, ...itemFields].map(([field, { compared, agreed }]) => ({
    field,
    compared,
    agreed,
    percent: compared === 0 ? null : (100 * agreed) / compared,
  }));
  return { letters, itemCountAgreed, items, fields, decisionKappa: cohensKappa(decisions, DEFAULT_CONFIDENCE).kappa, decisionTable: decisions };
}

/** Pairs of letters with the same sha256 from two streams sorted by sha256. */
async function* matchBySha256(
  ours: AsyncIterable<ExportedLetter>,
  theirs: AsyncIterable<ExportedLetter>,
): AsyncGenerator<[ExportedLetter, ExportedLetter]> {
  const left = ours[Symbol.asyncIterator]();
  const right = theirs[Symbol.asyncIterator]();
  let a = await left.next();
  let b = await right.next();
  try {
    while (!a.done && !b.done) {
      if (a.value.sha256 === b.value.sha256) {
        yield [a.value, b.value];
        a = await left.next();
        b = await right.next();
      } else if (a.value.sha256 < b.value.sha256) {
        a = await left.next();
      } else {
        b = await right.next();
      }
    }
  } finally {
    await left.return?.(undefined);
    await right.return?.(undefined);
  }
}
