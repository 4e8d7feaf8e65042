/** The session's undo stack: order, failures that leave the stack as it was, and re-created items. */
import { expect, test } from 'vitest';
import { UndoStack } from '../../src/renderer/src/state/undo.ts';

function change(log: string[], label: string, fail = { undo: false }) {
  return {
    label,
    letterId: 1,
    undo: async () => {
      if (fail.undo) throw new Error(`cannot undo ${label}`);
      log.push(`undo ${label}`);
    },
    redo: async () => void log.push(`redo ${label}`),
  };
}

test('undoes last-first, redoes in order, and a new change drops the redo list', async () => {
  const log: string[] = [];
  const stack = new UndoStack();
  stack.push(change(log, 'a'));
  stack.push(change(log, 'b'));
  expect((await stack.undo())?.label).toBe('b');
  expect((await stack.undo())?.label).toBe('a');
  expect(await stack.undo()).toBeNull();
  expect((await stack.redo())?.label).toBe('a');
  stack.push(change(log, 'c'));
  expect(stack.canRedo).toBe(false);
  expect(log).toEqual(['undo b', 'undo a', 'redo a']);
});

test('a failed undo stays on the stack', async () => {
  const failing = { undo: true };
  const stack = new UndoStack();
  stack.push(change([], 'x', failing));
  await expect(stack.undo()).rejects.toThrow('cannot undo x');
  expect(stack.canUndo).toBe(true);
  failing.undo = false;
  expect((await stack.undo())?.label).toBe('x');
});

test('an item re-created twice is found under its newest id', () => {
  const stack = new UndoStack();
  expect(stack.itemId(7)).toBe(7);
  stack.itemRecreated(7, 12);
  stack.itemRecreated(12, 30);
  expect(stack.itemId(7)).toBe(30);
  stack.itemRecreated(7, 41);
  expect(stack.itemId(7)).toBe(41);
  expect(stack.itemId(12)).toBe(41);
});
