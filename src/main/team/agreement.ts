/**
 * Agreement between reviewers from double review: the letters two packages both brought back
 * verified, compared value by value (items by position where both have as many), per pair of
 * reviewers, with exact intervals, Cohen's kappa on the decisions, and how often their statuses
 * (verified, flagged) agreed on every letter both decided.
 */
import type { ExportedLetter } from '../../shared/export.ts';
import type { FieldAgreementEstimate, KappaEstimate } from '../../shared/quality.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { PairAgreement } from '../../shared/team.ts';
import { itemFieldValue, letterFieldValue, statusValue } from '../export/index.ts';
import { clopperPearson, cohensKappa, DEFAULT_CONFIDENCE } from '../quality/index.ts';
import type { ConfusionTable } from '../quality/index.ts';
import type { Db } from '../storage/index.ts';
import { returnedPairs } from '../storage/index.ts';

type Field = FieldAgreementEstimate['field'];
const NO_DECISION = 'none';

interface PairTally {
  readonly reviewers: [string, string];
  letters: number;
  statusCompared: number;
  statusAgreed: number;
  readonly fields: Map<Field, { compared: number; agreed: number }>;
  readonly decisions: Record<string, Record<string, number>>;
}

export function packageAgreement(db: Db, confidence = DEFAULT_CONFIDENCE): PairAgreement[] {
  const pairs = new Map<string, PairTally>();
  for (const pair of returnedPairs(db)) {
    // Each pair of reviewers once, in name order, whichever package was made first.
    const swap = pair.reviewers[0] > pair.reviewers[1];
    const reviewers: [string, string] = swap ? [pair.reviewers[1], pair.reviewers[0]] : [pair.reviewers[0], pair.reviewers[1]];
    const [a, b] = swap ? [pair.records[1], pair.records[0]] : pair.records;
    const key = JSON.stringify(reviewers);
    let tally = pairs.get(key);
    if (!tally) pairs.set(key, (tally = { reviewers, letters: 0, statusCompared: 0, statusAgreed: 0, fields: new Map(), decisions: {} }));
    compare(tally, a, b);
  }
  return [...pairs.values()].map((tally) => summarise(tally, confidence));
}

function compare(tally: PairTally, a: ExportedLetter, b: ExportedLetter): void {
  const [statusA, statusB] = [statusValue(a), statusValue(b)];
  if (statusA !== null && statusB !== null) {
    tally.statusCompared++;
    if (statusA === statusB) tally.statusAgreed++;
  }
  if (a.status !== 'verified' || b.status !== 'verified') return;
  tally.letters++;
  const count = (field: Field, same: boolean) => {
    const counter = tally.fields.get(field) ?? { compared: 0, agreed: 0 };
    counter.compared++;
    if (same) counter.agreed++;
    tally.fields.set(field, counter);
  };
  for (const field of LETTER_FIELDS) count(field, letterFieldValue(a, field) === letterFieldValue(b, field));
  if (a.items.length !== b.items.length) return;
  a.items.forEach((itemA, position) => {
    const itemB = b.items[position];
    if (!itemB) return;
    for (const field of ITEM_FIELDS) count(field, itemFieldValue(itemA, field) === itemFieldValue(itemB, field));
    if (itemA.structure && itemB.structure) count('category', itemA.structure.category === itemB.structure.category);
    const row = (tally.decisions[itemA.decision ?? NO_DECISION] ??= {});
    row[itemB.decision ?? NO_DECISION] = (row[itemB.decision ?? NO_DECISION] ?? 0) + 1;
  });
}

function summarise(tally: PairTally, confidence: number): PairAgreement {
  const fields = [...tally.fields].map(([field, { compared, agreed }]) => ({
    field,
    compared,
    agreed,
    share: compared === 0 ? null : agreed / compared,
    interval: clopperPearson(agreed, compared, confidence),
  }));
  const { kappa, interval, n } = cohensKappa(tally.decisions as ConfusionTable, confidence);
  const kappas: KappaEstimate[] = n > 0 ? [{ field: 'decision', items: n, kappa, interval }] : [];
  const statusInterval = clopperPearson(tally.statusAgreed, tally.statusCompared, confidence);
  return { reviewers: tally.reviewers, letters: tally.letters, statusCompared: tally.statusCompared, statusAgreed: tally.statusAgreed, statusInterval, fields, kappas };
}
