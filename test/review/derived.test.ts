/** Derived values follow the values: a fixed date clears its check, undo brings it back, and the queue filters by them. */
import { describe, expect, it } from 'vitest';
import { editLetterField, setStructureValue, undo } from '../../src/main/review/index.ts';
import { countQueue, getDerivedStats } from '../../src/main/storage/index.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

describe('derived values', () => {
  it('a fixed date clears its check finding and undo brings it back; the queue counts letters with findings', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [{ ...THREE_ITEMS, caseNumber: 'CM16-12' }]) as [number];
    expect(letterOf(library, letterId).checks.map((check) => check.code)).toEqual(['case-number-format']);
    expect(countQueue(library.db, { hasChecks: true })).toBe(1);
    editLetterField(library.db, REVIEWER, refOf(library, letterId), 'caseNumber', { value: 'CM16-0000012' });
    expect(letterOf(library, letterId).checks).toEqual([]);
    expect(countQueue(library.db, { hasChecks: true })).toBe(0);
    undo(library.db);
    expect(letterOf(library, letterId).checks.map((check) => check.code)).toEqual(['case-number-format']);
    expect(getDerivedStats(library.db).checksByCode).toEqual({ 'case-number-format': 1 });
  });

  it('the queue filters by service category, drug class and guideline source, and a corrected category wins', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    expect(getDerivedStats(library.db).itemsByCategory).toEqual({ imaging: 1, 'physical-therapy': 1, 'prescription-drug': 1 });
    expect(countQueue(library.db, { category: 'imaging' })).toBe(1);
    expect(countQueue(library.db, { drugClass: 'opioid' })).toBe(1);
    expect(countQueue(library.db, { drugClass: 'nsaid' })).toBe(0);
    expect(countQueue(library.db, { guidelineSource: 'mtus' })).toBe(1);
    const mri = letterOf(library, letterId).items[0]!;
    setStructureValue(library.db, REVIEWER, refOf(library, letterId), mri.id, 'category', 'surgery');
    expect(letterOf(library, letterId).items[0]!.structureCorrections).toEqual({ category: 'surgery' });
    expect(countQueue(library.db, { category: 'imaging' })).toBe(0);
    expect(countQueue(library.db, { category: 'surgery' })).toBe(1);
    undo(library.db);
    expect(countQueue(library.db, { category: 'imaging' })).toBe(1);
  });
});
