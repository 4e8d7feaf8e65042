/** The window comes back where it was, on a display that is still there, and a bad state file is ignored. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { WindowState } from '../../src/main/shell/windowState.ts';
import { DEFAULT_SIZE, placeWindow, readWindowState, rememberWindowState, writeWindowState } from '../../src/main/shell/windowState.ts';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'imr-window-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a saved state is read back as written', () => {
  const state: WindowState = { bounds: { x: 2000, y: 40, width: 1600, height: 1000 }, maximized: true };
  writeWindowState(file, state);
  expect(readWindowState(file)).toEqual(state);
});

test('a missing, corrupt or malformed file gives no state', () => {
  expect(readWindowState(file)).toBeNull();
  for (const content of ['{not json', 'null', '[]', '{"bounds":{"x":"1","y":0,"width":10,"height":10}}', '{"bounds":{"x":0,"y":0,"width":-5,"height":10}}']) {
    writeFileSync(file, content);
    expect(readWindowState(file)).toBeNull();
  }
});

test('with no state the window opens at the default size, centred by the system', () => {
  expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  expect(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 700 }])).toEqual({ width: 1280, height: 700, maximized: false });
});

test('a window on an attached display keeps its place and size', () => {
  const saved: WindowState = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: false };
  expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ x: 2100, y: 100, width: 1600, height: 1000, maximized: false });
});

test('a window left on a display that is gone comes back on the primary one', () => {
  const saved: WindowState = { bounds: { x: 2100, y: 100, width: 1600, height: 1000 }, maximized: true };
  expect(placeWindow(saved, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: true });
});

test('a window bigger than its display shrinks to fit, and one partly off screen is pulled back', () => {
  const saved: WindowState = { bounds: { x: 1500, y: -20, width: 3000, height: 2000 }, maximized: false };
  const placed = placeWindow(saved, [laptop]);
  expect(placed).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
  const hanging: WindowState = { bounds: { x: 1700, y: 900, width: 1000, height: 700 }, maximized: false };
  expect(placeWindow(hanging, [laptop, rightMonitor])).toMatchObject({ x: 920, y: 340 });
});

test('the state is saved when the window closes', () => {
  const listeners: (() => void)[] = [];
  const window = {
    getNormalBounds: () => ({ x: 10, y: 20, width: 1000, height: 700 }),
    isMaximized: () => false,
    on: (_event: 'close', listener: () => void) => listeners.push(listener),
  };
  rememberWindowState(window, file, (error) => {
    throw error;
  });
  expect(readWindowState(file)).toBeNull();
  listeners.forEach((listener) => listener());
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
});

test('a failed save is reported, not thrown', () => {
  const listeners: (() => void)[] = [];
  const errors: unknown[] = [];
  rememberWindowState(
    { getNormalBounds: () => ({ x: 0, y: 0, width: 1000, height: 700 }), isMaximized: () => false, on: (_e, l) => listeners.push(l) },
    path.join(dir, 'missing-folder', 'state.json'),
    (error) => errors.push(error),
  );
  listeners.forEach((listener) => listener());
  expect(errors).toHaveLength(1);
});
