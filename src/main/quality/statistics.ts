/**
 * The audit's statistics: exact binomial (Clopper-Pearson) intervals for an error rate, their
 * stratified form (Korn and Graubard 1998, as R's survey::svyciprop(method = "beta")), the sample
 * size a target takes, and Cohen's kappa with its large-sample interval (Fleiss, Cohen and
 * Everitt 1969). Pure: counts in, numbers out. The beta, t and normal quantiles are stdlib's.
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Interval } from '../../shared/quality.ts';

function checkCounts(errors: number, n: number): void {
  if (!(n >= 0) || !(errors >= 0) || errors > n) throw new RangeError(`An error count is 0..n, not ${errors} of ${n}`);
}

function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`A confidence is between 0 and 1, not ${confidence}`);
}

/**
 * The Clopper-Pearson interval for `errors` of `n` (the counts may be effective, not whole):
 * [B(α/2; x, n-x+1), B(1-α/2; x+1, n-x)], with 0 and 1 at the ends. null without evidence.
 */
export function clopperPearson(errors: number, n: number, confidence: number): Interval | null {
  checkCounts(errors, n);
  checkConfidence(confidence);
  if (n === 0) return null;
  const alpha = 1 - confidence;
  return {
    low: errors === 0 ? 0 : betaQuantile(alpha / 2, errors, n - errors + 1),
    high: errors === n ? 1 : betaQuantile(1 - alpha / 2, errors + 1, n - errors),
  };
}

/** The one-sided upper Clopper-Pearson bound: the rate is below it with probability `confidence`. */
export function upperBound(errors: number, n: number, confidence: number): number | null {
  checkCounts(errors, n);
  checkConfidence(confidence);
  if (n === 0) return null;
  return errors === n ? 1 : betaQuantile(confidence, errors + 1, n - errors);
}

/** One stratum's counts: its weight in the population, the letters checked and the errors among them. */
export interface StratumCounts {
  /** Letters of the population in the stratum (the frame's, or its unread letters'). */
  readonly population: number;
  /** Letters of the stratum in the frame when drawn: the finite-population correction's denominator. */
  readonly frame: number;
  readonly checked: number;
  readonly errors: number;
}

export interface RateEstimate {
  readonly rate: number | null;
  readonly interval: Interval | null;
  readonly upperBound: number | null;
  /** The sample size the interval is as wide as (Korn-Graubard's effective n; the checked letters when unstratified). */
  readonly effectiveN: number;
}

const NO_ESTIMATE: RateEstimate = { rate: null, interval: null, upperBound: null, effectiveN: 0 };

/**
 * The population's error rate from a stratified sample: Σ W_h p_h over the strata with evidence
 * (weights renormalised over them), its variance with each stratum's finite-population correction,
 * and the Clopper-Pearson interval at Korn and Graubard's effective sample size with their
 * degrees-of-freedom correction. One stratum gives the plain exact interval of its counts.
 */
export function stratifiedRate(strata: readonly StratumCounts[], confidence: number): RateEstimate {
  checkConfidence(confidence);
  const observed = strata.filter((stratum) => stratum.checked > 0 && stratum.population > 0);
  for (const stratum of observed) checkCounts(stratum.errors, stratum.checked);
  const [only] = observed;
  if (!only) return NO_ESTIMATE;
  if (observed.length === 1) {
    return {
      rate: only.errors / only.checked,
      interval: clopperPearson(only.errors, only.checked, confidence),
      upperBound: upperBound(only.errors, only.checked, confidence),
      effectiveN: only.checked,
    };
  }
  const population = observed.reduce((sum, stratum) => sum + stratum.population, 0);
  const checked = observed.reduce((sum, stratum) => sum + stratum.checked, 0);
  let rate = 0;
  let variance = 0;
  for (const stratum of observed) {
    const weight = stratum.population / population;
    const share = stratum.errors / stratum.checked;
    rate += weight * share;
    if (stratum.checked > 1) {
      const correction = stratum.frame > 0 ? Math.max(0, 1 - stratum.checked / stratum.frame) : 1;
      variance += (weight * weight * correction * share * (1 - share)) / (stratum.checked - 1);
    }
  }
  // With no variance (no errors, or errors everywhere) the effective size is the actual one.
  let effectiveN = variance > 0 ? (rate * (1 - rate)) / variance : checked;
  const degrees = checked - observed.length;
  if (variance > 0 && degrees > 0) {
    const tail = (1 - confidence) / 2;
    effectiveN *= (tQuantile(tail, checked - 1) / tQuantile(tail, degrees)) ** 2;
  }
  effectiveN = Math.min(effectiveN, checked);
  const errors = Math.min(effectiveN, Math.max(0, rate * effectiveN));
  return {
    rate,
    interval: clopperPearson(errors, effectiveN, confidence),
    upperBound: upperBound(errors, effectiveN, confidence),
    effectiveN,
  };
}

/** Whole-number search bound: no audit checks more letters than this. */
const MAX_LETTERS = 10_000_000;

/**
 * The fewest checked letters whose one-sided upper bound falls below `rate` when `errors` of them
 * are wrong (299 for 1% at 95% with none wrong); null when not even MAX_LETTERS do.
 */
export function lettersNeeded(errors: number, rate: number, confidence: number): number | null {
  if (!Number.isInteger(errors) || errors < 0) throw new RangeError(`An error count is a whole number, not ${errors}`);
  if (!(rate > 0 && rate < 1)) throw new RangeError(`A target rate is between 0 and 1, not ${rate}`);
  checkConfidence(confidence);
  const below = (n: number) => (upperBound(errors, n, confidence) ?? 1) < rate;
  if (!below(MAX_LETTERS)) return null;
  let low = errors + 1;
  let high = MAX_LETTERS;
  if (below(low)) return low;
  // The bound falls as n grows: below(high) holds, below(low) does not.
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (below(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Confusion table: rater A's label -> rater B's label -> count. */
export type ConfusionTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface Kappa {
  readonly kappa: number | null;
  readonly interval: Interval | null;
  readonly n: number;
}

/**
 * Cohen's kappa, (po - pe) / (1 - pe), and its interval kappa ± z·se with Fleiss, Cohen and
 * Everitt's large-sample variance (as statsmodels' cohens_kappa). null when there is nothing to
 * compare or chance agreement is already total (both raters used one and the same label); the
 * interval null where the variance is 0.
 */
export function cohensKappa(table: ConfusionTable, confidence: number): Kappa {
  checkConfidence(confidence);
  const labels = [...new Set([...Object.keys(table), ...Object.values(table).flatMap((row) => Object.keys(row))])];
  const count = (a: string, b: string) => table[a]?.[b] ?? 0;
  const n = labels.reduce((sum, a) => sum + labels.reduce((rowSum, b) => rowSum + count(a, b), 0), 0);
  if (n === 0) return { kappa: null, interval: null, n };
  const p = (a: string, b: string) => count(a, b) / n;
  const rowShare = new Map(labels.map((a) => [a, labels.reduce((sum, b) => sum + p(a, b), 0)]));
  const columnShare = new Map(labels.map((b) => [b, labels.reduce((sum, a) => sum + p(a, b), 0)]));
  const row = (a: string) => rowShare.get(a) ?? 0;
  const column = (b: string) => columnShare.get(b) ?? 0;
  const observed = labels.reduce((sum, a) => sum + p(a, a), 0);
  const expected = labels.reduce((sum, a) => sum + row(a) * column(a), 0);
  if (expected >= 1) return { kappa: null, interval: null, n };
  const kappa = (observed - expected) / (1 - expected);
  let diagonal = 0;
  let offDiagonal = 0;
  for (const a of labels) {
    diagonal += p(a, a) * (1 - (row(a) + column(a)) * (1 - kappa)) ** 2;
    for (const b of labels) if (a !== b) offDiagonal += p(a, b) * (column(a) + row(b)) ** 2;
  }
  const variance = (diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - expected * (1 - kappa)) ** 2) / ((1 - expected) ** 2 * n);
  // A variance of 0 comes of too few items to vary (one, or all alike), not of certainty: no interval then.
  if (!(variance > 0)) return { kappa, interval: null, n };
  const half = normalQuantile(1 - (1 - confidence) / 2, 0, 1) * Math.sqrt(variance);
  return { kappa, interval: { low: Math.max(-1, kappa - half), high: Math.min(1, kappa + half) }, n };
}
