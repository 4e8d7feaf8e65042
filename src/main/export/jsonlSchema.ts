/** The JSONL record's keys with their types and meanings, for the dataset card. */
import { ITEM_COLUMNS, LETTER_COLUMNS } from './columns.ts';

export interface KeyDoc {
  readonly key: string;
  readonly type: string;
  readonly description: string;
}

function describedAs(columnName: string): string {
  const column = [...LETTER_COLUMNS, ...ITEM_COLUMNS].find((candidate) => candidate.name === columnName);
  if (!column) throw new Error(`No column ${columnName} to describe ${columnName}`);
  return column.description;
}

export function jsonlLetterKeys(withSpans: boolean): KeyDoc[] {
  const keys: KeyDoc[] = [
    { key: 'file', type: 'string', description: describedAs('file') },
    { key: 'sha256', type: 'string', description: describedAs('sha256') },
    { key: 'format', type: 'string', description: describedAs('format') },
    { key: 'caseNumber', type: 'string | null', description: describedAs('caseNumber') },
    { key: 'reviewerSpecialty', type: 'string | null', description: describedAs('reviewerSpecialty') },
    { key: 'reviewerLicensure', type: 'string | null', description: describedAs('reviewerLicensure') },
    { key: 'reviewerSubspecialty', type: 'string | null', description: describedAs('reviewerSubspecialty') },
    {
      key: 'header',
      type: 'object | null',
      description:
        '{dateAssigned, decisionDate, priority, dateOfInjury, urDenialDate, applicationReceived}, strings as printed (MM/DD/YYYY); null when the letter has no header table',
    },
    { key: 'items', type: 'array', description: 'the decision items in letter order (keys below)' },
    { key: 'warnings', type: 'array', description: "the parser's warnings on the letter: {code, message, field?, span?}" },
    { key: 'parserVersion', type: 'string', description: describedAs('parserVersion') },
    { key: 'fileSize', type: 'integer', description: describedAs('fileSize') },
    { key: 'sourceKind', type: 'string', description: describedAs('sourceKind') },
    { key: 'pageCount', type: 'integer', description: describedAs('pageCount') },
    { key: 'status', type: 'string', description: describedAs('status') },
    { key: 'flagReason', type: 'string | null', description: describedAs('flagReason') },
    { key: 'verifiedBy', type: 'string | null', description: describedAs('verifiedBy') },
    { key: 'verifiedAt', type: 'string | null', description: `${describedAs('verifiedAt')}, ISO 8601` },
    { key: 'editedFields', type: 'string[]', description: "letter fields a person changed from the parser's value" },
    { key: 'tags', type: 'string[]', description: 'tags on the letter, by name' },
    { key: 'notes', type: 'array', description: 'reviewer notes: {author, createdAt, body}, oldest first' },
    { key: 'checks', type: 'array', description: "the rule checks' findings on the exported values: {code, field, itemIndex?, message} (codes below)" },
  ];
  if (withSpans) {
    keys.push({ key: 'spans', type: 'object', description: '{field: [[start, end), ...]}: where each letter value was read in the extracted text (PDF pages joined with form feeds); a list, since a value a reviewer joined from two places has two' });
  }
  return keys;
}

export function jsonlItemKeys(withSpans: boolean): KeyDoc[] {
  const keys: KeyDoc[] = [
    { key: 'service', type: 'string | null', description: describedAs('service') },
    { key: 'decision', type: 'string | null', description: describedAs('decision') },
    { key: 'claimsAdministratorGuideline', type: 'string | null', description: describedAs('claimsAdministratorGuideline') },
    { key: 'maximusGuideline', type: 'string | null', description: describedAs('maximusGuideline') },
    { key: 'rationale', type: 'string | null', description: describedAs('rationale') },
    {
      key: 'partial',
      type: 'object | null',
      description: 'partial certification: {originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion}; null otherwise',
    },
    { key: 'warnings', type: 'array', description: "the parser's warnings on the item" },
    { key: 'status', type: 'string', description: describedAs('itemStatus') },
    { key: 'addedByReviewer', type: 'boolean', description: describedAs('addedByReviewer') },
    { key: 'editedFields', type: 'string[]', description: "item fields a person changed from the parser's value" },
    { key: 'tags', type: 'string[]', description: 'tags on the item, by name' },
    { key: 'structureCorrections', type: 'object', description: 'structured values a person set: {category?, drugClass?}' },
    {
      key: 'structure',
      type: 'object',
      description:
        'the vocabulary\'s reading (version in `vocabularyVersion`): {category, categoryCorrected, drugs: [{name, generic, drugClass, strength, form, quantity, refills}], drugClasses, sessions, bodyParts, spineLevels, claimsAdministratorCitations, maximusCitations: [{source, mtusPart, topic, edition, locators, text, span}], claimsAdministratorNoEvidence}; citation spans are offsets inside the guideline field',
    },
  ];
  if (withSpans) {
    keys.push({ key: 'spans', type: 'object', description: '{field: [[start, end), ...]} of the item values (a merged value lists every part); `item` is the whole item' });
  }
  return keys;
}
