/** The header's priority and the reviewer's licensure. */
import { isLicensedIn } from '../../../shared/licensure.ts';
import type { CheckableLetter, CheckResult, CheckSettings } from './types.ts';

const PRIORITIES = ['Standard', 'Expedited'];

export function checkPriority(letter: CheckableLetter): CheckResult[] {
  const priority = letter.header?.priority ?? null;
  if (priority === null || PRIORITIES.includes(priority.trim())) return [];
  return [{ code: 'priority-unknown', field: 'priority', message: `The priority "${priority}" is neither Standard nor Expedited.` }];
}

/** Only where the library asks for it (settings.licensureFinding): by default licensure is a fact, not a finding. */
export function checkLicensure(letter: CheckableLetter, settings: CheckSettings): CheckResult[] {
  const wanted = settings.licensureFinding;
  const licensure = letter.reviewerLicensure;
  if (wanted === null || licensure === null || isLicensedIn(licensure, wanted.state) !== false) return [];
  const why = wanted.why.trim() === '' ? '' : ` This library asks for it: ${wanted.why.trim()}`;
  return [
    {
      code: 'reviewer-licensure-state',
      field: 'reviewerLicensure',
      message: `The reviewer's states of licensure (${licensure}) do not include ${wanted.state}.${why}`,
    },
  ];
}
