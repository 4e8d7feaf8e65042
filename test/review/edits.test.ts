import { describe, expect, it } from 'vitest';
import { editItemField, editLetterField, mergeItems, redo, setLetterTag, splitItem, undo, verifyLetter } from '../../src/main/review/index.ts';
import { createTag, LetterReadOnlyError, StaleRevisionError } from '../../src/main/storage/index.ts';
import type { StoredItem } from '../../src/shared/library.ts';
import { slice, useTempFolder } from '../storage/helpers.ts';
import { addLetters, letterOf, REVIEWER, refOf, THREE_ITEMS } from './helpers.ts';

const temp = useTempFolder();

describe('a change bound to its letter and revision', () => {
  it('is refused on a revision that is no longer current, and writes nothing', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const seen = refOf(library, letterId);
    const item = letterOf(library, letterId).items[0]!;
    editItemField(library.db, REVIEWER, seen, item.id, 'service', { value: 'Lumbar MRI with contrast' });
    const before = letterOf(library, letterId);
    expect(() => editItemField(library.db, REVIEWER, seen, item.id, 'rationale', { value: 'Stale' })).toThrow(StaleRevisionError);
    expect(letterOf(library, letterId)).toEqual(before);
  });

  it('never reaches an item of another letter', () => {
    const library = temp.library();
    const [a, b] = addLetters(library, [THREE_ITEMS, { ...THREE_ITEMS, caseNumber: 'CM16-0000002' }]) as [number, number];
    const itemOfB = letterOf(library, b).items[0]!;
    expect(() => editItemField(library.db, REVIEWER, refOf(library, a), itemOfB.id, 'service', { value: 'x' })).toThrow(/not an item of CM16-0000001/);
    expect(letterOf(library, b).items[0]!.service).toBe('Lumbar MRI');
  });

  it('that changes nothing records nothing and leaves the letter unreviewed', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const item = letterOf(library, letterId).items[0]!;
    const outcome = editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Lumbar MRI' });
    expect(outcome.changeId).toBeNull();
    expect(letterOf(library, letterId).status).toBe('unreviewed');
  });
});

describe('provenance of an edit', () => {
  it('keeps the span a typed value still reads at, narrowed; drops it when it reads elsewhere; puts the parser span back', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const letter = letterOf(library, letterId);
    const item = letter.items[1]!;
    const [span] = item.spans['service']!;
    editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Physical therapy 2x6' });
    let now = letterOf(library, letterId).items[1]!;
    expect(now.spans['service']).toEqual([[span![0], span![0] + 'Physical therapy 2x6'.length]]);
    expect(now.humanEdited).toEqual(['service']);
    editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Aquatic therapy' });
    now = letterOf(library, letterId).items[1]!;
    expect(now.spans['service']).toBeUndefined();
    editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { value: 'Physical therapy 2x6 for the knee' });
    now = letterOf(library, letterId).items[1]!;
    expect(now.spans['service']).toEqual([span]);
    expect(now.humanEdited).toEqual([]);
  });

  it('takes a selection of several stretches in the order given, joined by a space, and keeps each as a span; undo puts the value back', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const letter = letterOf(library, letterId);
    const [first, second] = letter.items as [StoredItem, StoredItem];
    const later = first.spans['rationale']![0]!;
    const earlier = second.spans['service']![0]!;
    const ref = refOf(library, letterId);
    editItemField(library.db, REVIEWER, ref, first.id, 'service', { selections: [later, earlier] });
    const item = letterOf(library, letterId).items[0]!;
    expect(item.service).toBe(`${first.rationale} ${second.service}`);
    expect(item.spans['service']).toEqual([later, earlier]);
    expect(item.humanEdited).toEqual(['service']);
    undo(library.db);
    expect(letterOf(library, letterId).items[0]).toEqual(first);
  });

  it('refuses a selection that takes text twice or runs past the text, writing nothing', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const before = letterOf(library, letterId);
    const item = before.items[0]!;
    const [start, end] = item.spans['service']![0]!;
    const edit = (selections: readonly (readonly [number, number])[]) => () =>
      editItemField(library.db, REVIEWER, refOf(library, letterId), item.id, 'service', { selections });
    expect(edit([[start, end], [start + 1, end + 3]])).toThrow(/twice/);
    expect(edit([[start, end], [before.text.length, before.text.length + 2]])).toThrow(/not inside the letter's text/);
    expect(letterOf(library, letterId)).toEqual(before);
  });

  it("answers the field's warning when a person sets it", () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const { items } = letterOf(library, letterId);
    expect(letterOf(library, letterId).warningCount).toBe(1);
    library.db.prepare("UPDATE items SET warnings = json_array(json_object('code', 'header-boundary-uncertain', 'message', 'm', 'field', 'service')) WHERE id = ?").run(items[0]!.id);
    editItemField(library.db, REVIEWER, refOf(library, letterId), items[0]!.id, 'service', { value: 'Lumbar MRI scan' });
    const warning = letterOf(library, letterId).items[0]!.warnings[0]!;
    expect(warning.resolved?.by).toBe('Test Reviewer');
  });
});

describe('merge and split', () => {
  it('merge joins every value with all its spans; undo gives both items back exactly', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const before = letterOf(library, letterId);
    const [first, second] = before.items as [typeof before.items[0], typeof before.items[0]];
    mergeItems(library.db, REVIEWER, refOf(library, letterId), first.id, second.id);
    const merged = letterOf(library, letterId);
    expect(merged.items).toHaveLength(2);
    const item = merged.items[0]!;
    expect(item.service).toBe('Lumbar MRI Physical therapy 2x6 for the knee');
    expect(item.spans['service']!.map((span) => slice(merged.text, span))).toEqual(['Lumbar MRI', 'Physical therapy 2x6 for the knee']);
    undo(library.db);
    const { revision: _r1, ...restored } = letterOf(library, letterId);
    const { revision: _r2, ...original } = before;
    expect(restored).toEqual(original);
  });

  it('split cuts the first item where the selected header starts and reads the rest as the new item', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    // Make the parser's mistake: item 1 swallowed item 2.
    const letter = letterOf(library, letterId);
    const [first, second] = letter.items as [typeof letter.items[0], typeof letter.items[0]];
    mergeItems(library.db, REVIEWER, refOf(library, letterId), first.id, second.id);
    const [header] = second.spans['service']!;
    const outcome = splitItem(library.db, REVIEWER, refOf(library, letterId), first.id, header!);
    const split = letterOf(library, letterId);
    expect(split.items.map((item) => item.service)).toEqual(['Lumbar MRI', 'Physical therapy 2x6 for the knee', 'Norco 10/325mg #120']);
    expect(split.items[1]!.id).toBe(outcome.result);
    expect(split.items[1]!.rationale).toBe('The therapy is medically necessary.');
    expect(split.items[1]!.decision).toBe('Overturned');
    expect(split.items[0]!.spans['service']!.map((span) => slice(split.text, span))).toEqual(['Lumbar MRI']);
  });
});

describe('read-only', () => {
  it('a verified letter takes no tag until reopened', () => {
    const library = temp.library();
    const [letterId] = addLetters(library, [THREE_ITEMS]) as [number];
    const tagId = createTag(library.db, { name: 'Check', colour: '#112233' });
    verifyLetter(library.db, REVIEWER, refOf(library, letterId));
    expect(() => setLetterTag(library.db, REVIEWER, refOf(library, letterId), tagId, true)).toThrow(LetterReadOnlyError);
    expect(() => editLetterField(library.db, REVIEWER, refOf(library, letterId), 'caseNumber', { value: 'CM16-0000009' })).toThrow(/CM16-0000001 is verified/);
    undo(library.db);
    expect(letterOf(library, letterId).status).toBe('unreviewed');
    redo(library.db);
    expect(letterOf(library, letterId).status).toBe('verified');
  });
});
