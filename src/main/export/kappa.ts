/** Cohen's kappa: agreement between two raters beyond what their label frequencies give by chance. */

/** Confusion table: rater A's label -> rater B's label -> count. */
export type ConfusionTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * kappa = (po - pe) / (1 - pe), with po the observed share of agreement and pe the agreement
 * expected from each rater's label shares. null when there is nothing to compare, or when
 * chance agreement is already total (both raters used one and the same label throughout).
 */
export function cohensKappa(table: ConfusionTable): number | null {
  const labels = [...new Set([...Object.keys(table), ...Object.values(table).flatMap((row) => Object.keys(row))])];
  const count = (a: string, b: string) => table[a]?.[b] ?? 0;
  const total = labels.reduce((sum, a) => sum + labels.reduce((rowSum, b) => rowSum + count(a, b), 0), 0);
  if (total === 0) return null;
  const observed = labels.reduce((sum, label) => sum + count(label, label), 0) / total;
  const expected = labels.reduce((sum, label) => {
    const shareA = labels.reduce((n, b) => n + count(label, b), 0) / total;
    const shareB = labels.reduce((n, a) => n + count(a, label), 0) / total;
    return sum + shareA * shareB;
  }, 0);
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}
