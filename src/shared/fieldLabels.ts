/** How every editable field is named to a person: in the app, the command line and the dataset card. */
import type { ItemField, LetterField } from './library.ts';

export const ITEM_FIELD_LABELS: Readonly<Record<ItemField, string>> = {
  service: 'Service',
  decision: 'Decision',
  claimsAdministratorGuideline: 'Claims Administrator guideline',
  maximusGuideline: 'MAXIMUS guideline',
  rationale: 'Decision rationale',
  originalRequest: 'Original request',
  authorizedByClaimsAdministrator: 'Authorized by claims administrator',
  imrEligiblePortion: 'IMR-eligible portion',
};

export const LETTER_FIELD_LABELS: Readonly<Record<LetterField, string>> = {
  format: 'Format',
  caseNumber: 'Case number',
  dateAssigned: 'Date assigned',
  decisionDate: 'Decision date',
  dateOfInjury: 'Date of injury',
  urDenialDate: 'UR denial date',
  applicationReceived: 'Application received',
  priority: 'Priority',
  reviewerSpecialty: 'Reviewer specialty',
  reviewerLicensure: 'Reviewer licensure',
  reviewerSubspecialty: 'Reviewer subspecialty',
};
