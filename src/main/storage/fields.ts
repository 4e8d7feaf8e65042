/** Where each editable field of letters and items lives in the schema. */
import type { ItemField, LetterField } from '../../shared/library.ts';

export { ITEM_FIELDS, ITEM_STATUSES, LETTER_FIELDS, LETTER_STATUSES } from '../../shared/library.ts';
export type { ItemField, ItemStatus, LetterField, LetterStatus } from '../../shared/library.ts';

export const ITEM_FIELD_COLUMNS: Readonly<Record<ItemField, string>> = {
  service: 'service',
  decision: 'decision',
  claimsAdministratorGuideline: 'claims_administrator_guideline',
  maximusGuideline: 'maximus_guideline',
  rationale: 'rationale',
  originalRequest: 'original_request',
  authorizedByClaimsAdministrator: 'authorized_by_claims_administrator',
  imrEligiblePortion: 'imr_eligible_portion',
};

export const LETTER_FIELD_COLUMNS: Readonly<Record<LetterField, string>> = {
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
};
