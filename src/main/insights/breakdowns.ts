/** The outcome by service, drug class, guideline, reviewer, licensure, month and evidence: one group per stored value. */
import type { Facet, LetterFacet } from '../../shared/derived.ts';
import { BREAKDOWN_IDS } from '../../shared/insights.ts';
import type { Breakdown, BreakdownId, GroupRow, InsightSelection } from '../../shared/insights.ts';
import type { FacetCounts, LetterCountsByGroup } from '../storage/index.ts';
import { proportion } from './intervals.ts';
import { facetGroupLabel, monthGroupLabel, specialtyLabel } from './labels.ts';

interface FacetBreakdown {
  readonly id: BreakdownId;
  readonly facet: Facet;
  readonly title: string;
  readonly note: string;
}

const FACET_BREAKDOWNS: readonly FacetBreakdown[] = [
  {
    id: 'category',
    facet: 'category',
    title: 'By service category',
    note: "Each item once, under the category the vocabulary reads from its service (a reviewer's correction wins).",
  },
  {
    id: 'drug-class',
    facet: 'drug-class',
    title: 'By drug class',
    note: 'Items naming a drug, opioids first and apart; an item naming drugs of two classes counts under each.',
  },
  {
    id: 'guideline-source',
    facet: 'maximus-source',
    title: 'By guideline source',
    note: "Items by the sources MAXIMUS's guideline field cites; an item citing two sources counts under each.",
  },
  {
    id: 'mtus-part',
    facet: 'maximus-mtus-part',
    title: 'By MTUS part',
    note: 'Items whose MAXIMUS guideline cites the MTUS, by the part (and its edition) cited.',
  },
  {
    id: 'guideline-topic',
    facet: 'maximus-topic',
    title: 'By guideline chapter',
    note: 'Items by the MTUS or ODG chapter MAXIMUS cites (chapters of the same subject count together); an item under each it cites.',
  },
  {
    id: 'ca-evidence',
    facet: 'ca-evidence',
    title: 'Claims Administrator: evidence cited or not',
    note: "Items by whether the Claims Administrator's guideline field cites evidence or says it cited none.",
  },
];

/** The facets the breakdowns count: what storage is asked for. */
export const BREAKDOWN_FACETS: readonly (Facet | LetterFacet)[] = [...FACET_BREAKDOWNS.map((breakdown) => breakdown.facet), 'licensure-state'];

export function breakdownsOf(letters: LetterCountsByGroup, facets: readonly FacetCounts[]): Breakdown[] {
  const byFacet = FACET_BREAKDOWNS.map((breakdown): Breakdown => {
    const rows = facets
      .filter((counts) => counts.facet === breakdown.facet)
      .map((counts) =>
        row(counts.value, facetGroupLabel(breakdown.facet, counts.value), counts, { item: { facets: [{ facet: breakdown.facet, values: [counts.value] }] } }),
      );
    return { id: breakdown.id, title: breakdown.title, note: breakdown.note, rows: sortRows(breakdown.id, rows) };
  });
  const specialty: Breakdown = {
    id: 'reviewer-specialty',
    title: 'By reviewer specialty',
    note: "Items by the expert reviewer's specialty as the letter prints it.",
    rows: sortRows('reviewer-specialty', letters.by.specialty.map((counts) => row(counts.key, specialtyLabel(counts.key), counts, { reviewerSpecialty: counts.key }))),
  };
  const licensure: Breakdown = {
    id: 'licensure-state',
    title: "By reviewer's state of licensure",
    note: 'Items by the states the expert reviewer is licensed in, as the letter lists them; a reviewer licensed in two states counts under each. The statute asks for a licence in any state, so this is a fact, not a finding.',
    rows: sortRows(
      'licensure-state',
      facets.filter((counts) => counts.facet === 'licensure-state').map((counts) => row(counts.value, counts.value, counts, { licensure: { state: counts.value, licensed: true } })),
    ),
  };
  const month: Breakdown = {
    id: 'decision-month',
    title: 'By month of decision',
    note: "Items by the month of their letter's decision date.",
    rows: sortRows('decision-month', letters.by.month.map((counts) => row(counts.key, monthGroupLabel(counts.key), counts, { decidedIn: counts.key ?? 'unknown' }))),
  };
  const all = new Map([...byFacet, specialty, licensure, month].map((breakdown) => [breakdown.id, breakdown]));
  return BREAKDOWN_IDS.map((id) => all.get(id)).filter((breakdown): breakdown is Breakdown => breakdown !== undefined);
}

function row(
  key: string | null,
  label: string,
  counts: { letters: number; items: number; upheld: number; overturned: number },
  selection: InsightSelection,
): GroupRow {
  return {
    key,
    label,
    letters: counts.letters,
    items: counts.items,
    upheld: counts.upheld,
    overturned: counts.overturned,
    upheldShare: proportion(counts.upheld, counts.upheld + counts.overturned),
    selection,
  };
}

/** Most items first (ties by label); months in time order, the undated last; opioids first among drugs. */
function sortRows(breakdown: BreakdownId, rows: GroupRow[]): GroupRow[] {
  if (breakdown === 'decision-month') return rows.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
  const pinned = (row: GroupRow) => Number(breakdown === 'drug-class' && row.key === 'opioid');
  return rows.sort((a, b) => pinned(b) - pinned(a) || b.items - a.items || a.label.localeCompare(b.label));
}
