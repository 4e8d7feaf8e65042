/**
 * The parser's warnings against generated letters with injected faults: every value a
 * fault makes the parser get wrong carries a warning (recall 100%), and few right values
 * do (false alarms under 2%). Each warning names its value: field, and item.
 */
import { describe, expect, test } from 'vitest';
import type { WarningTally } from '../../src/main/evaluation/warnings.ts';
import { addTallies, EMPTY_TALLY, parserFlags, tallyWarnings } from '../../src/main/evaluation/warnings.ts';
import { toExtractionRecord } from '../../src/main/letters/extraction.ts';
import { parseLetter } from '../../src/main/letters/parsing/index.ts';
import type { ParsedLetter, ParseWarning } from '../../src/shared/letter.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../src/shared/library.ts';
import {
  createRandom,
  FAULT_KINDS,
  generateLetter,
  injectFault,
  renderLetterText,
  TEXT_STYLES,
  withoutHeaderTable,
  type FaultKind,
  type FaultPlace,
  type GeneratedLetter,
  type TextStyle,
} from '../fixtures/index.ts';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

function truthFor(letter: GeneratedLetter, style: TextStyle) {
  return style === 'seed' ? withoutHeaderTable(letter.truth) : letter.truth;
}

/** Letters of 1 to 5 items, so faults hit single items, first items and items in between. */
function letterFor(seed: number): GeneratedLetter {
  return generateLetter(seed, { itemCount: 1 + (seed % 5) });
}

function tally(fault: FaultKind | null): { tally: WarningTally; letters: number } {
  let total = EMPTY_TALLY;
  let letters = 0;
  for (const seed of SEEDS) {
    for (const style of TEXT_STYLES) {
      const letter = letterFor(seed);
      const text = renderLetterText(letter, style);
      const faulted = fault ? injectFault(text, truthFor(letter, style), fault, createRandom(seed * 7 + 1)) : { text, truth: truthFor(letter, style) };
      if (!faulted) continue;
      const record = toExtractionRecord('generated', '', parseLetter(faulted.text));
      total = addTallies(total, tallyWarnings(record, faulted.truth, parserFlags(record)));
      letters++;
    }
  }
  return { tally: total, letters };
}

describe('recall and false alarms', () => {
  for (const fault of FAULT_KINDS) {
    test(`${fault}: every wrong value is warned, under 2% of right values are`, () => {
      const { tally: result, letters } = tally(fault);
      expect(letters).toBeGreaterThan(40);
      expect(result.wrong).toBeGreaterThan(letters / 2);
      expect(result.wrongWarned).toBe(result.wrong);
      expect(result.rightWarned / result.right).toBeLessThan(0.02);
    });
  }

  test('without faults, nothing is wrong and no right value is warned', () => {
    const { tally: result } = tally(null);
    expect(result).toMatchObject({ wrong: 0, rightWarned: 0 });
    expect(result.right).toBeGreaterThan(4000);
  });
});

function parseFaulted(letter: GeneratedLetter, style: TextStyle, fault: FaultKind, place: FaultPlace) {
  const faulted = injectFault(renderLetterText(letter, style), truthFor(letter, style), fault, createRandom(1), place);
  if (!faulted) throw new Error(`${fault} does not apply to letter ${letter.seed}`);
  return { parsed: parseLetter(faulted.text), faulted };
}

const named = (warnings: readonly ParseWarning[]) => warnings.map(({ code, field, itemIndex }) => ({ code, field, itemIndex }));

describe('what each fault is warned with', () => {
  test('a rationale without its full stop: the rationale and the next service are both warned', () => {
    const letter = generateLetter(21, { itemCount: 3, partials: [] });
    const { parsed } = parseFaulted(letter, 'plain', 'rationale-without-full-stop', { item: 1 });
    expect(named(parsed.items[1]?.warnings ?? [])).toContainEqual({ code: 'header-boundary-uncertain', field: 'rationale', itemIndex: 1 });
    expect(named(parsed.items[2]?.warnings ?? [])).toContainEqual({ code: 'header-boundary-uncertain', field: 'service', itemIndex: 2 });
    expect(parsed.items[2]?.service?.value).not.toBe(letter.truth.items[2]?.service);
  });

  test('a restatement without its full stop: the next service and every part of the split it was read as are warned', () => {
    const letter = generateLetter(22, { itemCount: 2, partials: [{ wording: 'remaining', trailingIs: true, restated: true, at: 0 }] });
    for (const style of TEXT_STYLES) {
      const { parsed } = parseFaulted(letter, style, 'rationale-without-full-stop', { item: 0 });
      const fields = parsed.items[1]?.warnings.filter((w) => w.code === 'header-boundary-uncertain').map((w) => w.field);
      expect({ style, fields }).toEqual({
        style,
        fields: ['service', 'originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'],
      });
    }
  });

  test('an unreadable decision: the value holding that item is warned, or the letter when it is the first item', () => {
    const letter = generateLetter(23, { itemCount: 3 });
    const middle = parseFaulted(letter, 'layout', 'decision-unreadable', { item: 1 }).parsed;
    expect(middle.items).toHaveLength(2);
    expect(named(middle.items[0]?.warnings ?? [])).toEqual([{ code: 'item-count-mismatch', field: 'rationale', itemIndex: 0 }]);
    const first = parseFaulted(letter, 'layout', 'decision-unreadable', { item: 0 }).parsed;
    expect(first.items).toHaveLength(2);
    expect(named(first.warnings)).toEqual([{ code: 'item-count-mismatch', field: undefined, itemIndex: undefined }]);
  });

  test('an unreadable field label: the missing field and the value that runs over it are warned', () => {
    const letter = generateLetter(24, { itemCount: 2 });
    const cases: [string, object[]][] = [
      ['MAXIMUS guideline:', [{ code: 'field-boundary-uncertain', field: 'claimsAdministratorGuideline', itemIndex: 0 }, { code: 'guideline-missing', field: 'maximusGuideline', itemIndex: 0 }]],
      ['Decision rationale:', [{ code: 'field-boundary-uncertain', field: 'maximusGuideline', itemIndex: 0 }, { code: 'rationale-missing', field: 'rationale', itemIndex: 0 }]],
    ];
    for (const [label, expected] of cases) {
      const { parsed } = parseFaulted(letter, 'layout', 'item-label-unreadable', { item: 0, label });
      expect(named(parsed.items[0]?.warnings ?? [])).toEqual(expected);
      expect(parsed.items).toHaveLength(2);
    }
  });

  test('an unreadable header label or credentials label: that value is warned, and the value that runs over it', () => {
    const letter = generateLetter(25, { headerTable: true, credentials: 'block' });
    const text = renderLetterText(letter, 'layout');
    const header = parseLetter(text.replace('Date Assigned:', 'Date Asslgned:'));
    expect(header.header?.dateAssigned).toBeNull();
    expect(named(header.warnings)).toEqual([{ code: 'header-field-missing', field: 'dateAssigned', itemIndex: undefined }]);
    const credentials = parseLetter(text.replace('Certification(s)/Specialty:', 'Certificati0n(s)/Specialty:'));
    expect(named(credentials.warnings)).toEqual([
      { code: 'credentials-missing', field: 'reviewerSpecialty', itemIndex: undefined },
      { code: 'field-boundary-uncertain', field: 'reviewerLicensure', itemIndex: undefined },
    ]);
  });

  test('a guideline saying no medical evidence was cited is a value, never a missing one', () => {
    const noEvidence = SEEDS.map((seed) => generateLetter(seed)).filter((letter) =>
      letter.truth.items.some((item) => item.claimsAdministratorGuideline.startsWith('No medical evidence was cited')),
    );
    expect(noEvidence.length).toBeGreaterThan(5);
    for (const letter of noEvidence) {
      const parsed = parseLetter(renderLetterText(letter, 'plain'));
      expect(parsed.items.flatMap((item) => item.warnings.map((w) => w.code))).not.toContain('guideline-missing');
    }
  });
});

describe('every warning names its value', () => {
  const letterFields = new Set<string>([...LETTER_FIELDS, 'header']);
  const itemFields = new Set<string>(ITEM_FIELDS);

  function expectNamed(parsed: ParsedLetter): void {
    for (const warning of parsed.warnings) {
      expect(warning.itemIndex).toBeUndefined();
      if (warning.field !== undefined) expect(letterFields).toContain(warning.field);
    }
    parsed.items.forEach((item, index) => {
      for (const warning of item.warnings) {
        expect(warning.itemIndex).toBe(index);
        if (warning.code !== 'best-effort-format') expect(itemFields).toContain(warning.field);
      }
    });
  }

  test('on letters with every kind of fault', () => {
    let faultedLetters = 0;
    for (const fault of FAULT_KINDS) {
      for (const seed of SEEDS.slice(0, 20)) {
        const letter = letterFor(seed);
        const faulted = injectFault(renderLetterText(letter, 'plain'), letter.truth, fault, createRandom(seed));
        if (!faulted) continue;
        expectNamed(parseLetter(faulted.text));
        faultedLetters++;
      }
    }
    // Every kind of fault found somewhere to go in most letters: the test did not pass on nothing.
    expect(faultedLetters).toBeGreaterThan(FAULT_KINDS.length * 10);
  });

  test('on text that is barely a letter', () => {
    for (const text of ['Decision rationale: x', 'Knee: Upheld\nClaims Administrator guideline:\nMAXIMUS guideline:', 'Case Number: CM16-0000001\nPriority: Standard']) {
      expectNamed(parseLetter(text));
    }
  });
});
