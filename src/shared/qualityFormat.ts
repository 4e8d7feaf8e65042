/**
 * How quality figures read to a person, the same in the app, the command line, the dataset card
 * and the report: rates as percents, intervals with an en dash, the unread letters in a sentence,
 * a target and a sample's frame in words.
 */
import type { ItemCriteria, QueueFilter } from './apiSchema.ts';
import type { AuditTarget, Interval, MeasureEstimate, QualityMeasure } from './quality.ts';
import { QUALITY_MEASURE_LABELS } from './quality.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** A share as a percent: one decimal, more only where one would show a rate above 0 as 0.0%. */
export function percent(share: number): string {
  const value = share * 100;
  if (value === 0 || value >= 0.05) return `${value.toFixed(1)}%`;
  return value >= 0.005 ? `${value.toFixed(2)}%` : '<0.01%';
}

/** "0.1–1.1%". */
export function intervalText(interval: Interval): string {
  return `${percent(interval.low).slice(0, -1)}–${percent(interval.high)}`;
}

/** "3.3% (0.1–17.2%)". */
export function rateText(rate: number, interval: Interval | null): string {
  return interval ? `${percent(rate)} (${intervalText(interval)})` : percent(rate);
}

/** What a reader looks at first: the whole letter, the item list, the decision and the service; then the rest as declared. */
const HEADLINE: readonly QualityMeasure[] = ['allExact', 'itemCount', 'decision', 'service'];

export function inReadingOrder<T extends { readonly measure: QualityMeasure }>(estimates: readonly T[]): T[] {
  const rank = (estimate: T) => {
    const headline = HEADLINE.indexOf(estimate.measure);
    return headline >= 0 ? headline : HEADLINE.length;
  };
  return [...estimates].sort((a, b) => rank(a) - rank(b));
}

/** A confidence as people say it: "95%", "99.5%". */
export function confidenceText(confidence: number): string {
  return `${+(confidence * 100).toFixed(1)}%`;
}

/** "1 letter", "299 letters". */
export function letters(n: number): string {
  return `${count(n)} letter${n === 1 ? '' : 's'}`;
}

/** A target's share as typed: 0.01 is "1%", 0.005 "0.5%". */
function shareText(share: number): string {
  return `${Number((100 * share).toPrecision(6))}%`;
}

/** "error rate below 1% for Decision at 95% confidence". */
export function describeTarget(target: AuditTarget): string {
  return `error rate below ${shareText(target.rate)} for ${QUALITY_MEASURE_LABELS[target.measure]} at ${shareText(target.confidence)} confidence`;
}

/** What an error on the measure is, to end "have …". */
function wrongValue(measure: QualityMeasure): string {
  if (measure === 'allExact') return 'some value wrong';
  if (measure === 'itemCount') return 'an item missed or invented';
  return `a wrong ${QUALITY_MEASURE_LABELS[measure]}`;
}

/** "of 95,212 unread letters, about 0.4% (0.1–1.1%) have a wrong Decision". */
export function unreadSentence(estimate: MeasureEstimate): string {
  const { unread, measure } = estimate;
  if (unread.letters === 0) return 'every letter of the frame is verified';
  const of = `of ${count(unread.letters)} unread letter${unread.letters === 1 ? '' : 's'}`;
  if (unread.rate === null) return `${of}: no evidence yet`;
  return `${of}, about ${rateText(unread.rate, unread.interval)} ${unread.letters === 1 ? 'has' : 'have'} ${wrongValue(measure)}`;
}

const yesNo = (value: boolean | undefined, yes: string, no: string) => (value === undefined ? [] : [value ? yes : no]);

function itemInWords(criteria: ItemCriteria): string {
  const parts = [
    ...(criteria.decision === undefined ? [] : [criteria.decision === 'none' ? 'without a decision' : criteria.decision]),
    ...(criteria.facets ?? []).map((facet) => `${facet.facet} ${facet.values.join(' or ')}`),
    ...(criteria.partial ? ['a partial certification'] : []),
  ];
  return `an item ${parts.length === 0 ? 'of any kind' : parts.join(', ')}`;
}

/**
 * The queue filter a sample's frame was drawn with, in words ("letters of format F2, decided in
 * 2016"; "every letter of the library"). `tagName` names a tag by its id; a tag deleted since
 * is named by its id.
 */
export function describeFrame(filter: QueueFilter, tagName: (tagId: number) => string | undefined = () => undefined): string {
  const tagged = (tagId: number) => {
    const name = tagName(tagId);
    return name === undefined ? `tagged with tag ${tagId}` : `tagged "${name}"`;
  };
  const parts = [
    ...(filter.status === undefined ? [] : [`of status ${filter.status}`]),
    ...(filter.format === undefined ? [] : [`of format ${filter.format}`]),
    ...(filter.decision === undefined ? [] : [`with an item ${filter.decision}`]),
    ...(filter.tagId === undefined ? [] : [tagged(filter.tagId)]),
    ...yesNo(filter.hasWarnings, 'with parser warnings', 'without parser warnings'),
    ...yesNo(filter.hasChecks, 'with rule-check findings', 'without rule-check findings'),
    ...(filter.category === undefined ? [] : [`with an item of category ${filter.category}`]),
    ...(filter.drugClass === undefined ? [] : [`with a drug of class ${filter.drugClass}`]),
    ...(filter.dwcCategory === undefined ? [] : [`with an item of DWC category ${filter.dwcCategory}`]),
    ...(filter.dwcDrugClass === undefined ? [] : [`with a drug of DWC class ${filter.dwcDrugClass}`]),
    ...(filter.guidelineSource === undefined ? [] : [`citing ${filter.guidelineSource}`]),
    ...(filter.search === undefined ? [] : [`matching the search "${filter.search}"`]),
    ...(filter.decidedIn === undefined ? [] : [filter.decidedIn === 'unknown' ? 'without a readable decision date' : `decided in ${filter.decidedIn}`]),
    ...(filter.reviewerSpecialty === undefined ? [] : [filter.reviewerSpecialty === null ? 'printing no reviewer specialty' : `of reviewer specialty "${filter.reviewerSpecialty}"`]),
    ...(filter.minItems === undefined ? [] : [`with at least ${filter.minItems} item${filter.minItems === 1 ? '' : 's'}`]),
    ...(filter.items ?? []).map((criteria) => `with ${itemInWords(criteria)}`),
    ...(filter.sampleId === undefined ? [] : [`drawn into sample ${filter.sampleId}`]),
    ...(filter.blindPassId === undefined ? [] : [`of blind pass ${filter.blindPassId} not yet entered`]),
  ];
  return parts.length === 0 ? 'every letter of the library' : `letters ${parts.join(', ')}`;
}
