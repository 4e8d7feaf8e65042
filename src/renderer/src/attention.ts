/**
 * What still needs a person's eye in a letter, in the order the fields pane shows it: every
 * value with an open parser warning or a rule check's finding, and each item nobody has
 * confirmed yet (at its decision). The exception-first keys walk this list.
 */
import type { ItemField, LetterField, StoredLetter, StoredWarning } from '../../shared/library.ts';
import { findingTarget } from './checks.ts';
import type { FieldTarget } from './fields.ts';
import { LETTER_FIELD_ORDER, sameTarget } from './fields.ts';
import { fieldOrder } from './state/fieldOrder.ts';

export interface Attention {
  readonly target: FieldTarget;
  /** Why, in a few words, for the notice when the reviewer jumps there. */
  readonly reason: string;
}

export function openWarnings(warnings: readonly StoredWarning[]): StoredWarning[] {
  return warnings.filter((warning) => warning.resolved === undefined);
}

/** Every value needing attention, each target once, in field order. */
export function valuesNeedingAttention(letter: StoredLetter): Attention[] {
  if (letter.status === 'verified') return [];
  const order = fieldOrder(letter);
  const reasons = new Map<string, Attention>();
  const add = (target: FieldTarget, reason: string) => {
    const key = JSON.stringify(target);
    if (!reasons.has(key)) reasons.set(key, { target, reason });
  };
  for (const warning of openWarnings(letter.warnings)) {
    const field = LETTER_FIELD_ORDER.includes(warning.field as LetterField) ? (warning.field as LetterField) : LETTER_FIELD_ORDER[0]!;
    add({ kind: 'letter', field }, warning.message);
  }
  for (const item of letter.items) {
    const fields = new Set(order.flatMap((target) => (target.kind === 'item' && target.itemId === item.id ? [target.field] : [])));
    for (const warning of openWarnings(item.warnings)) {
      const field = fields.has(warning.field as ItemField) ? (warning.field as ItemField) : 'decision';
      add({ kind: 'item', itemId: item.id, field }, warning.message);
    }
    if (item.status === 'unreviewed') add({ kind: 'item', itemId: item.id, field: 'decision' }, 'not confirmed yet');
  }
  for (const finding of letter.checks) {
    const target = findingTarget(letter, finding);
    if (target) add(target, finding.message);
  }
  const rank = (target: FieldTarget) => order.findIndex((candidate) => sameTarget(candidate, target));
  return [...reasons.values()].sort((a, b) => rank(a.target) - rank(b.target));
}

/** The next (or previous) value needing attention after `from`, wrapping around; null when nothing needs it. */
export function stepAttention(letter: StoredLetter, from: FieldTarget | null, step: 1 | -1): Attention | null {
  const list = valuesNeedingAttention(letter);
  if (list.length === 0) return null;
  const order = fieldOrder(letter);
  const here = from ? order.findIndex((candidate) => sameTarget(candidate, from)) : -1;
  const rankOf = (attention: Attention) => order.findIndex((candidate) => sameTarget(candidate, attention.target));
  if (step === 1) return list.find((attention) => rankOf(attention) > here) ?? list[0]!;
  return [...list].reverse().find((attention) => here < 0 || rankOf(attention) < here) ?? list.at(-1)!;
}
