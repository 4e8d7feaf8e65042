/**
 * Drawing a sample, reproducibly: the size shared among the strata in proportion to their letters,
 * then each stratum's letters drawn without replacement by a partial Fisher-Yates shuffle driven by
 * one seeded generator (pure-rand's xoroshiro128+), strata in key order. The same frame and seed
 * give the same sample. Pure.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Letters per stratum: proportional shares by largest remainder, then every stratum with letters
 * given at least one while the size allows (taken from the stratum with the most), none above its letters.
 */
export function allocate(size: number, strataSizes: readonly number[]): number[] {
  const frame = strataSizes.reduce((sum, letters) => sum + letters, 0);
  const total = Math.min(size, frame);
  if (frame === 0 || total === 0) return strataSizes.map(() => 0);
  const exact = strataSizes.map((letters) => (total * letters) / frame);
  const shares = exact.map(Math.floor);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  let left = total - shares.reduce((sum, share) => sum + share, 0);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index] = (shares[index] as number) + 1;
    left--;
  }
  for (let index = 0; index < shares.length; index++) {
    if (shares[index] !== 0 || strataSizes[index] === 0) continue;
    const donor = shares.reduce((best, share, other) => (share > (shares[best] as number) ? other : best), 0);
    if ((shares[donor] as number) <= 1) break;
    shares[donor] = (shares[donor] as number) - 1;
    shares[index] = 1;
  }
  return shares;
}

/** `counts[h]` letters of each stratum's ids, in the order drawn. */
export function drawLetters(strata: readonly (readonly number[])[], counts: readonly number[], seed: number): number[][] {
  const random = xoroshiro128plus(seed | 0);
  return strata.map((ids, index) => {
    const take = Math.min(counts[index] ?? 0, ids.length);
    const pool = [...ids];
    for (let i = 0; i < take; i++) {
      const j = uniformInt(random, i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
    }
    return pool.slice(0, take);
  });
}
