/**
 * Sharing letters out among reviewers: dealt in turn, so each package gets an even share; the
 * first `overlap` share of them also goes to the next reviewer round the table, for double
 * review, so every pair of neighbours shares letters and no letter goes to more than two. Pure.
 */

/** Letter ids per reviewer, in the order given. */
export function assignLetters(letterIds: readonly number[], reviewers: number, overlap: number): number[][] {
  const packages: number[][] = Array.from({ length: reviewers }, () => []);
  const doubled = reviewers > 1 ? Math.round(letterIds.length * overlap) : 0;
  letterIds.forEach((letterId, index) => {
    const first = index % reviewers;
    (packages[first] as number[]).push(letterId);
    if (index < doubled) (packages[(first + 1) % reviewers] as number[]).push(letterId);
  });
  return packages.map((ids) => ids.sort((a, b) => a - b));
}
