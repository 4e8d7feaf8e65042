import { describe, expect, it } from 'vitest';
import { searchLetters, searchMarks } from '../../src/main/storage/index.ts';
import { addLetters, letterOf } from '../review/helpers.ts';
import type { PlainLetter } from './helpers.ts';
import { useTempFolder } from './helpers.ts';

const temp = useTempFolder();

/** Forty letters that all match `acupuncture`, each with its match at its own offset among unrelated words. */
function manyMatching(): PlainLetter[] {
  return Array.from({ length: 40 }, (_, n) => ({
    summary: `${'filler words before the treatment '.repeat(n)}then acupuncture sessions`,
    items: [{ service: `${'x'.repeat(n)} Acupuncture 2x${n + 1}`, decision: 'Upheld', rationale: `Item rationale number ${n}.` }],
  }));
}

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

  it('marks each letter at its own matches when many letters match, asked in any order', () => {
    const library = temp.library();
    const ids = addLetters(library, manyMatching());
    for (const id of [...ids].reverse()) {
      const text = letterOf(library, id).text;
      const marks = searchMarks(library.db, id, 'acupuncture');
      expect(marks.map(([start, end]) => text.slice(start, end).toLowerCase())).toEqual(text.match(/acupuncture/gi)?.map((word) => word.toLowerCase()));
    }
  });

  it('gives each search hit the snippet of its own letter or item', () => {
    const library = temp.library();
    const ids = addLetters(library, manyMatching());
    const hits = searchLetters(library.db, 'acupuncture', { limit: ids.length, markers: ['[', ']'] });
    expect(hits).toHaveLength(ids.length);
    for (const hit of hits) {
      const letter = letterOf(library, hit.letterId);
      const own = hit.itemId === null ? letter.text : JSON.stringify(letter.items.find((item) => item.id === hit.itemId));
      const words = hit.snippet.replace(/[[\]…]/g, '').split(/\s+/).filter(Boolean);
      for (const word of words) expect(own).toContain(word);
      expect(hit.snippet.toLowerCase()).toContain('[acupuncture]');
    }
  });
});
