/** The rule checks' codes live in src/shared, where the UI reads their titles too. */
export { CHECK_CODES, CHECK_TITLES, type CheckCode } from '../../../shared/checkCodes.ts';
