import { describe, expect, it } from 'vitest';
import { searchMarks } from '../../src/main/storage/index.ts';
import { addLetters, letterOf } from '../review/helpers.ts';
import { useTempFolder } from './helpers.ts';

const temp = useTempFolder();

describe('search marks from the index', () => {
  it('marks each word a prefix matched and a quoted phrase as one span, as offsets into the letter text', () => {
    const library = temp.library();
    const [id] = addLetters(library, [{ items: [{ service: 'Lumbar MRI of the lumbosacral spine', decision: 'Upheld', rationale: 'Lumbar imaging of the lumbar spine is not needed.' }] }]) as [number];
    const text = letterOf(library, id).text;
    const shown = (search: string) => searchMarks(library.db, id, search).map(([start, end]) => text.slice(start, end));
    expect(shown('lumb*')).toEqual(text.match(/\blumb\w*/gi));
    expect(shown('"lumbar spine"')).toEqual(text.match(/lumbar\s+spine/gi));
    expect(shown('nowhere')).toEqual([]);
  });
});
