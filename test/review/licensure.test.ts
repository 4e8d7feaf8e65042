/**
 * The reviewer's licensure as a fact: the states read into a list, kept per letter so the queue
 * filters by them and the insights count them; a finding only when the library asks for one,
 * saying why, and every letter's findings worked out again when the setting changes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeInsights } from '../../src/main/insights/index.ts';
import { bringDerivedUpToDate, checkSettings, derivedBacklog, editLetterField, setCheckSettings, undo } from '../../src/main/review/index.ts';
import { countQueue, openLibrary } from '../../src/main/storage/index.ts';
import type { CheckSettings } from '../../src/shared/checkSettings.ts';
import { isLicensedIn, licensureStates } from '../../src/shared/licensure.ts';
import { startServerFixture } from '../server/fixture.ts';
import { useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

const REQUIRE_CALIFORNIA: CheckSettings = {
  decisionWindowDays: { standard: 40, expedited: 4 },
  licensureFinding: { state: 'California', why: 'Our contract asks for California reviewers.' },
};

describe('licensureStates', () => {
  it('reads a list however it is written, each state once, postal codes as their names', () => {
    expect(licensureStates('Texas,New York,California')).toEqual(['Texas', 'New York', 'California']);
    expect(licensureStates('California, Oregon and Washington')).toEqual(['California', 'Oregon', 'Washington']);
    expect(licensureStates('TX/CA; ny')).toEqual(['Texas', 'California', 'New York']);
    expect(licensureStates('  north   CAROLINA ,  State of Florida.')).toEqual(['North Carolina', 'Florida']);
    expect(licensureStates('California, CA')).toEqual(['California']);
    expect(licensureStates('Ontario')).toEqual(['Ontario']);
    expect(licensureStates('')).toEqual([]);
    expect(licensureStates(null)).toEqual([]);
  });

  it('answers whether a state is among them, and nothing when none is listed', () => {
    expect(isLicensedIn('Texas, Florida', 'California')).toBe(false);
    expect(isLicensedIn('Texas, CA', 'California')).toBe(true);
    expect(isLicensedIn('Californian', 'California')).toBe(false);
    expect(isLicensedIn(null, 'California')).toBeNull();
  });
});

describe('licensure in a library', () => {
  function library() {
    const library = temp.library();
    const [california, florida, both] = addLetters(library, [
      { ...THREE_ITEMS, caseNumber: 'CM16-0000001', licensure: 'California' },
      { ...THREE_ITEMS, caseNumber: 'CM16-0000002', licensure: 'Florida' },
      { ...THREE_ITEMS, caseNumber: 'CM16-0000003', licensure: 'Texas, California' },
    ]) as [number, number, number];
    return { library, california, florida, both };
  }
  const codes = (lib: ReturnType<typeof library>, letterId: number) => letterOf(lib.library, letterId).checks.map((check) => check.code);
  const facetRows = (lib: ReturnType<typeof library>, letterId: number) =>
    lib.library.db
      .prepare("SELECT value, items, upheld, overturned FROM letter_facets WHERE letter_id = ? AND facet = 'licensure-state' ORDER BY value")
      .all(letterId);

  it('is no finding by default: a reviewer licensed in Florida is no error in the letter', () => {
    const lib = library();
    expect(checkSettings(lib.library.db).licensureFinding).toBeNull();
    expect(codes(lib, lib.florida)).toEqual([]);
    expect(countQueue(lib.library.db, { hasChecks: true })).toBe(0);
  });

  it('keeps each letter its states, counting all its items, and follows an edit and its undo', () => {
    const lib = library();
    expect(facetRows(lib, lib.both)).toEqual([
      { value: 'California', items: 3, upheld: 2, overturned: 1 },
      { value: 'Texas', items: 3, upheld: 2, overturned: 1 },
    ]);
    editLetterField(lib.library.db, REVIEWER, refOf(lib.library, lib.florida), 'reviewerLicensure', { value: 'Florida, CA' });
    expect(facetRows(lib, lib.florida).map((row) => (row as { value: string }).value)).toEqual(['California', 'Florida']);
    undo(lib.library.db);
    expect(facetRows(lib, lib.florida).map((row) => (row as { value: string }).value)).toEqual(['Florida']);
  });

  it('filters the queue: licensed in a state, or listing states none of which is it', () => {
    const lib = library();
    const { db } = lib.library;
    expect(countQueue(db, { licensure: { state: 'California', licensed: true } })).toBe(2);
    expect(countQueue(db, { licensure: { state: 'California', licensed: false } })).toBe(1);
    expect(countQueue(db, { licensure: { state: 'Texas', licensed: true } })).toBe(1);
    editLetterField(db, REVIEWER, refOf(lib.library, lib.florida), 'reviewerLicensure', { value: null });
    // A letter that lists no state is neither.
    expect(countQueue(db, { licensure: { state: 'California', licensed: false } })).toBe(0);
    expect(countQueue(db, { licensure: { state: 'California', licensed: true } })).toBe(2);
  });

  it('is counted in the insights: letters and items per state, each row opening its letters', () => {
    const lib = library();
    const insights = computeInsights(lib.library.db, { filter: {}, scope: 'all' });
    const breakdown = insights.breakdowns.find((b) => b.id === 'licensure-state');
    expect(breakdown?.rows.map((row) => [row.label, row.letters, row.items, row.upheld, row.overturned])).toEqual([
      ['California', 2, 6, 4, 2],
      ['Florida', 1, 3, 2, 1],
      ['Texas', 1, 3, 2, 1],
    ]);
    const florida = breakdown?.rows.find((row) => row.key === 'Florida');
    expect(florida?.selection).toEqual({ licensure: { state: 'Florida', licensed: true } });
    expect(countQueue(lib.library.db, florida?.selection)).toBe(1);
    const filtered = computeInsights(lib.library.db, { filter: { licensure: { state: 'California', licensed: false } }, scope: 'all' });
    expect(filtered.headline.letters).toBe(1);
  });

  it('is a finding once the library asks for one, saying why; every letter is worked out again, and again when it is turned off', () => {
    const lib = library();
    const { db } = lib.library;
    setCheckSettings(db, REQUIRE_CALIFORNIA);
    expect(derivedBacklog(db)).toEqual({ done: 0, total: 3 });
    expect(bringDerivedUpToDate(db)).toBe(3);
    expect(codes(lib, lib.florida)).toEqual(['reviewer-licensure-state']);
    expect(letterOf(lib.library, lib.florida).checks[0]?.message).toContain('Our contract asks for California reviewers.');
    expect(codes(lib, lib.both)).toEqual([]);
    expect(countQueue(db, { hasChecks: true })).toBe(1);
    setCheckSettings(db, { ...REQUIRE_CALIFORNIA, licensureFinding: null });
    bringDerivedUpToDate(db);
    expect(codes(lib, lib.florida)).toEqual([]);
    expect(countQueue(db, { hasChecks: true })).toBe(0);
  });
});

describe('the check settings through the API', () => {
  it('reads and sets them, refuses a finding without a reason, and updates the letters in the background', async () => {
    const file = path.join(temp.folder(), 'library.sqlite');
    const seeded = openLibrary(file);
    const [florida] = addLetters(seeded, [{ ...THREE_ITEMS, licensure: 'Florida' }]) as [number];
    bringDerivedUpToDate(seeded.db);
    seeded.close();
    const server = await startServerFixture({ file });
    try {
      expect(await server.call('getCheckSettings')).toEqual({ decisionWindowDays: { standard: 40, expedited: 4 }, licensureFinding: null });
      await expect(server.call('setCheckSettings', { ...REQUIRE_CALIFORNIA, licensureFinding: { state: 'California', why: '' } })).rejects.toThrow(
        /invalid-arguments/,
      );
      await server.call('setCheckSettings', REQUIRE_CALIFORNIA);
      expect(await server.call('getCheckSettings')).toEqual(REQUIRE_CALIFORNIA);
      let stats = await server.call('getStats');
      for (let i = 0; i < 400 && stats.derivedUpdate !== null; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        stats = await server.call('getStats');
      }
      expect(stats.derivedUpdate).toBeNull();
      const letter = await server.call('getLetter', florida);
      expect(letter?.checks.map((check) => check.code)).toEqual(['reviewer-licensure-state']);
    } finally {
      await server.dispose();
    }
  });
});
