/**
 * The fields a reviewer edits, by the names the API and the exports use: every other list of
 * them (columns, labels, schemas) is keyed by these.
 */
export const ITEM_FIELDS = [
  'service',
  'decision',
  'claimsAdministratorGuideline',
  'maximusGuideline',
  'rationale',
  'originalRequest',
  'authorizedByClaimsAdministrator',
  'imrEligiblePortion',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export const LETTER_FIELDS = [
  'format',
  'caseNumber',
  'dateAssigned',
  'decisionDate',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
  'priority',
  'reviewerSpecialty',
  'reviewerLicensure',
  'reviewerSubspecialty',
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];
