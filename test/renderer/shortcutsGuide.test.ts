/** The user guide's shortcut table says what the keyboard map does: every key in it, and no other. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../src/renderer/src/state/shortcuts.ts';

const GUIDE = readFileSync(path.join(import.meta.dirname, '../../docs/user-guide.md'), 'utf8');
/** Keys the browser handles itself, listed in the table all the same. */
const NATIVE_KEYS = ['Tab', 'Shift+Tab'];
const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓' };

/** A key as the guide spells it: Shift+ for capitals, arrows as arrows, letters after Ctrl capitalised. */
function spelled(key: string): string {
  if (key.length === 1 && key !== key.toLowerCase()) return `Shift+${key}`;
  return key
    .split('+')
    .map((part, i, parts) => ARROWS[part] ?? (i === parts.length - 1 && parts.length > 1 && part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

function tableKeys(): string[] {
  const start = GUIDE.indexOf('- `?` shows every shortcut:');
  const table = GUIDE.slice(start).split('\n\n')[1]!;
  return table
    .split('\n')
    .slice(2)
    .flatMap((row) => [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
}

describe("the user guide's shortcut table", () => {
  it('lists every key of the keyboard map and no key the map lacks', () => {
    const listed = tableKeys();
    const mapped = SHORTCUTS.flatMap((shortcut) => shortcut.keys.map(spelled));
    expect(mapped.filter((key) => !listed.includes(key))).toEqual([]);
    expect(listed.filter((key) => !mapped.includes(key) && !NATIVE_KEYS.includes(key))).toEqual([]);
  });
});
