/** One measured figure, printed by `npm run bench` beside its target. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: { readonly atLeast: number } | { readonly atMost: number };
  readonly detail?: string;
}

export function formatResult(result: BenchResult): string {
  const value = result.value >= 100 ? result.value.toFixed(0) : result.value.toFixed(2);
  let verdict = '';
  if (result.target) {
    const met = 'atLeast' in result.target ? result.value >= result.target.atLeast : result.value <= result.target.atMost;
    const bound = 'atLeast' in result.target ? `>= ${result.target.atLeast}` : `<= ${result.target.atMost}`;
    verdict = `  (target ${bound} ${result.unit}: ${met ? 'met' : 'NOT MET'})`;
  }
  return `${result.name}: ${value} ${result.unit}${verdict}${result.detail ? `\n    ${result.detail}` : ''}`;
}
