/** Parser throughput on one core over generated 2-4 page letters. Target: >= 2,000 letters/s. */
import { parseLetter } from '../src/main/letters/parsing/index.ts';
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
  ];
}
