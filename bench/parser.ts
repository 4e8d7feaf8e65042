/**
 * Parser throughput on one core over generated 2-4 page letters (target: >= 2,000 letters/s),
 * and how its time grows on the texts that once made its patterns backtrack (target: 1 MB in
 * under 20 times what 100 KB takes, linear being 10).
 */
import { parseLetter } from '../src/main/letters/parsing/index.ts';
import { BACKTRACKING_SHAPES } from '../test/fixtures/backtracking.ts';
import { generateLetter, renderLetterText } from '../test/fixtures/index.ts';
import type { BenchResult } from './result.ts';
import { benchVocabulary } from './vocabulary.ts';

const SAMPLE = 400;
const RUN_MS = 3000;

export async function benchParser(): Promise<BenchResult[]> {
  const letters = Array.from({ length: SAMPLE * 2 }, (_, seed) => generateLetter(seed))
    .filter((letter) => letter.pages.length >= 2 && letter.pages.length <= 4)
    .slice(0, SAMPLE)
    .map((letter, i) => renderLetterText(letter, i % 2 === 0 ? 'plain' : 'layout'));
  for (const text of letters) parseLetter(text); // warm up the JIT
  let parsed = 0;
  const started = performance.now();
  while (performance.now() - started < RUN_MS) {
    for (const text of letters) parseLetter(text);
    parsed += letters.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const meanChars = letters.reduce((sum, text) => sum + text.length, 0) / letters.length;
  return [
    {
      name: 'parser throughput (one core, 2-4 page letters)',
      value: parsed / seconds,
      unit: 'letters/s',
      target: { atLeast: 2000 },
      detail: `${letters.length} distinct letters, mean ${Math.round(meanChars)} chars, ${parsed} parses in ${seconds.toFixed(1)} s`,
    },
    benchVocabulary(),
    benchLinearity(),
  ];
}

const GROWTH_LIMIT = 20;

function timed(text: string): number {
  const started = performance.now();
  parseLetter(text);
  return performance.now() - started;
}

/**
 * The best of five runs of each size, taken in turn after a warm-up, so both see the same load;
 * a burst of load can slow every large run, so a ratio over the limit is measured again (up to
 * three times). A quadratic parser is over it every time.
 */
function growth(small: string, large: string): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > GROWTH_LIMIT; attempt++) {
    timed(small);
    let [smallMs, largeMs] = [Infinity, Infinity];
    for (let run = 0; run < 5; run++) {
      smallMs = Math.min(smallMs, timed(small));
      largeMs = Math.min(largeMs, timed(large));
    }
    best = Math.min(best, largeMs / smallMs);
  }
  return best;
}

function benchLinearity(): BenchResult {
  const ratios = Object.entries(BACKTRACKING_SHAPES).map(([name, make]) => ({ name, ratio: growth(make(100_000), make(1_000_000)) }));
  const worst = ratios.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return {
    name: 'parser time, 1 MB over 100 KB, worst backtracking shape',
    value: worst.ratio,
    unit: 'x',
    target: { atMost: GROWTH_LIMIT },
    detail: ratios.map(({ name, ratio }) => `${name}: ${ratio.toFixed(1)}x`).join('; '),
  };
}
