/**
 * The library server's boundary: unknown methods and bad arguments are refused before any
 * service runs; a change names its letter and revision, and one made on a revision that is no
 * longer current, or for a library that is no longer open, writes nothing.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StoredLetter } from '../../src/shared/library.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ServerFixture } from './fixture.ts';
import { startServerFixture, TEST_REVIEWER } from './fixture.ts';

let server: ServerFixture;
beforeEach(async () => {
  server = await startServerFixture();
});
afterEach(async () => {
  await server.dispose();
});

async function importLetters(count: number, seed: number): Promise<StoredLetter[]> {
  const folder = path.join(server.dir, `letters-${seed}`);
  await writeFixtureFolder(folder, { count, seed, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
  const page = await server.call('queryQueue', { sort: 'import', offset: 0, limit: 100 });
  return Promise.all(page.rows.map(async (row) => (await server.call('getLetter', row.id))!));
}

const ref = (letter: StoredLetter) => ({ letterId: letter.id, revision: letter.revision });

test('unknown methods and malformed arguments are refused with invalid-arguments', async () => {
  const cases: [unknown, unknown][] = [
    ['dropTables', []],
    ['__proto__', []],
    ['getLetter', ['1']],
    ['getLetter', [1, 2]],
    ['getLetter', [-3]],
    ['updateItemField', [{ letterId: 1, revision: 0 }, 1, { field: 'notAField', value: 'x' }]],
    ['updateItemField', [{ letterId: 1, revision: 0 }, 1, { field: 'service', selection: [5, 2] }]],
    ['updateItemField', [{ letterId: 1, revision: 0 }, 1, { field: 'service', selections: [] }]],
    ['updateItemField', [{ letterId: 1, revision: 0 }, 1, { field: 'service', selections: [[1, 2]], selection: [1, 2] }]],
    ['getLetterPages', ['1']],
    ['updateItemField', [1, 'service', 'x']],
    ['setDecision', [{ letterId: 1 }, 1, 'Upheld']],
    ['queryQueue', [{ sort: 'import', offset: 0, limit: 100000 }]],
    ['queryQueue', [{ sort: 'import', offset: 0, limit: 10, injected: 'x' }]],
    ['createTag', [{ name: 'x', colour: 'red' }]],
    ['startImport', [[]]],
    ['getAppInfo', 'not an array'],
    ['undo', [7]],
  ];
  for (const [method, args] of cases) {
    const response = await server.raw(method as string, args);
    expect(response.ok, JSON.stringify([method, args])).toBe(false);
    if (!response.ok) expect(response.error.code, JSON.stringify([method, args])).toBe('invalid-arguments');
  }
});

test('a valid call runs the real service; service errors come back typed', async () => {
  expect(await server.call('getAppInfo')).toEqual({
    appVersion: '0.0.0-test',
    parserVersion: expect.any(String),
    libraryFile: path.join(server.dir, 'library.sqlite'),
    libraryId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    reviewer: TEST_REVIEWER,
    workPackage: null,
  });
  expect(await server.raw('verifyLetter', [{ letterId: 999, revision: 0 }])).toMatchObject({ ok: false, error: { code: 'not-found' } });
});

test('a verified letter refuses edits and tags until reopened, naming it by its case number', async () => {
  const [letter] = (await importLetters(1, 77)) as [StoredLetter];
  const itemId = letter.items[0]!.id;
  const tag = await server.call('createTag', { name: 'Check', colour: '#112233' });
  const verified = await server.call('verifyLetter', ref(letter));
  const now = { letterId: letter.id, revision: verified.revision };
  const refused = await server.raw('setDecision', [now, itemId, 'Overturned']);
  expect(refused).toMatchObject({ ok: false, error: { code: 'read-only', message: expect.stringContaining(letter.caseNumber!) } });
  expect(await server.raw('tagLetter', [now, tag.id])).toMatchObject({ ok: false, error: { code: 'read-only' } });
  const reopened = await server.call('reopenLetter', now);
  const decided = await server.call('setDecision', { letterId: letter.id, revision: reopened.revision }, itemId, letter.items[0]!.decision === 'Upheld' ? 'Overturned' : 'Upheld');
  expect(decided.changeId).not.toBeNull();
});

test('a change made on letter A and delivered after B changed lands on A, and one made on a stale revision of A is refused', async () => {
  const [a, b] = (await importLetters(2, 78)) as [StoredLetter, StoredLetter];
  const seenA = ref(a);
  await server.call('updateLetterField', ref(b), { field: 'priority', value: 'Expedited' });
  const result = await server.call('updateItemField', seenA, a.items[0]!.id, { field: 'service', value: 'Edited on A' });
  expect(result.revision).toBe(a.revision + 1);
  expect((await server.call('getLetter', a.id))!.items[0]!.service).toBe('Edited on A');
  expect((await server.call('getLetter', b.id))!.items.map((item) => item.service)).toEqual(b.items.map((item) => item.service));
  const stale = await server.raw('updateItemField', [seenA, a.items[0]!.id, { field: 'service', value: 'Second edit on an old view' }]);
  expect(stale).toMatchObject({ ok: false, error: { code: 'stale' } });
  expect((await server.call('getLetter', a.id))!.items[0]!.service).toBe('Edited on A');
  const intoB = await server.raw('updateItemField', [ref((await server.call('getLetter', b.id))!), a.items[0]!.id, { field: 'service', value: 'x' }]);
  expect(intoB).toMatchObject({ ok: false, error: { code: 'invalid-edit' } });
});

test('a call made for a library that is no longer open is refused, and calls sent before a switch finish on the old library', async () => {
  const [letter] = (await importLetters(1, 79)) as [StoredLetter];
  const oldId = server.info.libraryId;
  const inFlight = server.raw('updateLetterField', [ref(letter), { field: 'priority', value: 'Expedited' }], oldId);
  const switched = server.client.open({ file: path.join(server.dir, 'second.sqlite') });
  const late = server.raw('getStats', [], oldId);
  expect(await inFlight).toMatchObject({ ok: true });
  expect(await switched).toMatchObject({ ok: true, result: { libraryFile: path.join(server.dir, 'second.sqlite') } });
  expect(await late).toMatchObject({ ok: false, error: { code: 'library-changed' } });
  expect((await server.call('getStats')).letters).toBe(0);
  await server.client.open({ file: path.join(server.dir, 'library.sqlite') });
  expect((await server.call('getLetter', letter.id))!.header?.priority).toBe('Expedited');
});

test('undo history is the server\'s: it survives a restart of the server', async () => {
  const [letter] = (await importLetters(1, 80)) as [StoredLetter];
  await server.call('updateItemField', ref(letter), letter.items[0]!.id, { field: 'rationale', value: 'Rewritten' });
  const before = await server.call('getUndoState');
  expect(before.undo).toMatchObject({ action: 'edit-field', letterId: letter.id, letterLabel: letter.caseNumber ?? letter.fileName, details: { field: 'rationale', to: 'Rewritten' } });
  await server.client.close();
  const restarted = await startServerFixture({ file: path.join(server.dir, 'library.sqlite') });
  try {
    expect(await restarted.call('getUndoState')).toEqual(before);
    const { step } = await restarted.call('undo', { expected: before.undo!.changeId });
    expect(step.changeId).toBe(before.undo!.changeId);
    expect((await restarted.call('getLetter', letter.id))!.items[0]!.rationale).toBe(letter.items[0]!.rationale);
    expect(await restarted.raw('undo', [{ expected: before.undo!.changeId }])).toMatchObject({ ok: false, error: { code: 'cannot-undo' } });
  } finally {
    await restarted.dispose();
  }
});
