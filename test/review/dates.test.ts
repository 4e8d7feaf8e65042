/**
 * A date a reviewer enters is one the exports can read: MM/DD/YYYY as typed, ISO YYYY-MM-DD kept
 * as the letters print it, anything else refused at once with the field and the form it takes.
 */
import { describe, expect, it } from 'vitest';
import { editLetterField } from '../../src/main/review/index.ts';
import { InvalidEditError } from '../../src/main/storage/index.ts';
import { slice, useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

function oneLetter() {
  const library = temp.library();
  const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
  const edit = (field: Parameters<typeof editLetterField>[3], value: string | null) => editLetterField(library.db, REVIEWER, refOf(library, letterId), field, { value });
  return { library, letterId, edit };
}

describe('a date typed into a header field', () => {
  it('as ISO YYYY-MM-DD is kept as the letters print it, MM/DD/YYYY', () => {
    const { library, letterId, edit } = oneLetter();
    edit('decisionDate', '2017-01-06');
    const letter = letterOf(library, letterId);
    expect(letter.header?.decisionDate).toBe('01/06/2017');
    expect(letter.humanEdited).toEqual(['decisionDate']);
  });

  it("as ISO for the date the letter prints is the parser's value again, with its source", () => {
    const { library, letterId, edit } = oneLetter();
    const printed = letterOf(library, letterId);
    expect(printed.header?.dateAssigned).toBe('11/09/2016');
    edit('dateAssigned', '12/01/2016');
    edit('dateAssigned', '2016-11-09');
    const letter = letterOf(library, letterId);
    expect(letter.header?.dateAssigned).toBe('11/09/2016');
    expect(letter.humanEdited).toEqual([]);
    expect(slice(letter.text, letter.spans['dateAssigned'])).toBe('11/09/2016');
  });

  it('as MM/DD/YYYY is kept as typed, and an empty value clears the field', () => {
    const { library, letterId, edit } = oneLetter();
    edit('dateOfInjury', '1/6/2017');
    expect(letterOf(library, letterId).header?.dateOfInjury).toBe('1/6/2017');
    edit('dateOfInjury', '');
    expect(letterOf(library, letterId).header?.dateOfInjury).toBeNull();
  });

  it('in any other form, or not a real day, is refused naming the field and the form; nothing is written', () => {
    const { library, letterId, edit } = oneLetter();
    const before = letterOf(library, letterId);
    for (const [field, value] of [
      ['urDenialDate', 'Jan 6, 2017'],
      ['decisionDate', '2017-02-30'],
      ['applicationReceived', '02/30/2017'],
      ['dateOfInjury', '2017-1-6'],
      ['dateAssigned', 'unknown'],
    ] as const) {
      expect(() => edit(field, value)).toThrow(InvalidEditError);
    }
    expect(() => edit('urDenialDate', 'Jan 6, 2017')).toThrow('UR denial date takes a date as MM/DD/YYYY (as letters print it) or YYYY-MM-DD, not "Jan 6, 2017"');
    expect(letterOf(library, letterId)).toEqual(before);
  });

  it('selected in the text must be a date too', () => {
    const { library, letterId } = oneLetter();
    const letter = letterOf(library, letterId);
    const span = letter.spans['caseNumber']?.[0] ?? [0, 0];
    expect(() => editLetterField(library.db, REVIEWER, refOf(library, letterId), 'decisionDate', { selection: span })).toThrow(/Decision date takes a date/);
    const date = letter.spans['urDenialDate']?.[0] ?? [0, 0];
    editLetterField(library.db, REVIEWER, refOf(library, letterId), 'decisionDate', { selection: date });
    expect(letterOf(library, letterId).header?.decisionDate).toBe('11/03/2016');
  });

  it('leaves the fields that are not dates alone', () => {
    const { library, letterId, edit } = oneLetter();
    edit('priority', '2017-01-06');
    expect(letterOf(library, letterId).header?.priority).toBe('2017-01-06');
  });
});
