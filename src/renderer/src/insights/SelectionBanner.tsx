/**
 * Above the queue while it shows an Insights selection: what the letters were chosen by, in
 * words, and one button that clears the selection (the queue's own filters stay).
 */
import type { ItemCriteria, QueueFilter } from '../../../shared/api.ts';
import type { Facet } from '../../../shared/derived.ts';
import { SELECTION_KEYS } from '../../../shared/insights.ts';
import { facetValueLabel, monthLabel } from '../../../shared/insightLabels.ts';

export interface SelectionBannerProps {
  readonly filter: QueueFilter;
  readonly onFilter: (filter: QueueFilter) => void;
}

const FACET_NAMES: Record<Facet, string> = {
  category: 'service category',
  'drug-class': 'drug class',
  'dwc-category': "DWC's Request Category",
  'dwc-sub-category': "DWC's Sub Category",
  'dwc-drug-class': "DWC's drug class",
  drug: 'drug',
  'ca-source': "Claims Administrator's source",
  'maximus-source': "MAXIMUS's source",
  'maximus-mtus-part': 'MTUS part',
  'maximus-topic': 'chapter',
  'ca-evidence': 'Claims Administrator',
};

export function SelectionBanner({ filter, onFilter }: SelectionBannerProps) {
  const parts = describeSelection(filter);
  if (parts.length === 0) return null;
  const clear = () => {
    const rest: Record<string, unknown> = { ...filter };
    for (const key of SELECTION_KEYS) delete rest[key];
    onFilter(rest as QueueFilter);
  };
  return (
    <div className="selection-banner" role="status">
      <span>
        <strong>From Insights:</strong> letters {parts.join('; ')}
      </span>
      <button type="button" onClick={clear}>
        Clear selection
      </button>
    </div>
  );
}

export function describeSelection(filter: QueueFilter): string[] {
  const parts: string[] = [];
  if (filter.decidedIn !== undefined) parts.push(filter.decidedIn === 'unknown' ? 'without a readable decision date' : `decided in ${period(filter.decidedIn)}`);
  if (filter.reviewerSpecialty !== undefined) parts.push(filter.reviewerSpecialty === null ? 'whose reviewer specialty is not printed' : `reviewed by ${filter.reviewerSpecialty}`);
  if (filter.minItems !== undefined) parts.push(`with at least ${filter.minItems} item${filter.minItems === 1 ? '' : 's'}`);
  for (const item of filter.items ?? []) parts.push(`with an item ${describeItem(item)}`);
  return parts;
}

function describeItem(item: ItemCriteria): string {
  const words: string[] = [];
  if (item.decision === 'none') words.push('without a decision');
  else if (item.decision !== undefined) words.push(item.decision.toLowerCase());
  if (item.partial) words.push('partly certified');
  for (const facet of item.facets ?? []) words.push(`${FACET_NAMES[facet.facet]} ${facet.values.map((value) => facetValueLabel(facet.facet, value)).join(' or ')}`);
  return words.join(', ');
}

function period(decidedIn: string): string {
  if (decidedIn.includes('..')) return decidedIn.replace('..', '-');
  return decidedIn.length === 7 ? monthLabel(decidedIn) : decidedIn;
}
