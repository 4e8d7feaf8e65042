/**
 * A change's reply carries the screen after it: the letter as getLetter now reads it, the undo
 * state as getUndoState now reads it, and the progress counts; undo and redo carry the step's
 * letter; the counts come when a letter became or stopped being verified. The screen needs no call after a save.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ServerFixture } from './fixture.ts';
import { startServerFixture } from './fixture.ts';

let server: ServerFixture;
beforeEach(async () => {
  server = await startServerFixture();
  const folder = path.join(server.dir, 'letters');
  await writeFixtureFolder(folder, { count: 3, seed: 29, pdfShare: 0 });
  await server.call('startImport', [folder]);
  await server.settled('import');
});
afterEach(async () => {
  await server.dispose();
});

async function screenNow(letterId: number) {
  const stats = await server.call('getStats');
  return {
    letter: await server.call('getLetter', letterId),
    undo: await server.call('getUndoState'),
    progress: { letters: stats.letters, verified: stats.verified },
  };
}

test('a decision, a verify, an undo and a redo each answer with the screen the calls after them would read', async () => {
  const rows = (await server.call('queryQueue', { sort: 'import', offset: 0, limit: 10 })).rows;
  const [first, second] = await Promise.all(rows.slice(0, 2).map(async (row) => (await server.call('getLetter', row.id))!));
  const item = first!.items.find((candidate) => candidate.decision !== null)!;

  const decided = await server.call('setDecision', { letterId: first!.id, revision: first!.revision }, item.id, item.decision === 'Upheld' ? 'Overturned' : 'Upheld');
  // No letter became verified: the counts (a scan of every letter) are not sent.
  expect(decided.screen).toEqual({ ...(await screenNow(first!.id)), progress: null });
  expect(decided.screen.undo.undo?.changeId).toBe(decided.changeId);

  const verified = await server.call('confirmAndVerify', { letterId: second!.id, revision: second!.revision });
  expect(verified.screen).toEqual(await screenNow(second!.id));
  expect(verified.screen.progress?.verified).toBe(1);

  const undone = await server.call('undo', { expected: verified.changeId! });
  expect(undone.screen).toEqual(await screenNow(second!.id));
  expect(undone.screen.progress?.verified).toBe(0);
  const redone = await server.call('redo', { expected: verified.changeId! });
  expect(redone.screen).toEqual(await screenNow(second!.id));
});
