/**
 * The parser against generated letters with known truth: every variant of the format,
 * in every text style the readers produce, scored with the same rules as `eval`.
 */
import { describe, expect, test } from 'vitest';
import { scoreLetter } from '../../src/main/evaluation/compare.ts';
import { toExtractionRecord } from '../../src/main/letters/extraction.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import { foldWhitespace } from '../../src/main/letters/parsing/text.ts';
import type { Field, ParsedLetter } from '../../src/shared/letter.ts';
import type { GeneratedLetter, LetterVariant, TextStyle } from '../fixtures/index.ts';
import { generateLetter, renderLetterText, TEXT_STYLES, withoutHeaderTable } from '../fixtures/index.ts';

function truthFor(letter: GeneratedLetter, style: TextStyle) {
  return style === 'seed' ? withoutHeaderTable(letter.truth) : letter.truth;
}

function differences(letter: GeneratedLetter, style: TextStyle, crlf = false): string[] {
  const text = renderLetterText(letter, style, { crlf });
  const record = toExtractionRecord('generated', '', parseLetter(text));
  const score = scoreLetter(record, truthFor(letter, style));
  const fields = score.fields.filter((f) => !f.exact).map((f) => `${f.field}: ${JSON.stringify(f.actual)} != ${JSON.stringify(f.expected)}`);
  return score.itemCountMatches ? fields : [`item count ${record.items.length} != ${letter.truth.items.length}`, ...fields];
}

function allFields(letter: ParsedLetter): Field[] {
  const itemFields = letter.items.flatMap((item) => [
    item.service,
    item.decision,
    item.claimsAdministratorGuideline,
    item.maximusGuideline,
    item.rationale,
    item.partial?.originalRequest ?? null,
    item.partial?.authorizedByClaimsAdministrator ?? null,
    item.partial?.imrEligiblePortion ?? null,
  ]);
  const header = letter.header ? Object.values(letter.header) : [];
  const { specialty, licensure, subspecialty } = letter.reviewer;
  return [letter.caseNumber, specialty, licensure, subspecialty, letter.clinicalCaseSummary, ...header, ...itemFields].filter(
    (field): field is Field => field !== null,
  );
}

describe('generated letters, every style', () => {
  for (const style of TEXT_STYLES) {
    test(`${style}: 60 random letters extract with every field exact`, () => {
      for (let seed = 1; seed <= 60; seed++) {
        expect({ seed, diff: differences(generateLetter(seed), style) }).toEqual({ seed, diff: [] });
      }
    });
  }

  test('CRLF line endings change nothing', () => {
    for (let seed = 100; seed < 120; seed++) {
      expect({ seed, diff: differences(generateLetter(seed), 'layout', true) }).toEqual({ seed, diff: [] });
    }
  });
});

describe('each format quirk', () => {
  const quirks: [string, Partial<LetterVariant>][] = [
    ['credentials block, licensure without spaces', { credentials: 'block', licensureWithoutSpaces: true }],
    ['credentials block, specialty wrapping', { credentials: 'block', specialtyWraps: true }],
    ['prose credentials with subspecialty', { credentials: 'prose', subspecialty: true }],
    ['prose credentials without subspecialty', { credentials: 'prose', subspecialty: false }],
    ['no header table', { headerTable: false }],
    ['expedited priority', { priority: 'Expedited' }],
    ['21 items', { itemCount: 21 }],
    ['six-line item header', { itemCount: 3, headerLines: 6 }],
    ['colon inside a service', { itemCount: 3, serviceWithColon: true }],
    ['"X.: Overturned"', { itemCount: 3, periodBeforeColon: true }],
    ['double space before the decision', { doubleSpaceBeforeDecision: true }],
    ['decision alone on the next line', { itemCount: 3, decisionOnNextLine: true }],
    ['partial certification, "remaining" wording', { itemCount: 2, partials: [{ wording: 'remaining', trailingIs: true }] }],
    ['partial certification, "leaving" wording', { itemCount: 2, partials: [{ wording: 'leaving', trailingIs: true }] }],
    ['partial certification without a trailing "is"', { itemCount: 2, partials: [{ wording: 'remaining', trailingIs: false }] }],
    ['partial sentences repeated in the case summary', { itemCount: 2, partials: [{ wording: 'leaving', trailingIs: true }], partialRepeatedInSummary: true }],
    ['no blank line before a header', { itemCount: 4, noBlankBeforeHeader: true }],
    ['page break inside an item header', { itemCount: 4, pageBreakInHeader: true }],
    ['page break before "Claims Administrator guideline:"', { itemCount: 4, pageBreakBeforeGuideline: true }],
    ['curly quotes and dashes', { curlyPunctuation: true }],
    ['line-final hyphens', { lineFinalHyphens: true }],
    ['all-caps service', { allCapsService: true }],
    ['mixed decisions', { itemCount: 5, mixedDecisions: true }],
  ];
  for (const [name, variant] of quirks) {
    test(name, () => {
      for (const seed of [7, 8, 9]) {
        const letter = generateLetter(seed, variant);
        for (const style of TEXT_STYLES) {
          expect({ seed, style, diff: differences(letter, style) }).toEqual({ seed, style, diff: [] });
        }
      }
    });
  }
});

describe('source spans', () => {
  test('every value folds back from the text its span points at', () => {
    for (let seed = 200; seed < 230; seed++) {
      for (const style of TEXT_STYLES) {
        const text = renderLetterText(generateLetter(seed), style);
        for (const field of allFields(parseLetter(text))) {
          const raw = text.slice(field.span[0], field.span[1]);
          const folded = field.value === 'Upheld' || field.value === 'Overturned' ? raw : foldWhitespace(raw);
          expect(folded).toBe(field.value);
          expect(raw).toBe(raw.trim());
        }
      }
    }
  });

  test('item spans are in order and do not overlap', () => {
    const text = renderLetterText(generateLetter(31, { itemCount: 12 }), 'plain');
    const spans = parseLetter(text).items.map((item) => item.span);
    expect(spans).toHaveLength(12);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });
});

describe('warnings', () => {
  test('a clean letter has none (a rationale contradicting its decision is left to the rule checks)', () => {
    for (let seed = 300; seed < 320; seed++) {
      for (const style of ['layout', 'plain'] as const) {
        const letter = parseLetter(renderLetterText(generateLetter(seed, { contradictingRationale: seed % 4 === 0, headerTable: true }), style));
        expect(letter.warnings).toEqual([]);
        expect(letter.items.flatMap((item) => item.warnings)).toEqual([]);
      }
    }
  });

  test('a seed-style letter warns that it has no header table', () => {
    const parsed = parseLetter(renderLetterText(generateLetter(5), 'seed'));
    expect(parsed.header).toBeNull();
    expect(parsed.warnings.map((w) => w.code)).toEqual(['header-missing']);
  });
});
