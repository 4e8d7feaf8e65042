/**
 * The JSONL record's keys with their types and meanings: the card's key tables and its
 * `dataset_info.features` both come from here. Every value may be null; a list is never null.
 */
import { HEADER_FIELDS } from '../../shared/letter.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../shared/library.ts';
import { ITEM_COLUMNS, LETTER_COLUMNS } from './columns.ts';
import type { Feature, FeatureType } from './features.ts';

export interface KeyDoc {
  readonly key: string;
  readonly type: FeatureType;
  readonly description: string;
}

const strings = (...names: string[]): Feature[] => names.map((name) => ({ name, type: 'string' }));
const SPAN: FeatureType = { list: 'int32' };
/** `{field: [[start, end), ...]}`: a record with a member per field that can have a span. */
const spansOf = (fields: readonly string[]): FeatureType => ({ struct: fields.map((name) => ({ name, type: { list: SPAN } })) });

const WARNING: FeatureType = {
  struct: [
    ...strings('code', 'message', 'field'),
    { name: 'itemIndex', type: 'int32' },
    { name: 'span', type: SPAN },
    { name: 'resolved', type: { struct: strings('by', 'at') } },
  ],
};

const CITATION: FeatureType = {
  struct: [
    ...strings('source', 'mtusPart', 'topic', 'edition'),
    { name: 'locators', type: { list: { struct: strings('kind', 'value') } } },
    { name: 'text', type: 'string' },
    { name: 'span', type: SPAN },
  ],
};

const STRUCTURE: FeatureType = {
  struct: [
    ...strings('vocabularyVersion', 'category'),
    { name: 'categoryCorrected', type: 'bool' },
    {
      name: 'drugs',
      type: { list: { struct: [...strings('name', 'generic', 'drugClass', 'dwcDrugClass', 'strength', 'form'), { name: 'quantity', type: 'int32' }, { name: 'refills', type: 'int32' }] } },
    },
    { name: 'drugClasses', type: { list: 'string' } },
    ...strings('dwcCategory', 'dwcSubCategory'),
    { name: 'dwcCategoryCorrected', type: 'bool' },
    { name: 'dwcDrugClasses', type: { list: 'string' } },
    { name: 'sessions', type: { struct: ['perWeek', 'weeks', 'total'].map((name) => ({ name, type: 'int32' as const })) } },
    { name: 'bodyParts', type: { list: { struct: strings('name', 'laterality') } } },
    { name: 'spineLevels', type: { list: 'string' } },
    { name: 'claimsAdministratorCitations', type: { list: CITATION } },
    { name: 'maximusCitations', type: { list: CITATION } },
    { name: 'claimsAdministratorNoEvidence', type: 'bool' },
    { name: 'claimsAdministratorNotBasedOnMtus', type: 'bool' },
  ],
};

function describedAs(columnName: string): string {
  const column = [...LETTER_COLUMNS, ...ITEM_COLUMNS].find((candidate) => candidate.name === columnName);
  if (!column) throw new Error(`No column ${columnName} to describe ${columnName}`);
  return column.description;
}

const text = (key: string, column = key): KeyDoc => ({ key, type: 'string', description: describedAs(column) });

export function jsonlItemKeys(withSpans: boolean): KeyDoc[] {
  const keys: KeyDoc[] = [
    text('service'),
    text('decision'),
    text('claimsAdministratorGuideline'),
    text('maximusGuideline'),
    text('rationale'),
    {
      key: 'partial',
      type: { struct: strings('originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion') },
      description: 'partial certification: {originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion}; null otherwise',
    },
    { key: 'warnings', type: { list: WARNING }, description: "the parser's warnings on the item: {code, message, field, itemIndex, span, resolved: {by, at} once a person answered it}" },
    text('status', 'itemStatus'),
    { key: 'addedByReviewer', type: 'bool', description: describedAs('addedByReviewer') },
    { key: 'editedFields', type: { list: 'string' }, description: "item fields a person changed from the parser's value" },
    { key: 'tags', type: { list: 'string' }, description: 'tags on the item, by name' },
    { key: 'structureCorrections', type: { struct: strings('category', 'drugClass', 'dwcSubCategory', 'dwcDrugClass') }, description: "structured values a person set: {category, drugClass, dwcSubCategory, dwcDrugClass}" },
    {
      key: 'structure',
      type: STRUCTURE,
      description:
        "the vocabulary's reading (version in `vocabularyVersion`): {category, categoryCorrected, drugs: [{name, generic, drugClass, dwcDrugClass, strength, form, quantity, refills}], drugClasses, dwcCategory, dwcSubCategory, dwcCategoryCorrected, dwcDrugClasses, sessions: {perWeek, weeks, total}, bodyParts: [{name, laterality}], spineLevels, claimsAdministratorCitations, maximusCitations: [{source, mtusPart, topic, edition, locators, text, span}], claimsAdministratorNoEvidence, claimsAdministratorNotBasedOnMtus}; citation spans are offsets inside the guideline field",
    },
  ];
  if (withSpans) {
    keys.push({
      key: 'spans',
      type: spansOf([...ITEM_FIELDS, 'item']),
      description: '{field: [[start, end), ...]} of the item values (a merged value lists every part); `item` is the whole item',
    });
  }
  return keys;
}

export function jsonlLetterKeys(withSpans: boolean): KeyDoc[] {
  const keys: KeyDoc[] = [
    text('file'),
    text('sha256'),
    text('format'),
    text('caseNumber'),
    text('reviewerSpecialty'),
    text('reviewerLicensure'),
    text('reviewerSubspecialty'),
    { key: 'licensureStates', type: { list: 'string' }, description: describedAs('licensureStates') },
    { key: 'licensedInCalifornia', type: 'bool', description: describedAs('licensedInCalifornia') },
    {
      key: 'header',
      type: { struct: strings(...HEADER_FIELDS) },
      description: `{${HEADER_FIELDS.join(', ')}}, strings as printed (MM/DD/YYYY); null when the letter has no header table`,
    },
    { key: 'items', type: { list: { struct: jsonlItemKeys(withSpans).map(asFeature) } }, description: 'the decision items in letter order (keys below)' },
    { key: 'warnings', type: { list: WARNING }, description: "the parser's warnings on the letter: {code, message, field, itemIndex, span, resolved}" },
    text('parserVersion'),
    { key: 'fileSize', type: 'int32', description: describedAs('fileSize') },
    text('sourceKind'),
    { key: 'pageCount', type: 'int32', description: describedAs('pageCount') },
    text('status'),
    text('flagReason'),
    text('verifiedBy'),
    { key: 'verifiedAt', type: 'string', description: `${describedAs('verifiedAt')}, ISO 8601 text` },
    text('reviewState'),
    { key: 'editedFields', type: { list: 'string' }, description: "letter fields a person changed from the parser's value" },
    { key: 'tags', type: { list: 'string' }, description: 'tags on the letter, by name' },
    { key: 'notes', type: { list: { struct: strings('author', 'createdAt', 'body') } }, description: 'reviewer notes, oldest first: {author, createdAt (ISO 8601), body}' },
    {
      key: 'checks',
      type: { list: { struct: [...strings('code', 'field'), { name: 'itemIndex', type: 'int32' }, { name: 'message', type: 'string' }] } },
      description: "the rule checks' findings on the exported values: {code, field, itemIndex, message} (codes below)",
    },
  ];
  if (withSpans) {
    keys.push({
      key: 'spans',
      type: spansOf([...LETTER_FIELDS, 'clinicalCaseSummary', 'itemsSection']),
      description:
        '{field: [[start, end), ...]}: where each letter value was read in the extracted text (PDF pages joined with form feeds); a list, since a value a reviewer joined from two places has two',
    });
  }
  return keys;
}

/** The features of one JSONL line. */
export function jsonlFeatures(withSpans: boolean): Feature[] {
  return jsonlLetterKeys(withSpans).map(asFeature);
}

function asFeature(doc: KeyDoc): Feature {
  return { name: doc.key, type: doc.type };
}
