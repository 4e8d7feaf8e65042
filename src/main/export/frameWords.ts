/** An audit sample's frame (the queue filter it was drawn by) in words, for the card and the report. */
import type { ItemCriteria, QueueFilter } from '../../shared/apiSchema.ts';
import type { Db } from '../storage/index.ts';
import { listTags } from '../storage/index.ts';

const yesNo = (value: boolean | undefined, yes: string, no: string) => (value === undefined ? [] : [value ? yes : no]);

function itemInWords(criteria: ItemCriteria): string {
  const parts = [
    ...(criteria.decision === undefined ? [] : [criteria.decision === 'none' ? 'without a decision' : criteria.decision]),
    ...(criteria.facets ?? []).map((facet) => `${facet.facet} ${facet.values.join(' or ')}`),
    ...(criteria.partial ? ['a partial certification'] : []),
  ];
  return `an item ${parts.length === 0 ? 'of any kind' : parts.join(', ')}`;
}

/** e.g. 'letters of format F2, decided in 2016'; the whole library when the filter is empty. */
export function frameInWords(db: Db, filter: QueueFilter): string {
  // A tag deleted since the sample was drawn still names the frame by its id.
  const tagName = (tagId: number) => listTags(db).find((tag) => tag.id === tagId)?.name;
  const parts = [
    ...(filter.status === undefined ? [] : [`of status ${filter.status}`]),
    ...(filter.format === undefined ? [] : [`of format ${filter.format}`]),
    ...(filter.decision === undefined ? [] : [`with an item ${filter.decision}`]),
    ...(filter.tagId === undefined ? [] : [tagName(filter.tagId) === undefined ? `tagged with tag ${filter.tagId} (since deleted)` : `tagged "${tagName(filter.tagId)}"`]),
    ...yesNo(filter.hasWarnings, 'with parser warnings', 'without parser warnings'),
    ...yesNo(filter.hasChecks, 'with rule-check findings', 'without rule-check findings'),
    ...(filter.category === undefined ? [] : [`with an item of category ${filter.category}`]),
    ...(filter.drugClass === undefined ? [] : [`with a drug of class ${filter.drugClass}`]),
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
