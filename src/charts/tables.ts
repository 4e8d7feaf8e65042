/**
 * The insights as tables: every chart's figures with their counts and intervals, each row with
 * the selection of items it counts (null where no queue filter says it). Each cell keeps its
 * raw value for CSV (shares as fractions, so a spreadsheet computes with them) beside the text
 * shown on screen.
 */
import type { Breakdown, DwcShare, Estimate, Headline, InsightSelection, MtusPeriodRow, Proportion, ReferenceComparison } from '../shared/insights.ts';
import { dwcShareLabel, HEADLINE_SELECTIONS } from '../shared/insights.ts';
import { count, decimal, percent } from '../shared/insightsFormat.ts';
import { comparisonLabel, periodLabel } from './comparisonChart.ts';

export interface TableCell {
  readonly text: string;
  readonly raw: string | number | null;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly selection: InsightSelection | null;
  /** What a click on the row opens, in words. */
  readonly label: string;
}

export interface InsightTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly { readonly label: string; readonly numeric: boolean }[];
  readonly rows: readonly TableRow[];
}

const text = (value: string | null): TableCell => ({ text: value ?? '-', raw: value });
const number = (value: number): TableCell => ({ text: count(value), raw: value });
const share = (value: number | null): TableCell => ({ text: percent(value), raw: value });
const mean = (value: number | null): TableCell => ({ text: decimal(value), raw: value });

export function headlineTable(h: Headline): InsightTable {
  const shareRow = (label: string, p: Proportion, of: string, selection: InsightSelection | null): TableRow => ({
    cells: [text(label), share(p.value), share(p.interval?.low ?? null), share(p.interval?.high ?? null), number(p.count), number(p.n), text(of)],
    selection,
    label,
  });
  const countRow = (label: string, n: number, selection: InsightSelection | null): TableRow => ({
    cells: [text(label), number(n), text(null), text(null), number(n), text(null), text(null)],
    selection,
    label,
  });
  const meanRow = (label: string, e: Estimate, of: string, selection: InsightSelection | null): TableRow => ({
    cells: [text(label), mean(e.value), mean(e.interval?.low ?? null), mean(e.interval?.high ?? null), text(null), number(e.n), text(of)],
    selection,
    label,
  });
  return {
    id: 'headline',
    title: 'Headline figures',
    columns: [
      { label: 'figure', numeric: false },
      { label: 'value', numeric: true },
      { label: '95% low', numeric: true },
      { label: '95% high', numeric: true },
      { label: 'count', numeric: true },
      { label: 'of', numeric: true },
      { label: 'counted over', numeric: false },
    ],
    rows: [
      countRow('Letters', h.letters, HEADLINE_SELECTIONS.letters),
      countRow('Letters without items', h.lettersWithoutItems, HEADLINE_SELECTIONS.lettersWithoutItems),
      countRow('Items', h.items, HEADLINE_SELECTIONS.items),
      shareRow('Items upheld', h.upheld, 'items with a decision', HEADLINE_SELECTIONS.upheld),
      shareRow('Items overturned', h.overturned, 'items with a decision', HEADLINE_SELECTIONS.overturned),
      countRow('Items without a decision', h.undecided, HEADLINE_SELECTIONS.undecided),
      meanRow('Items per letter', h.itemsPerLetter, 'letters with items', HEADLINE_SELECTIONS.itemsPerLetter),
      shareRow('Letters with more than one item', h.multiItemLetters, 'letters with items', HEADLINE_SELECTIONS.multiItemLetters),
      shareRow('Partial certifications', h.partial, 'items', HEADLINE_SELECTIONS.partial),
      shareRow('Partial certifications upheld', h.partialUpheld, 'partial certifications with a decision', HEADLINE_SELECTIONS.partialUpheld),
      shareRow('Drug items (prescription, compounded, topical)', h.drugItems, 'items', HEADLINE_SELECTIONS.drugItems),
      shareRow('Drug items naming an opioid', h.opioidDrugItems, 'drug items', HEADLINE_SELECTIONS.opioidDrugItems),
    ],
  };
}

export function comparisonTable(comparisons: readonly ReferenceComparison[]): InsightTable {
  return {
    id: 'published',
    title: 'Beside the published figures',
    columns: [
      { label: 'published figure', numeric: false },
      { label: 'published', numeric: true },
      { label: 'as printed', numeric: false },
      { label: 'source', numeric: false },
      { label: 'this library', numeric: false },
      { label: 'library value', numeric: true },
      { label: '95% low', numeric: true },
      { label: '95% high', numeric: true },
      { label: 'n', numeric: true },
      { label: 'published value is', numeric: false },
    ],
    rows: comparisons.map((c) => {
      const isShare = c.figure.measure !== 'items-per-letter';
      const value = isShare ? share : mean;
      const sourceText = sourceOf(c);
      return {
        cells: [
          text(comparisonLabel(c)),
          value(c.figure.value),
          text(c.figure.printed),
          text(sourceText),
          text(periodLabel(c)),
          value(c.library.value),
          value(c.library.interval?.low ?? null),
          value(c.library.interval?.high ?? null),
          number(c.library.n),
          text(c.verdict === 'no-data' ? 'no data' : `${c.verdict} the interval`),
        ],
        selection: c.selection,
        label: `${comparisonLabel(c)}: this library's ${periodLabel(c)}`,
      };
    }),
  };
}

export function breakdownTable(breakdown: Breakdown): InsightTable {
  return {
    id: breakdown.id,
    title: breakdown.title,
    columns: [
      { label: 'group', numeric: false },
      { label: 'items', numeric: true },
      { label: 'letters', numeric: true },
      { label: 'upheld', numeric: true },
      { label: 'overturned', numeric: true },
      { label: 'share upheld', numeric: true },
      { label: '95% low', numeric: true },
      { label: '95% high', numeric: true },
    ],
    rows: breakdown.rows.map((row) => ({
      cells: [
        text(row.label),
        number(row.items),
        number(row.letters),
        number(row.upheld),
        number(row.overturned),
        share(row.upheldShare.value),
        share(row.upheldShare.interval?.low ?? null),
        share(row.upheldShare.interval?.high ?? null),
      ],
      selection: row.selection,
      label: row.label,
    })),
  };
}

/** Rows a table shows on a page; the CSV (and the report's JSON) hold them all. */
export const SHOWN_ROWS = 100;

/** The rows a page shows, and how many it leaves to the CSV. */
export function shownRows(table: InsightTable): { readonly rows: readonly TableRow[]; readonly more: number } {
  return { rows: table.rows.slice(0, SHOWN_ROWS), more: Math.max(0, table.rows.length - SHOWN_ROWS) };
}

/** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled. */
export function tableCsv(table: InsightTable): string {
  const field = (value: string | number | null) => {
    if (value === null) return '';
    const written = String(value);
    return /[",\r\n]/.test(written) ? `"${written.replaceAll('"', '""')}"` : written;
  };
  const lines = [table.columns.map((column) => field(column.label)), ...table.rows.map((row) => row.cells.map((cell) => field(cell.raw)))];
  return lines.map((line) => `${line.join(',')}\r\n`).join('');
}

/** Who published a figure, where, and what it counts. */
function sourceOf(comparison: ReferenceComparison): string {
  const { source, secondary } = comparison.figure;
  return [source.publisher, source.title, source.where, secondary ? 'secondary' : null, `counts ${source.counts}`].filter(Boolean).join(', ');
}

/** Year by year, every DWC Request Category and drug class of the letters' items, with what DWC and CWCI published for it. */
export function dwcShareTable(shares: readonly DwcShare[]): InsightTable {
  return {
    id: 'dwc',
    title: "In DWC's taxonomy, by year",
    columns: [
      { label: 'year', numeric: true },
      { label: "DWC's category or drug class", numeric: false },
      { label: 'this library', numeric: true },
      { label: '95% low', numeric: true },
      { label: '95% high', numeric: true },
      { label: 'items', numeric: true },
      { label: 'of', numeric: true },
      { label: 'published', numeric: true },
      { label: 'as printed', numeric: false },
      { label: 'source and what it counts', numeric: false },
    ],
    rows: shares.flatMap((row) => {
      const label = dwcShareLabel(row.key);
      const library = [share(row.library.value), share(row.library.interval?.low ?? null), share(row.library.interval?.high ?? null), number(row.library.count), number(row.library.n)];
      const published = row.published.length === 0 ? [null] : row.published;
      return published.map((comparison) => ({
        cells: [
          { text: String(row.year), raw: row.year },
          text(label),
          ...library,
          comparison ? share(comparison.figure.value) : text(null),
          text(comparison?.figure.printed ?? null),
          text(comparison ? sourceOf(comparison) : null),
        ],
        selection: row.selection,
        label: `${label}, letters decided in ${row.year}`,
      }));
    }),
  };
}

/** When each MTUS part (and chapter, where it changed on its own) was in force. */
export function mtusPeriodTable(periods: readonly MtusPeriodRow[]): InsightTable {
  return {
    id: 'mtus',
    title: 'MTUS in force',
    columns: [
      { label: 'MTUS part', numeric: false },
      { label: 'chapter', numeric: false },
      { label: 'edition', numeric: false },
      { label: 'from', numeric: false },
      { label: 'to', numeric: false },
      { label: 'orders', numeric: false },
    ],
    rows: periods.map((period) => ({
      cells: [text(period.part), text(period.topic), text(period.edition ?? 'any'), text(period.from), text(period.to ?? 'in force'), text(period.source)],
      selection: null,
      label: `${period.part} ${period.topic ?? ''}`.trim(),
    })),
  };
}
