/**
 * Partial certifications next to each other, next to ordinary items and at the end of the
 * letter, across page breaks, with and without a rationale that restates the certification
 * ("... the original request, X is not medically necessary."): every field exact, no warning.
 */
import { describe, expect, test } from 'vitest';
import { scoreLetter } from '../../src/main/evaluation/compare.ts';
import { toExtractionRecord } from '../../src/main/letters/extraction.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { foldWhitespace, generateLetter, renderLetterText, TEXT_STYLES, withoutHeaderTable, type PartialSpec } from '../fixtures/index.ts';

type Neighbour = 'an ordinary item' | 'another partial item' | 'the end of the letter';
const NEIGHBOURS: readonly Neighbour[] = ['an ordinary item', 'another partial item', 'the end of the letter'];
const PAGE_BREAKS: readonly (PartialSpec['pageBreak'] | undefined)[] = [undefined, 'in-last-line', 'after-rationale'];

/** The partial under test at item 1 of 3 (or last of 2), and what follows it. */
function partials(first: Omit<PartialSpec, 'at'>, neighbour: Neighbour): { itemCount: number; partials: PartialSpec[] } {
  if (neighbour === 'the end of the letter') return { itemCount: 2, partials: [{ ...first, at: 1 }] };
  const next: PartialSpec[] = neighbour === 'another partial item' ? [{ wording: 'leaving', trailingIs: false, restated: first.restated, at: 2 }] : [];
  return { itemCount: 3, partials: [{ ...first, at: 1 }, ...next] };
}

describe('a partial certification followed by', () => {
  for (const neighbour of NEIGHBOURS) {
    for (const restated of [true, false]) {
      for (const pageBreak of PAGE_BREAKS) {
        const name = `${neighbour}, ${restated ? 'with' : 'without'} a restatement, ${pageBreak ?? 'no page break'}`;
        test(name, () => {
          for (const seed of [3, 4]) {
            for (const wording of ['remaining', 'leaving'] as const) {
              const letter = generateLetter(seed, partials({ wording, trailingIs: seed % 2 === 0, restated, pageBreak }, neighbour));
              const partial = letter.truth.items[1];
              expect(partial?.partial).toBeDefined();
              if (restated) expect(partial?.rationale).toContain(`${partial?.partial?.imrEligiblePortion} is`);
              for (const style of TEXT_STYLES) {
                const text = renderLetterText(letter, style);
                const parsed = parseLetter(text);
                const truth = style === 'seed' ? withoutHeaderTable(letter.truth) : letter.truth;
                const diff = scoreLetter(toExtractionRecord('generated', '', parsed), truth).fields.filter((f) => !f.exact);
                const warnings = parsed.items.flatMap((item) => item.warnings.map((w) => w.code));
                expect({ seed, wording, style, diff, warnings }).toEqual({ seed, wording, style, diff: [], warnings: [] });
              }
            }
          }
        });
      }
    }
  }
});

describe('the generated combinations are what they claim', () => {
  test('a restated rationale ends with the three sentences and the verdict', () => {
    const letter = generateLetter(5, { itemCount: 2, partials: [{ wording: 'remaining', trailingIs: true, restated: true, at: 0 }] });
    const [item] = letter.truth.items;
    const { originalRequest, authorizedByClaimsAdministrator, imrEligiblePortion } = item?.partial ?? {};
    const verdict = item?.decision === 'Upheld' ? 'is not medically necessary.' : 'is medically necessary.';
    expect(item?.rationale.endsWith(
      `${originalRequest} was the original request. ${authorizedByClaimsAdministrator} was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, ${imrEligiblePortion} ${verdict}`,
    )).toBe(true);
    expect(generateLetter(5, { itemCount: 2, partials: [{ wording: 'remaining', trailingIs: true, restated: false, at: 0 }] }).truth.items[0]?.rationale).not.toContain('was the original request');
  });

  test('page breaks fall inside the restatement and right after the rationale', () => {
    const inLastLine = renderLetterText(generateLetter(6, { itemCount: 2, partials: [{ wording: 'leaving', trailingIs: true, restated: true, at: 0, pageBreak: 'in-last-line' }] }), 'layout');
    const rationaleStart = inLastLine.indexOf('Decision rationale:');
    const restatement = inLastLine.slice(rationaleStart, inLastLine.indexOf('medically necessary.', rationaleStart));
    expect(restatement.indexOf('was the original')).toBeGreaterThan(0);
    expect(restatement.indexOf('\f')).toBeGreaterThan(restatement.indexOf('was the original'));
    const after = generateLetter(6, { itemCount: 2, partials: [{ wording: 'leaving', trailingIs: true, restated: true, at: 0, pageBreak: 'after-rationale' }] });
    const text = renderLetterText(after, 'layout');
    const nextService = foldWhitespace(after.truth.items[1]?.service ?? '').split(' ')[0] ?? '';
    expect(text).toMatch(new RegExp(`medically necessary\\.\\n\\f${nextService}`));
  });
});
