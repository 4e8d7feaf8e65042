/**
 * The tabular exports' columns (CSV, Parquet and xlsx), in their stable order, each with its type
 * and the description the dataset card prints. Values come from the JSONL record, so every format
 * says the same thing.
 */
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { HeaderFieldName } from '../../shared/letter.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import type { ExportedCitation, ExportedItem, ExportedLetter } from '../../shared/export.ts';
import { HOME_STATE, isLicensedIn, licensureStates } from '../../shared/licensure.ts';
import { isoDate } from './dates.ts';

/** `date` values are ISO `YYYY-MM-DD` strings and `timestamp` values ISO instants, until a writer types them. */
export type ScalarType = 'string' | 'integer' | 'boolean' | 'date' | 'timestamp';
export interface RecordMember {
  readonly name: string;
  readonly type: ScalarType;
}
/** A value, or a list (never null: an empty list is none) of values or of flat records such as notes. */
export type ColumnType = ScalarType | { readonly list: ScalarType } | { readonly list: readonly RecordMember[] };

export type ScalarValue = string | number | boolean | null;
export type CellValue = ScalarValue | readonly ScalarValue[] | readonly Readonly<Record<string, ScalarValue>>[];

export interface Column<Source> {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  readonly value: (source: Source) => CellValue;
}

/**
 * Columns of free text: a spreadsheet gives them room, and Parquet keeps no minimum and maximum
 * for them (two whole rationales per row group say nothing a reader can skip by).
 */
export const PROSE_COLUMNS: ReadonlySet<string> = new Set([
  // Every item field a person can edit is text, but the decision.
  ...ITEM_FIELDS.filter((field) => field !== 'decision'),
  'flagReason',
  'text',
  'notes',
]);

const STRINGS = { list: 'string' } as const;
const NOTE_MEMBERS: readonly RecordMember[] = [
  { name: 'author', type: 'string' },
  { name: 'createdAt', type: 'timestamp' },
  { name: 'body', type: 'string' },
];
const LOCATOR_MEMBERS: readonly RecordMember[] = [
  { name: 'kind', type: 'string' },
  { name: 'value', type: 'string' },
];

export type LetterColumn = Column<ExportedLetter>;
export type ItemColumn = Column<{ readonly item: ExportedItem; readonly index: number }>;

const DATE_DESCRIPTIONS: Record<HeaderFieldName, string> = {
  dateAssigned: 'date the case was assigned for review (header table)',
  decisionDate: 'date of the IMR final determination (header table)',
  priority: 'review priority as printed, e.g. Standard or Expedited (header table)',
  dateOfInjury: "date of the worker's injury (header table)",
  urDenialDate: 'date of the utilization review denial (header table)',
  applicationReceived: 'date the IMR application was received (header table)',
};

const headerColumns: LetterColumn[] = HEADER_FIELDS.map((field) =>
  field === 'priority'
    ? { name: field, type: 'string', description: DATE_DESCRIPTIONS[field], value: (l) => l.header?.priority ?? null }
    : {
        name: field,
        type: 'date',
        description: `${DATE_DESCRIPTIONS[field]}; missing when the printed value is not an MM/DD/YYYY date (JSONL keeps it as printed)`,
        value: (l) => isoDate(l.header?.[field] ?? null),
      },
);

export const LETTER_COLUMNS: readonly LetterColumn[] = [
  { name: 'sha256', type: 'string', description: "SHA-256 of the source file's bytes: the letter's identity", value: (l) => l.sha256 },
  { name: 'file', type: 'string', description: 'source file name', value: (l) => l.file },
  { name: 'fileSize', type: 'integer', description: 'source file size in bytes', value: (l) => l.fileSize },
  { name: 'sourceKind', type: 'string', description: 'pdf or text', value: (l) => l.sourceKind },
  { name: 'pageCount', type: 'integer', description: 'pages in the source', value: (l) => l.pageCount },
  { name: 'format', type: 'string', description: 'letter format: F1-credentials-block, F1-prose-credentials, F2, F3, F2013 or unknown', value: (l) => l.format },
  { name: 'caseNumber', type: 'string', description: 'IMR case number, e.g. CM16-0224814', value: (l) => l.caseNumber },
  ...headerColumns,
  { name: 'reviewerSpecialty', type: 'string', description: "expert reviewer's certification or specialty as printed", value: (l) => l.reviewerSpecialty },
  { name: 'reviewerLicensure', type: 'string', description: "expert reviewer's state(s) of licensure as printed", value: (l) => l.reviewerLicensure },
  { name: 'reviewerSubspecialty', type: 'string', description: "expert reviewer's subspecialty (prose credentials only)", value: (l) => l.reviewerSubspecialty },
  {
    name: 'licensureStates',
    type: STRINGS,
    description: "the states of licensure as a list, each state's name once (a postal code read as its state)",
    value: (l) => licensureStates(l.reviewerLicensure),
  },
  {
    name: 'licensedInCalifornia',
    type: 'boolean',
    description: 'true when one of those states is California; missing when the letter lists none (a fact: any US state\'s licence qualifies a reviewer)',
    value: (l) => isLicensedIn(l.reviewerLicensure, HOME_STATE),
  },
  { name: 'itemCount', type: 'integer', description: 'decision items in the letter', value: (l) => l.items.length },
  { name: 'status', type: 'string', description: 'review status: unreviewed, in_progress, verified or flagged', value: (l) => l.status },
  { name: 'flagReason', type: 'string', description: 'why a reviewer flagged the letter', value: (l) => l.flagReason },
  { name: 'verifiedBy', type: 'string', description: 'reviewer who verified the letter', value: (l) => l.verifiedBy },
  { name: 'verifiedAt', type: 'timestamp', description: 'when the letter was verified (UTC)', value: (l) => l.verifiedAt },
  {
    name: 'reviewState',
    type: 'string',
    description:
      "how far the letter's values were checked, the strongest that holds: machine (as the parser read them, or partly corrected), verified (by a person), audited (verified in an audit sample), re-reviewed (read again blind) or adjudicated (a blind disagreement decided)",
    value: (l) => l.reviewState ?? null,
  },
  { name: 'parserVersion', type: 'string', description: 'version of the parser that read the letter', value: (l) => l.parserVersion },
  ...LETTER_FIELDS.map(
    (field): LetterColumn => ({
      name: `${field}Edited`,
      type: 'boolean',
      description: `true when a person changed ${field} from the parser's value`,
      value: (l) => l.editedFields.includes(field),
    }),
  ),
  { name: 'checkCount', type: 'integer', description: "how many rule checks found something in the letter's values (see the checks below)", value: (l) => l.checks?.length ?? 0 },
  { name: 'checkCodes', type: STRINGS, description: 'the codes of those findings', value: (l) => (l.checks ?? []).map((check) => check.code) },
  { name: 'tags', type: STRINGS, description: 'tags on the letter, by name', value: (l) => l.tags },
  { name: 'notes', type: { list: NOTE_MEMBERS }, description: 'reviewer notes, oldest first: {author, createdAt, body}', value: (l) => l.notes.map((note) => ({ ...note })) },
];

const LETTER_SPANS_COLUMN: LetterColumn = {
  name: 'letterSpans',
  type: 'string',
  description: 'with spans only: JSON {field: [[start, end), ...]}: each letter value\'s character offsets in the extracted text (a list: a value a reviewer joined from two places has two)',
  value: (l) => (l.spans ? JSON.stringify(l.spans) : null),
};

const ITEM_VALUE_DESCRIPTIONS = {
  service: 'the item header: the service or treatment requested, without the decision word',
  decision: 'Upheld or Overturned; missing when the item states neither',
  claimsAdministratorGuideline: "text after 'Claims Administrator guideline:'",
  maximusGuideline: "text after 'MAXIMUS guideline:'",
  rationale: "text after 'Decision rationale:'",
  originalRequest: 'partial certification: the original request',
  authorizedByClaimsAdministrator: 'partial certification: the part the claims administrator authorized',
  imrEligiblePortion: 'partial certification: the part eligible for IMR',
} as const;

/** The vocabulary's reading of the item (see the taxonomy in this card). */
const STRUCTURE_COLUMNS: readonly ItemColumn[] = [
  { name: 'serviceCategory', type: 'string', description: 'the service category (taxonomy below); a reviewer\'s correction when there is one', value: ({ item }) => item.structure?.category ?? null },
  { name: 'serviceCategoryCorrected', type: 'boolean', description: 'true when a person set the category', value: ({ item }) => item.structure?.categoryCorrected ?? false },
  { name: 'drugs', type: STRINGS, description: 'drugs named in the service, by generic name where known', value: ({ item }) => (item.structure?.drugs ?? []).map((drug) => drug.generic ?? drug.name) },
  { name: 'drugClasses', type: STRINGS, description: 'their drug classes (taxonomy below)', value: ({ item }) => item.structure?.drugClasses ?? [] },
  { name: 'dwcRequestCategory', type: 'string', description: "DWC's Request Category, as its IMR decision search counts requests (taxonomy below); a reviewer's correction when there is one", value: ({ item }) => item.structure?.dwcCategory ?? null },
  { name: 'dwcSubCategory', type: 'string', description: "DWC's Sub Category (for a drug, its DWC drug class)", value: ({ item }) => item.structure?.dwcSubCategory ?? null },
  { name: 'dwcCategoryCorrected', type: 'boolean', description: "true when a person set DWC's Sub Category", value: ({ item }) => item.structure?.dwcCategoryCorrected ?? false },
  { name: 'dwcDrugClasses', type: STRINGS, description: "the drugs' classes in DWC's taxonomy (taxonomy below)", value: ({ item }) => item.structure?.dwcDrugClasses ?? [] },
  { name: 'sessionsTotal', type: 'integer', description: 'visits or sessions requested (frequency x duration, or the count printed)', value: ({ item }) => item.structure?.sessions?.total ?? null },
  { name: 'bodyParts', type: STRINGS, description: 'body parts named in the service, each with its side when printed', value: ({ item }) => (item.structure?.bodyParts ?? []).map((part) => (part.laterality ? `${part.laterality} ${part.name}` : part.name)) },
  { name: 'claimsAdministratorSources', type: STRINGS, description: "sources the Claims Administrator's guideline cites (mtus, odg, acoem, other, no-evidence)", value: ({ item }) => unique((item.structure?.claimsAdministratorCitations ?? []).map((c) => c.source)) },
  { name: 'claimsAdministratorNoEvidence', type: 'boolean', description: 'true when the Claims Administrator says it cited no medical evidence', value: ({ item }) => item.structure?.claimsAdministratorNoEvidence ?? false },
  { name: 'claimsAdministratorNotBasedOnMtus', type: 'boolean', description: 'true when the Claims Administrator says it did not base its decision on the MTUS (or based it on recommendations outside it)', value: ({ item }) => item.structure?.claimsAdministratorNotBasedOnMtus ?? false },
  { name: 'maximusSources', type: STRINGS, description: "sources MAXIMUS's guideline cites", value: ({ item }) => unique((item.structure?.maximusCitations ?? []).map((c) => c.source)) },
  { name: 'maximusTopics', type: STRINGS, description: "the chapters or topics MAXIMUS's guideline cites (normalised ids)", value: ({ item }) => unique((item.structure?.maximusCitations ?? []).flatMap((c) => (c.topic ? [c.topic] : []))) },
];

export const ITEM_COLUMNS: readonly ItemColumn[] = [
  { name: 'itemNumber', type: 'integer', description: "the item's order in the letter, from 1", value: ({ index }) => index + 1 },
  { name: 'service', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.service, value: ({ item }) => item.service },
  { name: 'decision', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.decision, value: ({ item }) => item.decision },
  { name: 'claimsAdministratorGuideline', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.claimsAdministratorGuideline, value: ({ item }) => item.claimsAdministratorGuideline },
  { name: 'maximusGuideline', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.maximusGuideline, value: ({ item }) => item.maximusGuideline },
  { name: 'rationale', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.rationale, value: ({ item }) => item.rationale },
  { name: 'originalRequest', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.originalRequest, value: ({ item }) => item.partial?.originalRequest ?? null },
  { name: 'authorizedByClaimsAdministrator', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.authorizedByClaimsAdministrator, value: ({ item }) => item.partial?.authorizedByClaimsAdministrator ?? null },
  { name: 'imrEligiblePortion', type: 'string', description: ITEM_VALUE_DESCRIPTIONS.imrEligiblePortion, value: ({ item }) => item.partial?.imrEligiblePortion ?? null },
  { name: 'itemStatus', type: 'string', description: "the item's review status: unreviewed, confirmed or flagged", value: ({ item }) => item.status },
  { name: 'addedByReviewer', type: 'boolean', description: 'true when a person added the item (the parser did not find it)', value: ({ item }) => item.addedByReviewer },
  ...ITEM_FIELDS.map(
    (field): ItemColumn => ({
      name: `${field}Edited`,
      type: 'boolean',
      description: `true when a person changed the item's ${field} from the parser's value`,
      value: ({ item }) => item.editedFields.includes(field),
    }),
  ),
  { name: 'itemTags', type: STRINGS, description: 'tags on the item, by name', value: ({ item }) => item.tags },
  ...STRUCTURE_COLUMNS,
];

const ITEM_SPANS_COLUMN: ItemColumn = {
  name: 'itemSpans',
  type: 'string',
  description: 'with spans only: JSON {field: [[start, end), ...]} of the item values in the extracted text (a merged value lists every part); `item` is the whole item',
  value: ({ item }) => (item.spans ? JSON.stringify(item.spans) : null),
};

/** The item table's key back to the letter, for the Parquet items file. */
export const ITEM_KEY_COLUMNS: readonly LetterColumn[] = LETTER_COLUMNS.filter(
  (column) => column.name === 'sha256' || column.name === 'caseNumber',
);

/** One guideline citation, with the item and the guideline field it belongs to. */
export interface CitationRow {
  readonly letter: ExportedLetter;
  readonly index: number;
  readonly guideline: 'claimsAdministrator' | 'maximus';
  readonly number: number;
  readonly citation: ExportedCitation;
}

/** citations.parquet (and the xlsx citations sheet): one row per citation, joined to items on sha256 and itemNumber. */
export const CITATION_COLUMNS: readonly Column<CitationRow>[] = [
  { name: 'sha256', type: 'string', description: 'the letter (join key)', value: ({ letter }) => letter.sha256 },
  { name: 'caseNumber', type: 'string', description: 'IMR case number', value: ({ letter }) => letter.caseNumber },
  { name: 'itemNumber', type: 'integer', description: 'the item (join key, from 1)', value: ({ index }) => index + 1 },
  { name: 'guideline', type: 'string', description: 'claimsAdministrator or maximus: which guideline field cites it', value: ({ guideline }) => guideline },
  { name: 'citationNumber', type: 'integer', description: 'its order in the field, from 1', value: ({ number }) => number },
  { name: 'source', type: 'string', description: 'mtus, odg, acoem, other or no-evidence (taxonomy below)', value: ({ citation }) => citation.source },
  { name: 'mtusPart', type: 'string', description: 'for MTUS citations, the part (taxonomy below)', value: ({ citation }) => citation.mtusPart },
  { name: 'topic', type: 'string', description: 'the chapter or topic, normalised', value: ({ citation }) => citation.topic },
  { name: 'edition', type: 'string', description: 'the edition or year as printed', value: ({ citation }) => citation.edition },
  { name: 'locators', type: { list: LOCATOR_MEMBERS }, description: 'pages, sections and named sub-topics: {kind, value}', value: ({ citation }) => citation.locators.map((locator) => ({ ...locator })) },
  { name: 'text', type: 'string', description: 'the citation as printed', value: ({ citation }) => citation.text },
];

/** Every citation of an exported letter, in item and field order. */
export function citationRows(letter: ExportedLetter): CitationRow[] {
  return letter.items.flatMap((item, index) => {
    const of = (guideline: CitationRow['guideline'], citations: readonly ExportedCitation[] | undefined) =>
      (citations ?? []).map((citation, i) => ({ letter, index, guideline, number: i + 1, citation }));
    return [...of('claimsAdministrator', item.structure?.claimsAdministratorCitations), ...of('maximus', item.structure?.maximusCitations)];
  });
}

export function letterColumns(withSpans: boolean): readonly LetterColumn[] {
  return withSpans ? [...LETTER_COLUMNS, LETTER_SPANS_COLUMN] : LETTER_COLUMNS;
}

export function itemColumns(withSpans: boolean): readonly ItemColumn[] {
  return withSpans ? [...ITEM_COLUMNS, ITEM_SPANS_COLUMN] : ITEM_COLUMNS;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
