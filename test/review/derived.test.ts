/** Derived values follow the values: a fixed date clears its check, undo brings it back, and the queue filters by them. */
import { describe, expect, it } from 'vitest';
import { editLetterField, setStructureValue, undo } from '../../src/main/review/index.ts';
import { withVocabulary } from '../../src/main/review/derived.ts';
import { countQueue, getDerivedStats } from '../../src/main/storage/index.ts';
import type { ItemVocabulary } from '../../src/shared/derived.ts';
import type { StoredItem } from '../../src/shared/library.ts';
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

  it("DWC's category and drug class are facets the queue filters by, and a reviewer's correction of them is a change undo takes back", () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    expect(countQueue(library.db, { dwcCategory: 'diagnostic-testing' })).toBe(1);
    expect(countQueue(library.db, { dwcCategory: 'rehabilitation' })).toBe(1);
    expect(countQueue(library.db, { dwcDrugClass: 'opioids' })).toBe(1);
    const read = () => withVocabulary(letterOf(library, letterId)).items.map((item) => item.vocabulary as ItemVocabulary);
    const [mri, , norco] = letterOf(library, letterId).items as [StoredItem, StoredItem, StoredItem];
    const [mriRead, , norcoRead] = read() as [ItemVocabulary, ItemVocabulary, ItemVocabulary];
    expect([mriRead.dwcCategory, mriRead.dwcSubCategory]).toEqual(['diagnostic-testing', 'diagnostic-testing/imaging-radiology']);
    expect([norcoRead.dwcSubCategory, norcoRead.dwcDrugClasses]).toEqual(['pharmaceuticals/opioids', ['opioids']]);
    setStructureValue(library.db, REVIEWER, refOf(library, letterId), mri.id, 'dwcSubCategory', 'diagnostic-testing/emg-ncv-ncs');
    setStructureValue(library.db, REVIEWER, refOf(library, letterId), norco.id, 'dwcDrugClass', 'misc-analgesics');
    const corrected = read();
    expect(corrected[0]!.dwcSubCategory).toBe('diagnostic-testing/emg-ncv-ncs');
    expect(countQueue(library.db, { dwcCategory: 'diagnostic-testing' })).toBe(1);
    // A drug item's Sub Category follows its corrected class.
    expect([corrected[2]!.dwcSubCategory, corrected[2]!.corrected]).toEqual(['pharmaceuticals/misc-analgesics', ['dwcDrugClass']]);
    expect(countQueue(library.db, { dwcDrugClass: 'opioids' })).toBe(0);
    expect(() => setStructureValue(library.db, REVIEWER, refOf(library, letterId), mri.id, 'dwcSubCategory', 'surgery/knee')).toThrow(/dwcSubCategory is one of/);
    undo(library.db);
    expect(countQueue(library.db, { dwcDrugClass: 'opioids' })).toBe(1);
    undo(library.db);
    expect(read()[0]!.dwcSubCategory).toBe('diagnostic-testing/imaging-radiology');
  });
});
