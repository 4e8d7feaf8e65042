/** The API boundary: unknown methods and bad arguments are refused before any service runs. */
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch.ts';
import type { StoredLetter } from '../../src/shared/library.ts';
import { writeFixtureFolder } from '../fixtures/index.ts';
import type { ApiFixture } from './context.ts';
import { createApiFixture } from './context.ts';

let api: ApiFixture;
beforeEach(async () => {
  api = await createApiFixture();
});
afterEach(async () => {
  await api.dispose();
});

test('unknown methods and malformed arguments are refused with invalid-arguments', async () => {
  const cases: [unknown, unknown][] = [
    ['dropTables', []],
    ['__proto__', []],
    ['getLetter', ['1']],
    ['getLetter', [1, 2]],
    ['getLetter', [-3]],
    ['updateItemField', [1, 'notAField', 'x']],
    ['updateItemField', [1, 'service', 'x', [5, 2]]],
    ['queryQueue', [{ sort: 'import', offset: 0, limit: 100000 }]],
    ['queryQueue', [{ sort: 'import', offset: 0, limit: 10, injected: 'x' }]],
    ['createTag', [{ name: 'x', colour: 'red' }]],
    ['startImport', [[]]],
    ['getAppInfo', 'not an array'],
  ];
  for (const [method, args] of cases) {
    const response = await dispatch(api.handlers, method, args);
    expect(response.ok, JSON.stringify([method, args])).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('invalid-arguments');
  }
});

test('a valid call runs the real service; service errors come back typed', async () => {
  const info = await dispatch(api.handlers, 'getAppInfo', []);
  expect(info).toEqual({
    ok: true,
    result: { appVersion: '0.0.0-test', parserVersion: expect.any(String), libraryFile: api.library.file, reviewer: 'Test Reviewer' },
  });
  expect(await dispatch(api.handlers, 'verifyLetter', [999])).toMatchObject({ ok: false, error: { code: 'not-found' } });
});

test('a verified letter refuses edits until reopened', async () => {
  const folder = path.join(api.dir, 'letters');
  await writeFixtureFolder(folder, { count: 1, seed: 77, pdfShare: 0 });
  expect(await api.handlers.startImport([folder])).toEqual({ started: true });
  await api.jobs.imports.settled();
  const letter = (await api.handlers.getLetter(1)) as StoredLetter;
  const itemId = letter.items[0]!.id;
  await api.handlers.verifyLetter(letter.id);
  expect(await dispatch(api.handlers, 'setDecision', [itemId, 'Overturned'])).toMatchObject({ ok: false, error: { code: 'read-only' } });
  await api.handlers.reopenLetter(letter.id);
  expect(await dispatch(api.handlers, 'setDecision', [itemId, 'Overturned'])).toEqual({ ok: true, result: true });
});
