/**
 * Where a service applies: body parts with their side, the service's laterality, and spine
 * levels ("L4-S1" covers the motion segments L4-5 and L5-S1).
 */
import type { Span } from '../../../shared/letter.ts';
import type { BodyPartMention, Laterality, NormalisedValue, SpineLevels, VocabularyWarning } from '../../../shared/vocabulary.ts';
import { BODY_PARTS, SPINE_LEVELS } from './data/anatomy.ts';
import { aliasesIn, aliasIndex, fieldOf, hitsOf } from './text.ts';

const BODY_INDEX = aliasIndex(BODY_PARTS.flatMap((part) => part.aliases.map((alias) => [alias, part] as const)));

const SIDES: readonly { readonly pattern: RegExp; readonly side: Laterality }[] = [
  { pattern: /\b(?:bilateral(?:ly)?|both|(?:left|right)\s+and\s+(?:left|right))\b/gi, side: 'bilateral' },
  { pattern: /\b(?:left|Lt\.?)(?![\w])/gi, side: 'left' },
  { pattern: /\b(?:right|Rt\.?)(?![\w])/gi, side: 'right' },
];
/** A side applies to the body parts after it until a full stop, a semicolon or another side word. */
const SIDE_SCOPE_END = /[.;]/;

/** Levels "C5", "L4-5", "L4-L5", "L5-S1", "T12-L1"; upper case only, as services print them. */
const SPINE = /\b([CTLS])(\d{1,2})(?:\s*-\s*([CTLS])?(\d{1,2}))?\b/g;
/** Longest range taken as a range of levels; longer ones are printing errors. */
const MAX_SEGMENTS = 8;

export interface Anatomy {
  readonly bodyParts: BodyPartMention[];
  readonly laterality: NormalisedValue<Laterality> | null;
  readonly spineLevels: SpineLevels[];
  readonly warnings: VocabularyWarning[];
}

export function readAnatomy(text: string): Anatomy {
  const sides = SIDES.flatMap(({ pattern, side }) => hitsOf(text, pattern).map((hit) => ({ side, span: [hit.start, hit.end] as Span })))
    .sort((a, b) => a.span[0] - b.span[0])
    .filter((mention, index, all) => !all.slice(0, index).some((earlier) => mention.span[0] < earlier.span[1]));
  const bodyParts = aliasesIn(text, BODY_INDEX).map((hit): BodyPartMention => {
    const side = sides.filter((mention) => mention.span[1] <= hit.span[0] && !SIDE_SCOPE_END.test(text.slice(mention.span[1], hit.span[0]))).at(-1);
    return { id: hit.value.id, name: hit.value.name, laterality: hit.value.midline ? null : (side?.side ?? null), span: hit.span };
  });
  const warnings: VocabularyWarning[] = [];
  const spineLevels = hitsOf(text, SPINE).flatMap((hit) => {
    const levels = spineRange(hit.match);
    if (levels?.length === 0) return [];
    if (levels === null) {
      warnings.push({ code: 'spine-range-invalid', message: `"${hit.match[0]}" is not a range of spine levels.`, span: [hit.start, hit.end] });
      return [];
    }
    return [{ printed: fieldOf(text, [hit.start, hit.end]), levels }];
  });
  return { bodyParts, laterality: overallSide(sides), spineLevels, warnings };
}

/** The motion segments of a range, the single level printed ([] for no known level), or null for a range that is not one. */
function spineRange(match: RegExpExecArray): string[] | null {
  const [, region, number, endRegion, endNumber] = match;
  const first = SPINE_LEVELS.indexOf(`${region}${number}`);
  if (endNumber === undefined) return first === -1 ? [] : [`${region}${number}`];
  const last = SPINE_LEVELS.indexOf(`${endRegion ?? region}${endNumber}`);
  if (first === -1 || last === -1 || last <= first || last - first > MAX_SEGMENTS) return null;
  return SPINE_LEVELS.slice(first, last).map((upper, index) => segmentName(upper, SPINE_LEVELS[first + index + 1] as string));
}

/** "L4" + "L5" is "L4-5"; across regions the lower level keeps its letter: "L5-S1". */
function segmentName(upper: string, lower: string): string {
  return upper[0] === lower[0] ? `${upper}-${lower.slice(1)}` : `${upper}-${lower}`;
}

/** One side when only one is printed; bilateral when "bilateral" (or "both") is printed, or both sides are. */
function overallSide(sides: readonly { readonly side: Laterality; readonly span: Span }[]): NormalisedValue<Laterality> | null {
  const first = sides[0];
  const last = sides.at(-1);
  if (!first || !last) return null;
  const bilateral = sides.find((mention) => mention.side === 'bilateral');
  if (bilateral) return { value: 'bilateral', span: bilateral.span };
  if (sides.every((mention) => mention.side === first.side)) return { value: first.side, span: first.span };
  return { value: 'bilateral', span: [first.span[0], last.span[1]] };
}
