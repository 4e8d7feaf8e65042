/**
 * Agreement from blind passes: each entered field against the verified value it was compared
 * with, exact agreement with its interval per field, and Cohen's kappa for the decision and the
 * category. A reviewer re-reading letters they verified gives intra-rater agreement; anyone
 * else's, inter-rater.
 */
import type { ItemField, LetterField } from '../../shared/library.ts';
import type { AgreementKind, AgreementSummary, BlindValues, FieldAgreementEstimate, KappaEstimate } from '../../shared/quality.ts';
import type { BlindComparison } from '../storage/index.ts';
import { sameValue } from './measure.ts';
import { clopperPearson, cohensKappa } from './statistics.ts';

type AgreementField = FieldAgreementEstimate['field'];
const KAPPA_FIELDS = ['decision', 'category'] as const;
const NONE = 'none';

/** Every (field, blind value, verified value) one comparison holds. */
function* pairs(blind: BlindValues, verified: BlindValues): Generator<[AgreementField, string | null, string | null]> {
  for (const [field, value] of Object.entries(blind.letter)) yield [field as LetterField, value ?? null, verified.letter[field as LetterField] ?? null];
  for (const [position, item] of blind.items.entries()) {
    for (const [field, value] of Object.entries(item)) yield [field as ItemField | 'category', value ?? null, verified.items[position]?.[field as ItemField] ?? null];
  }
}

export function agreementOf(comparisons: readonly BlindComparison[], confidence: number): AgreementSummary[] {
  const kinds: AgreementKind[] = ['intra', 'inter'];
  return kinds
    .map((kind) => summarise(kind, comparisons.filter((comparison) => (comparison.reviewer === comparison.verifiedBy ? 'intra' : 'inter') === kind), confidence))
    .filter((summary) => summary.letters > 0);
}

function summarise(kind: AgreementKind, comparisons: readonly BlindComparison[], confidence: number): AgreementSummary {
  const counts = new Map<AgreementField, { compared: number; agreed: number }>();
  const tables = new Map<string, Record<string, Record<string, number>>>(KAPPA_FIELDS.map((field) => [field, {}]));
  for (const { blind, verified } of comparisons) {
    for (const [field, blindValue, verifiedValue] of pairs(blind, verified)) {
      const count = counts.get(field) ?? { compared: 0, agreed: 0 };
      count.compared++;
      if (sameValue(blindValue, verifiedValue)) count.agreed++;
      counts.set(field, count);
      const table = tables.get(field);
      if (table) {
        const row = (table[verifiedValue ?? NONE] ??= {});
        row[blindValue ?? NONE] = (row[blindValue ?? NONE] ?? 0) + 1;
      }
    }
  }
  const fields = [...counts].map(([field, { compared, agreed }]) => ({
    field,
    compared,
    agreed,
    share: compared === 0 ? null : agreed / compared,
    interval: clopperPearson(agreed, compared, confidence),
  }));
  const kappas = KAPPA_FIELDS.map((field): KappaEstimate => {
    const { kappa, interval, n } = cohensKappa(tables.get(field) ?? {}, confidence);
    return { field, items: n, kappa, interval };
  }).filter((estimate) => estimate.items > 0);
  return { kind, letters: comparisons.length, fields, kappas };
}
