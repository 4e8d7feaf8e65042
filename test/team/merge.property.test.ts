/**
 * The package merge's promise, as a property. Two reviewers each get a package of the same
 * library, overlapping (some letters in both); each edits values, adds or deletes items, notes,
 * verifies, flags and reopens at random; the packages are merged back in random order, some
 * twice. Checked against a model of the three-way rule: every value lands exactly once, under
 * its reviewer; every disagreement both stand behind (values, item lists, a flag against a
 * verification) is a conflict holding both values, and nothing else is; a second merge of a
 * package changes nothing; undoing the merges restores the library's letters, items, tags and
 * notes byte for byte. IMR_TEAM_RUNS sets the number of runs (40 by default).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { itemFieldValue, itemListJson, letterFieldValue, statusValue } from '../../src/main/export/index.ts';
import { makePackages, mergePackage } from '../../src/main/team/index.ts';
import { refreshDerived } from '../../src/main/review/index.ts';
import { undoChange } from '../../src/main/storage/changes/undo.ts';
import type { Db, Library } from '../../src/main/storage/index.ts';
import { getLetter, InvalidEditError, LetterReadOnlyError, listConflicts, openLibrary, readRecordBySha256, insertParsedLetter } from '../../src/main/storage/index.ts';
import { deriveValues, derivableOfParsed } from '../../src/main/letters/derive.ts';
import type { ExportedLetter } from '../../src/shared/export.ts';
import type { ItemField, LetterField } from '../../src/shared/library.ts';
import { ITEM_FIELDS, LETTER_FIELDS } from '../../src/shared/library.ts';
import { addItem, addNote, deleteItem, flagLetter, reopenLetter, updateItemField, updateLetterField, verifyLetter } from '../review/asReviewer.ts';
import { buildLetter, useTempFolder } from '../storage/helpers.ts';
import { FLAG_REASONS, ITEM_VALUES, LETTER_VALUES, pick, steps } from '../review/randomEdits.ts';
import type { Step } from '../review/randomEdits.ts';

const temp = useTempFolder();
const RUNS = Number(process.env['IMR_TEAM_RUNS'] ?? 40);
const LETTERS = 4;

const step = steps(LETTERS, 10);

function apply(db: Db, letterIds: readonly number[], { letter, op, a, b }: Step): void {
  const letterId = letterIds[letter % letterIds.length] as number;
  const items = getLetter(db, letterId)?.items ?? [];
  try {
    if (op <= 1) {
      const field = pick(Object.keys(LETTER_VALUES) as LetterField[], a);
      updateLetterField(db, letterId, field, pick(LETTER_VALUES[field] ?? [], b));
    } else if (op <= 3 && items.length > 0) {
      const field = pick(Object.keys(ITEM_VALUES) as ItemField[], a);
      updateItemField(db, pick(items, b).id, field, pick(ITEM_VALUES[field] ?? [], a + b));
    } else if (op === 4) verifyLetter(db, letterId);
    else if (op === 5) flagLetter(db, letterId, pick(FLAG_REASONS, a));
    else if (op === 6) reopenLetter(db, letterId);
    else if (op === 7) addNote(db, letterId, pick(['Seen.', 'Ask Ana.'], a));
    else if (op === 8 && a % 4 === 0) addItem(db, letterId, { values: { service: 'Cold therapy unit', decision: 'Upheld' } });
    else if (op === 9 && a % 4 === 0 && items.length > 1) deleteItem(db, pick(items, b).id);
  } catch (error) {
    // A verified letter refuses edits until it is reopened, as it does for a reviewer.
    if (!(error instanceof LetterReadOnlyError || error instanceof InvalidEditError)) throw error;
  }
}

/** The rows a merge and its undo must leave or restore exactly (a letter's revision only ever moves on). */
function tables(db: Db): unknown {
  const dump = (sql: string) => db.prepare(sql).all();
  return {
    letters: dump('SELECT * FROM letters ORDER BY id').map((row) => ({ ...(row as object), revision: undefined })),
    items: dump('SELECT * FROM items ORDER BY id'),
    tags: dump('SELECT * FROM tags ORDER BY id'),
    letterTags: dump('SELECT * FROM letter_tags ORDER BY letter_id, tag_id'),
    itemTags: dump('SELECT * FROM item_tags ORDER BY item_id, tag_id'),
    notes: dump('SELECT * FROM notes ORDER BY id'),
  };
}

/** The letters' derived values as stored. */
function derivedRows(db: Db): unknown {
  return {
    checks: db.prepare('SELECT id, checks, check_count FROM letters ORDER BY id').all(),
    structures: db.prepare('SELECT id, structure FROM items ORDER BY id').all(),
    itemFacets: db.prepare('SELECT * FROM item_facets ORDER BY item_id, facet, value').all(),
    letterFacets: db.prepare('SELECT * FROM letter_facets ORDER BY letter_id, facet, value').all(),
  };
}

type Verdict = 'same' | 'take' | 'conflict' | 'keep';
function verdict<V>(base: V, theirs: V, ours: V, theirsVerified: boolean, oursVerified: boolean): Verdict {
  if (theirs === ours) return 'same';
  if (theirs === base && !theirsVerified) return 'keep';
  return ours !== base || oursVerified ? 'conflict' : 'take';
}

interface Expected {
  readonly values: Map<string, string | null>;
  readonly conflicts: Set<string>;
}

/** What the two merges must leave on one letter: `first` merged into the untouched library, then `second`. */
function expectedOf(base: ExportedLetter, first: ExportedLetter, second: ExportedLetter): Expected {
  const values = new Map<string, string | null>();
  const conflicts = new Set<string>();
  const firstVerified = first.status === 'verified';
  const secondVerified = second.status === 'verified';
  for (const field of LETTER_FIELDS) {
    const [v, x, y] = [letterFieldValue(base, field), letterFieldValue(first, field), letterFieldValue(second, field)];
    const o = x;
    const outcome = verdict(v, y, o, secondVerified, firstVerified);
    values.set(field, outcome === 'take' ? y : o);
    if (outcome === 'conflict') conflicts.add(`${field}|${JSON.stringify([o, y])}`);
  }
  const shapes = new Set([base.items.length, first.items.length, second.items.length]);
  if (shapes.size === 1) {
    second.items.forEach((item, position) => {
      for (const field of ITEM_FIELDS) {
        const [v, o, y] = [itemFieldValue(base.items[position]!, field), itemFieldValue(first.items[position]!, field), itemFieldValue(item, field)];
        const outcome = verdict(v, y, o, secondVerified, firstVerified);
        values.set(`${position}.${field}`, outcome === 'take' ? y : o);
        if (outcome === 'conflict') conflicts.add(`${position}.${field}|${JSON.stringify([o, y])}`);
      }
    });
  } else {
    const [v, o, y] = [itemListJson(base.items), itemListJson(first.items), itemListJson(second.items)];
    const outcome = verdict(v, y, o, secondVerified, firstVerified);
    // Their list is as they left it; ours is the first merge's, review marks included, so only theirs is compared.
    if (outcome === 'conflict') conflicts.add(`items|${y}`);
  }
  const [xs, ys] = [statusValue(first), statusValue(second)];
  if (xs !== null && ys !== null && xs !== ys) conflicts.add(`status|${JSON.stringify([xs, ys])}`);
  return { values, conflicts };
}

function actualOf(db: Db, letterId: number, sha256: string): Expected {
  const record = readRecordBySha256(db, sha256, false) as ExportedLetter;
  const values = new Map<string, string | null>();
  for (const field of LETTER_FIELDS) values.set(field, letterFieldValue(record, field));
  record.items.forEach((item, position) => {
    for (const field of ITEM_FIELDS) values.set(`${position}.${field}`, itemFieldValue(item, field));
  });
  const conflicts = new Set(
    listConflicts(db, { letterId, state: 'all' }).map((conflict) =>
      conflict.field === 'items'
        ? `items|${conflict.theirs}`
        : `${conflict.itemPosition === null ? '' : `${conflict.itemPosition}.`}${conflict.field}|${JSON.stringify([conflict.ours, conflict.theirs])}`,
    ),
  );
  return { values, conflicts };
}

test('two reviewers\' overlapping packages merge back in any order, some twice: every change once, every disagreement a conflict, undone exactly', { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(
      fc.array(step, { maxLength: 14 }),
      fc.array(step, { maxLength: 14 }),
      fc.constantFrom(0.5, 1),
      fc.constantFrom([0, 1], [1, 0], [0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 0]),
      (anaSteps, benSteps, overlap, order) => {
        const coordinator = temp.library({ reviewer: 'Coordinator' });
        const letterIds = Array.from({ length: LETTERS }, (_, index) => {
          const { source, parsed } = buildLetter({
            caseNumber: `CM16-00001${index}`,
            items: [
              { service: 'MRI lumbar spine', decision: 'Upheld' },
              { service: 'Physical therapy x12', decision: 'Overturned' },
            ],
          });
          return insertParsedLetter(coordinator.db, source, parsed, null, deriveValues(derivableOfParsed(parsed))).letterId;
        });
        const shas = letterIds.map((id) => getLetter(coordinator.db, id)!.sha256);
        const baseRecords = shas.map((sha) => readRecordBySha256(coordinator.db, sha, false) as ExportedLetter);
        const made = makePackages(coordinator.db, { reviewers: ['Ana', 'Ben'], overlap, name: 'p', filter: {}, folder: temp.folder(), createdBy: 'Coordinator', libraryFile: coordinator.file });
        const returned = made.map((pkg, index) => {
          const library: Library = openLibrary(pkg.file, { reviewer: pkg.reviewer });
          const ids = library.db.prepare('SELECT id FROM letters ORDER BY id').pluck().all() as number[];
          for (const s of index === 0 ? anaSteps : benSteps) apply(library.db, ids, s);
          const records = new Map(ids.map((id) => [id, readRecordBySha256(library.db, shas[letterIds.indexOf(id)]!, false) as ExportedLetter]));
          library.close();
          return records;
        });

        const before = tables(coordinator.db);
        const groups: (number | null)[] = order.map((index) => mergePackage(coordinator.db, made[index]!.file, { mergedBy: 'Coordinator' }).changeId);
        // A package merged a second time changes nothing.
        order.forEach((index, at) => {
          if (order.indexOf(index) < at) expect(groups[at]).toBeNull();
        });

        const [firstIndex, secondIndex] = [order[0]!, order.find((index) => index !== order[0])!];
        letterIds.forEach((letterId, position) => {
          const base = baseRecords[position]!;
          const first = returned[firstIndex]!.get(letterId) ?? base;
          const second = returned[secondIndex]!.get(letterId) ?? base;
          const expected = expectedOf(base, first, second);
          const actual = actualOf(coordinator.db, letterId, shas[position]!);
          expect(actual.conflicts, `letter ${position} conflicts`).toEqual(expected.conflicts);
          for (const [key, value] of expected.values) expect(actual.values.get(key), `letter ${position} ${key}`).toEqual(value);
        });

        // Each merge that changed anything is one change group under its reviewer's name.
        const merges = coordinator.db.prepare("SELECT reviewer FROM change_groups WHERE action = 'package-merge' ORDER BY id").pluck().all();
        expect(merges).toEqual(groups.flatMap((id, at) => (id === null ? [] : [made[order[at]!]!.reviewer])));

        // The derived values a merge took from a package are the ones the merged letter gives.
        const derived = derivedRows(coordinator.db);
        coordinator.db.transaction(() => letterIds.forEach((letterId) => refreshDerived(coordinator.db, letterId)))();
        expect(derivedRows(coordinator.db)).toEqual(derived);

        for (let undone = 0; undone < merges.length; undone++) undoChange(coordinator.db);
        expect(tables(coordinator.db)).toEqual(before);
      },
    ),
    { numRuns: RUNS },
  );
});
