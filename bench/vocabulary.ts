/** The vocabulary's time per letter: every item's service and guideline fields read, over generated letters. */
import { derivableOfParsed, letterVocabularies } from '../src/main/letters/derive.ts';
import { parseLetter } from '../src/main/letters/parsing/index.ts';
import { generateLetter, renderLetterText } from '../test/fixtures/index.ts';
import type { BenchResult } from './result.ts';

const SAMPLE = 400;
const RUN_MS = 3000;

export function benchVocabulary(): BenchResult {
  const letters = Array.from({ length: SAMPLE }, (_, seed) => derivableOfParsed(parseLetter(renderLetterText(generateLetter(seed), 'plain'))));
  const readAll = () => {
    for (const letter of letters) letterVocabularies(letter.items);
  };
  readAll(); // warm up the JIT
  let read = 0;
  const started = performance.now();
  while (performance.now() - started < RUN_MS) {
    readAll();
    read += letters.length;
  }
  const elapsed = performance.now() - started;
  const items = letters.reduce((sum, letter) => sum + letter.items.length, 0);
  return {
    name: 'vocabulary time per letter (one core)',
    value: (elapsed * 1000) / read,
    unit: 'µs/letter',
    detail: `${letters.length} generated letters, ${items} items, ${read} letters read in ${(elapsed / 1000).toFixed(1)} s`,
  };
}
