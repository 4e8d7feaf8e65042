/**
 * The "Make packages" form as typed, read into the API's request, or the first thing wrong with
 * it in words: the server checks again, but a person reads this sentence, not a schema's.
 */
import type { ApiArgs, QueueFilter } from '../../../shared/api.ts';
import type { LetterStatus } from '../../../shared/library.ts';
import { MAX_PACKAGE_LETTERS } from '../../../shared/team.ts';

export type PackagesRequest = ApiArgs<'makePackages'>[0];

/** Which letters are shared out: all of them, those of one status, or those the queue's filter selects. */
export type LetterChoice = 'all' | 'status' | 'queue';

export interface PackageForm {
  readonly name: string;
  /** Comma separated. */
  readonly reviewers: string;
  /** Blank: every letter chosen. */
  readonly count: string;
  /** Blank: queue order. */
  readonly seed: string;
  readonly overlapPercent: string;
  readonly letters: LetterChoice;
  readonly status: LetterStatus;
  readonly folder: string;
}

const MAX_SEED = 2 ** 32 - 1;
/** As the API takes a round's and a reviewer's name. */
const MAX_NAME = 120;

export function readReviewers(typed: string): string[] {
  return typed
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** A whole number typed in a field, or null when it is not one. */
function wholeNumber(typed: string): number | null {
  return /^\d+$/.test(typed.trim()) ? Number(typed.trim()) : null;
}

export function packagesRequest(form: PackageForm, queueFilter: QueueFilter): { request: PackagesRequest } | { problem: string } {
  const name = form.name.trim();
  if (name === '') return { problem: 'Name the round: the packages are named after it and their reviewer.' };
  if (name.length > MAX_NAME) return { problem: `The round name is at most ${MAX_NAME} characters.` };
  const reviewers = readReviewers(form.reviewers);
  if (reviewers.length === 0) return { problem: 'Name at least one reviewer (several separated by commas).' };
  const twice = reviewers.find((reviewer, index) => reviewers.indexOf(reviewer) !== index);
  const long = reviewers.find((reviewer) => reviewer.length > MAX_NAME);
  if (long !== undefined) return { problem: `A reviewer's name is at most ${MAX_NAME} characters: ${long.slice(0, 20)}… is longer.` };
  if (twice !== undefined) return { problem: `${twice} is named twice: each reviewer gets one package.` };
  const count = form.count.trim() === '' ? undefined : wholeNumber(form.count);
  if (count === null || count === 0 || (count !== undefined && count > MAX_PACKAGE_LETTERS)) {
    return { problem: `The number of letters is a whole number from 1 to ${MAX_PACKAGE_LETTERS.toLocaleString('en-US')}, or blank for every letter chosen.` };
  }
  const seed = form.seed.trim() === '' ? undefined : wholeNumber(form.seed);
  if (seed === null || (seed !== undefined && seed > MAX_SEED)) return { problem: `The seed is a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}, or blank for queue order.` };
  const percent = Number(form.overlapPercent.trim());
  if (form.overlapPercent.trim() === '' || !(percent >= 0 && percent <= 100)) return { problem: 'The overlap is a share from 0 to 100%.' };
  if (percent > 0 && reviewers.length < 2) return { problem: 'Double review needs at least two reviewers; set the overlap to 0% for one.' };
  const folder = form.folder.trim();
  if (folder === '') return { problem: 'Type the folder the package files are written to.' };
  const filter: QueueFilter = form.letters === 'queue' ? queueFilter : form.letters === 'status' ? { status: form.status } : {};
  return {
    request: {
      name,
      reviewers,
      filter,
      overlap: percent / 100,
      folder,
      ...(count === undefined ? {} : { count }),
      ...(seed === undefined ? {} : { seed }),
    },
  };
}
