/** The editable fields of letters and items, their columns, and the status vocabularies. */

export const LETTER_STATUSES = ['unreviewed', 'in_progress', 'verified', 'flagged'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

export const ITEM_STATUSES = ['unreviewed', 'confirmed', 'flagged'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ITEM_FIELD_COLUMNS = {
  service: 'service',
  decision: 'decision',
  claimsAdministratorGuideline: 'claims_administrator_guideline',
  maximusGuideline: 'maximus_guideline',
  rationale: 'rationale',
  originalRequest: 'original_request',
  authorizedByClaimsAdministrator: 'authorized_by_claims_administrator',
  imrEligiblePortion: 'imr_eligible_portion',
} as const;
export type ItemField = keyof typeof ITEM_FIELD_COLUMNS;
export const ITEM_FIELDS = Object.keys(ITEM_FIELD_COLUMNS) as ItemField[];

export const LETTER_FIELD_COLUMNS = {
  format: 'format',
  caseNumber: 'case_number',
  dateAssigned: 'date_assigned',
  decisionDate: 'decision_date',
  dateOfInjury: 'date_of_injury',
  urDenialDate: 'ur_denial_date',
  applicationReceived: 'application_received',
  priority: 'priority',
  reviewerSpecialty: 'reviewer_specialty',
  reviewerLicensure: 'reviewer_licensure',
  reviewerSubspecialty: 'reviewer_subspecialty',
} as const;
export type LetterField = keyof typeof LETTER_FIELD_COLUMNS;
export const LETTER_FIELDS = Object.keys(LETTER_FIELD_COLUMNS) as LetterField[];

export function isItemField(name: string): name is ItemField {
  return Object.hasOwn(ITEM_FIELD_COLUMNS, name);
}

export function isLetterField(name: string): name is LetterField {
  return Object.hasOwn(LETTER_FIELD_COLUMNS, name);
}
