/**
 * What an edit does to one field of a letter or item: its new value and source spans, the
 * parser's original kept the first time a person changes it, and the edited mark, which is on
 * exactly when the value differs from the parser's. Pure: the services write the plan.
 */
import type { Span, SourceSpans } from '../../shared/letter.ts';
import { enteredDate, isDateField } from '../../shared/dates.ts';
import { LETTER_FIELD_LABELS } from '../../shared/fieldLabels.ts';
import { foldWhitespace } from '../../shared/fold.ts';
import type { ChangeDetails, Resolution, StoredWarning } from '../../shared/library.ts';
import type { EditableState, OriginalValue, StateWrite } from '../storage/index.ts';
import { InvalidEditError } from '../storage/index.ts';
import { foldSpans, isInsideText, locateValue, sameSpans } from './provenance.ts';

/**
 * A typed value, or text selected in the source (its folded text becomes the value). A selection
 * on the page can take several stretches of the text, in the order the page shows them (where
 * the text's reading order departs from the page): their texts are joined by a space.
 */
export type FieldInput = { readonly value: string | null } | { readonly selection: Span } | { readonly selections: SourceSpans };

export interface FieldPlan<F extends string> {
  readonly write: StateWrite<F>;
  readonly details: ChangeDetails;
}

export interface PlanContext {
  /** The letter's source text. */
  readonly text: string;
  /** A reviewer-written item has no parser values: every value it holds is a person's. */
  readonly addedByReviewer: boolean;
  /** Who answers the field's warnings by setting it, and when; null when the change is not a person's answer (a split, a merge). */
  readonly resolvedBy: Resolution | null;
}

/** The value an input gives the field. */
export function inputValue(input: FieldInput, text: string): string | null {
  if ('value' in input) return input.value === null || input.value.trim() === '' ? null : input.value;
  const spans = selectedSpans(input) as SourceSpans;
  for (const span of spans) {
    if (!isInsideText(span, text)) throw new InvalidEditError(`The selection [${span[0]}, ${span[1]}) is not inside the letter's text (${text.length} characters)`);
  }
  if (spans.some((span, i) => spans.some((other, j) => i !== j && span[0] < other[1] && other[0] < span[1]))) {
    throw new InvalidEditError('The selection takes some of the text twice');
  }
  const [only] = spans;
  const value = spans.length === 1 && only ? foldWhitespace(text.slice(only[0], only[1])) : foldSpans(text, spans).text;
  if (value === '') throw new InvalidEditError('The selection holds only white space');
  return value;
}

function selectedSpans(input: FieldInput): SourceSpans | null {
  if ('selection' in input) return [input.selection];
  if ('selections' in input) return input.selections;
  return null;
}

/** The plan for setting `field` from `input`, or null when it changes nothing. */
export function planFieldEdit<F extends string>(state: EditableState<F>, field: F, input: FieldInput, context: PlanContext): FieldPlan<F> | null {
  const value = checkedDate(field, inputValue(input, context.text));
  const parser = parserValueOf(state, field, context.addedByReviewer);
  const { spans, source } = newSource(input, value, parser, state.spans[field] ?? null, context.text);
  return planFieldValue(state, field, { value, spans, source }, context);
}

/**
 * A date field takes a date the exports can read, refused at once otherwise: a value kept here
 * and read as missing by every tabular export later would be a date lost without a word.
 */
export function checkedDate(field: string, value: string | null): string | null {
  if (value === null || !isDateField(field)) return value;
  const date = enteredDate(value);
  if (date === null) {
    throw new InvalidEditError(`${LETTER_FIELD_LABELS[field]} takes a date as MM/DD/YYYY (as letters print it) or YYYY-MM-DD, not "${value}"; leave it empty when the letter gives none`);
  }
  return date;
}

export interface NewFieldValue {
  readonly value: string | null;
  readonly spans: SourceSpans | null;
  readonly source: NonNullable<ChangeDetails['source']>;
}

/**
 * The plan for giving `field` a value with known source spans (an edit, or one side of a split
 * or merge), or null when it changes nothing. Plans for several fields of one row chain: pass
 * the state as the previous plan leaves it (see `applyPlan`).
 */
export function planFieldValue<F extends string>(state: EditableState<F>, field: F, next: NewFieldValue, context: PlanContext): FieldPlan<F> | null {
  const current = state.values[field];
  const currentSpans = state.spans[field] ?? null;
  if (next.value === current && sameSpans(next.spans, currentSpans)) return null;
  const parser = parserValueOf(state, field, context.addedByReviewer);
  const original: Partial<Record<F, OriginalValue>> = { ...state.original };
  if (parser.kind === 'parser' && !state.original[field]) original[field] = parser.value;
  const humanEdited = new Set(state.humanEdited);
  if (isEdited(next.value, parser)) humanEdited.add(field);
  else humanEdited.delete(field);
  const allSpans = { ...state.spans };
  if (next.spans && next.spans.length > 0) allSpans[field] = next.spans;
  else delete allSpans[field];
  return {
    write: {
      values: { [field]: next.value } as Partial<Record<F, string | null>>,
      spans: allSpans,
      original,
      humanEdited: [...humanEdited],
      warnings: context.resolvedBy ? resolveWarnings(state.warnings, (warning) => warning.field === field, context.resolvedBy) : state.warnings,
    },
    details: { field, from: current, to: next.value, source: next.source },
  };
}

/** The state as a plan leaves it, for planning the next field of the same row. */
export function applyPlan<F extends string, S extends EditableState<F>>(state: S, plan: FieldPlan<F> | null): S {
  if (!plan) return state;
  const { values, spans, original, humanEdited, warnings } = plan.write;
  return {
    ...state,
    values: { ...state.values, ...values },
    spans: spans ?? state.spans,
    original: original ?? state.original,
    humanEdited: humanEdited ?? state.humanEdited,
    warnings: warnings ?? state.warnings,
  };
}

/**
 * What the parser read for a field: recorded when a person first changed it, else the current
 * value while nobody has. A reviewer's item has none (its values are all a person's), and a
 * field marked edited whose original was never kept (a letter from a dataset) is unknown.
 */
type ParserValue = { readonly kind: 'parser'; readonly value: OriginalValue } | { readonly kind: 'none' } | { readonly kind: 'unknown' };

function parserValueOf<F extends string>(state: EditableState<F>, field: F, addedByReviewer: boolean): ParserValue {
  const recorded = state.original[field];
  if (recorded) return { kind: 'parser', value: recorded };
  if (addedByReviewer) return { kind: 'none' };
  if (state.humanEdited.includes(field)) return { kind: 'unknown' };
  const spans = state.spans[field];
  return { kind: 'parser', value: spans ? { value: state.values[field], spans } : { value: state.values[field] } };
}

function isEdited(value: string | null, parser: ParserValue): boolean {
  if (parser.kind === 'none') return value !== null;
  if (parser.kind === 'unknown') return true;
  return value !== parser.value.value;
}

function newSource(
  input: FieldInput,
  value: string | null,
  parser: ParserValue,
  currentSpans: SourceSpans | null,
  text: string,
): { spans: SourceSpans | null; source: NonNullable<ChangeDetails['source']> } {
  const selected = selectedSpans(input);
  if (selected) return { spans: selected, source: 'selection' };
  if (value === null) return { spans: null, source: 'none' };
  if (parser.kind === 'parser' && value === parser.value.value && parser.value.spans) return { spans: parser.value.spans, source: 'parser' };
  const kept = currentSpans && locateValue(text, currentSpans, value);
  return kept ? { spans: kept, source: 'kept' } : { spans: null, source: 'none' };
}

/** A warning belongs to its value: once a person has set or confirmed the value, it is answered (and kept, marked so). */
export function resolveWarnings(warnings: readonly StoredWarning[], concerns: (warning: StoredWarning) => boolean, by: Resolution): StoredWarning[] {
  return warnings.map((warning) => (warning.resolved || !concerns(warning) ? warning : { ...warning, resolved: by }));
}
