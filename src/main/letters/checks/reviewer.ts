/** The header's priority and the reviewer's licensure. */
import type { CheckableLetter, CheckResult, CheckSettings } from './types.ts';

const PRIORITIES = ['Standard', 'Expedited'];
/** "Texas,New York,California", "California, Oregon and Washington". */
const LIST_SEPARATOR = /\s*(?:[,;/]|\band\b)\s*/i;

export function checkPriority(letter: CheckableLetter): CheckResult[] {
  const priority = letter.header?.priority ?? null;
  if (priority === null || PRIORITIES.includes(priority.trim())) return [];
  return [{ code: 'priority-unknown', field: 'priority', message: `The priority "${priority}" is neither Standard nor Expedited.` }];
}

export function checkLicensure(letter: CheckableLetter, settings: CheckSettings): CheckResult[] {
  const licensure = letter.reviewerLicensure;
  if (licensure === null) return [];
  const state = settings.licensureState.trim().toLowerCase();
  const states = licensure.split(LIST_SEPARATOR).map((entry) => entry.trim().toLowerCase());
  if (states.includes(state)) return [];
  return [
    {
      code: 'reviewer-licensure-state',
      field: 'reviewerLicensure',
      message: `The reviewer's states of licensure (${licensure}) do not include ${settings.licensureState}.`,
    },
  ];
}
