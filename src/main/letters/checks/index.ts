/**
 * Rule checks over a letter's current values: pure, so the app can run them on the
 * parsed letter and again after every edit. Each result names the one value it is about.
 * The checks that need the letter's text (decision lines against rationale blocks, a
 * missing field label) are the parser's warnings instead.
 */
import { checkCaseNumber } from './caseNumber.ts';
import { checkDates } from './dates.ts';
import { checkPolarity } from './polarity.ts';
import { checkLicensure, checkPriority } from './reviewer.ts';
import { DEFAULT_CHECK_SETTINGS } from './settings.ts';
import type { CheckableLetter, CheckResult, CheckSettings } from './types.ts';

export { CHECK_CODES, type CheckCode } from './codes.ts';
export { toCheckableLetter } from './fromParsed.ts';
export { DEFAULT_CHECK_SETTINGS } from './settings.ts';
export type { CheckableItem, CheckableLetter, CheckResult, CheckSettings } from './types.ts';

export function runChecks(letter: CheckableLetter, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): CheckResult[] {
  return [
    ...checkCaseNumber(letter),
    ...checkDates(letter, settings),
    ...checkPriority(letter),
    ...checkLicensure(letter, settings),
    ...checkPolarity(letter),
  ];
}
