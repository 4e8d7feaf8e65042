/**
 * The vocabulary reads a field in work proportional to its length: counted as characters
 * folded (text.ts's foldWork), never timed. aliasAt, asked from every offset of a field, used
 * to fold the rest of the field each time.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { analyzeGuideline } from '../../../src/main/letters/vocabulary/index.ts';
import { aliasAt, aliasIndex, foldName, foldWork } from '../../../src/main/letters/vocabulary/text.ts';

const PIECES = [
  'Official Disability Guidelines (ODG)', 'Low Back - Lumbar & Thoracic (Acute & Chronic)', 'Knee & Leg', 'Pain (Chronic)',
  'Neck and Upper Back', 'Shoulder', 'Opioids', 'Topical analgesics', 'Work conditioning', 'NSAIDs, GI symptoms & cardiovascular risk',
  'ACOEM', 'Chronic Pain Medical Treatment Guidelines 2009', 'Page(s): 78-80', 'Section(s): Physical Medicine', "Physicians' Desk Reference",
];
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }));
const separator = fc.constantFrom(', ', '; ', ' - ', ' & ', ' ', '. ', ': ');
const field = fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 20 }).map((parts) => parts.map(([p, s]) => p + s).join(''));

function workOf(read: () => void): number {
  const before = foldWork();
  read();
  return foldWork() - before;
}

describe('the vocabulary is linear in its input', () => {
  test('reading a guideline field folds each of its characters a bounded number of times', () => {
    fc.assert(
      fc.property(field, fc.integer({ min: 2, max: 40 }), (text, copies) => {
        const long = Array.from({ length: copies }, () => text).join(', ');
        const work = workOf(() => analyzeGuideline(long));
        // The field once for aliasAt, plus each name folded once per lookup of the alias tables (bounded by the field's length).
        expect(work).toBeLessThanOrEqual(8 * long.length + 64);
      }),
      { numRuns: 60 },
    );
  });

  test('work grows in step with the length: forty copies cost about forty times one', () => {
    const one = PIECES.join(', ');
    const single = workOf(() => analyzeGuideline(`ODG, ${one}`));
    const many = workOf(() => analyzeGuideline(`ODG, ${Array.from({ length: 40 }, () => one).join(', ')}`));
    expect(many).toBeLessThanOrEqual(40 * single * 1.5);
  });

  test('aliasAt from any offset finds what folding the rest of the text from there finds', () => {
    const names = ['Low Back', 'Low Back - Lumbar & Thoracic', 'Knee & Leg', 'Pain (Chronic)', 'Neck and Upper Back'];
    const index = aliasIndex(names.map((name) => [name, name] as const));
    fc.assert(
      fc.property(field, fc.nat(), fc.nat(), (text, a, b) => {
        const at = a % (text.length + 1);
        const end = at + (b % (text.length - at + 1));
        const found = aliasAt(text, at, index, end);
        const rest = foldName(text.slice(at, end));
        const expected = index.entries.find((entry) => rest === entry.folded || rest.startsWith(`${entry.folded} `));
        expect(found?.value ?? null).toBe(expected?.value ?? null);
        if (found) expect(foldName(text.slice(found.span[0], found.span[1])).startsWith(foldName(found.value))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
