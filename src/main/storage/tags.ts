/**
 * Tags for letters and items: the reviewer's own labels, with colours and hotkeys for the queue.
 * These are the rows; the review services decide who may change them (see src/main/review).
 */
import { InvalidEditError, NotFoundError } from './errors.ts';
import { inWriteTransaction, nowIso, statement } from './sql.ts';
import type { Db } from './sql.ts';
import type { Tag, TagLabel, TagScope } from '../../shared/library.ts';
import { TAG_SCOPES } from '../../shared/library.ts';
export type { Tag, TagLabel, TagScope } from '../../shared/library.ts';
export { TAG_SCOPES } from '../../shared/library.ts';

export interface NewTag {
  readonly name: string;
  readonly colour: string;
  readonly hotkey?: string | null;
  readonly scope?: TagScope;
}

export interface TagChanges {
  readonly name?: string;
  readonly colour?: string;
  readonly hotkey?: string | null;
  readonly scope?: TagScope;
}

const COLOUR_PATTERN = /^#[0-9a-f]{6}$/i;

export function createTag(db: Db, tag: NewTag): number {
  const scope = tag.scope ?? 'both';
  if (!TAG_SCOPES.includes(scope)) throw new InvalidEditError(`Unknown tag scope "${scope}"`);
  return inWriteTransaction(db, () => {
    const name = checkedName(db, tag.name, null);
    const hotkey = checkedHotkey(db, tag.hotkey ?? null, null);
    const { lastInsertRowid } = statement(
      db,
      'INSERT INTO tags (name, colour, hotkey, scope, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(name, checkedColour(tag.colour), hotkey, scope, nowIso());
    return Number(lastInsertRowid);
  });
}

/**
 * Renames, recolours, re-assigns the hotkey or changes the scope of a tag; fields left out are
 * unchanged. A scope that would strand uses (an item tag made letter-only) is refused.
 */
export function updateTag(db: Db, tagId: number, changes: TagChanges): void {
  inWriteTransaction(db, () => {
    const current = requireTag(db, tagId);
    const name = changes.name === undefined ? current.name : checkedName(db, changes.name, tagId);
    const colour = changes.colour === undefined ? current.colour : checkedColour(changes.colour);
    const hotkey = changes.hotkey === undefined ? current.hotkey : checkedHotkey(db, changes.hotkey, tagId);
    const scope = changes.scope === undefined ? current.scope : checkedScope(db, tagId, current.name, changes.scope);
    statement(db, 'UPDATE tags SET name = ?, colour = ?, hotkey = ?, scope = ? WHERE id = ?').run(name, colour, hotkey, scope, tagId);
  });
}

/** Deletes the tag and removes it from every letter and item. */
export function deleteTag(db: Db, tagId: number): void {
  const { changes } = statement(db, 'DELETE FROM tags WHERE id = ?').run(tagId);
  if (changes === 0) throw new NotFoundError('tag', tagId);
}

/**
 * Moves every use of `sourceTagId` onto `targetTagId` and deletes the source tag. When the
 * scopes differ the target widens to 'both', so no use is lost.
 */
export function mergeTags(db: Db, sourceTagId: number, targetTagId: number): void {
  if (sourceTagId === targetTagId) throw new InvalidEditError('A tag cannot be merged into itself');
  inWriteTransaction(db, () => {
    const source = requireTag(db, sourceTagId);
    const target = requireTag(db, targetTagId);
    const ids = { source: sourceTagId, target: targetTagId };
    statement(
      db,
      `INSERT OR IGNORE INTO letter_tags (letter_id, tag_id, tagged_at)
       SELECT letter_id, @target, tagged_at FROM letter_tags WHERE tag_id = @source`,
    ).run(ids);
    statement(
      db,
      `INSERT OR IGNORE INTO item_tags (item_id, tag_id, tagged_at)
       SELECT item_id, @target, tagged_at FROM item_tags WHERE tag_id = @source`,
    ).run(ids);
    if (source.scope !== target.scope) {
      statement(db, "UPDATE tags SET scope = 'both' WHERE id = ?").run(targetTagId);
    }
    statement(db, 'DELETE FROM tags WHERE id = ?').run(sourceTagId);
  });
}

/** All tags by name, with how many letters and items carry each. */
export function listTags(db: Db): Tag[] {
  return statement(
    db,
    `SELECT id, name, colour, hotkey, scope,
       (SELECT COUNT(*) FROM letter_tags WHERE tag_id = tags.id) AS letterCount,
       (SELECT COUNT(*) FROM item_tags WHERE tag_id = tags.id) AS itemCount
     FROM tags ORDER BY name`,
  ).all() as Tag[];
}

/** The tag's id by name (case-insensitive, as tag names are unique that way); null when there is none. */
export function tagIdByName(db: Db, name: string): number | null {
  const wanted = name.trim().toLowerCase();
  return listTags(db).find((tag) => tag.name.toLowerCase() === wanted)?.id ?? null;
}

/** Names tags by id, as a sample's frame is worded; undefined for a tag deleted since. */
export function tagNamesById(db: Db): (tagId: number) => string | undefined {
  const names = new Map((statement(db, 'SELECT id, name FROM tags').all() as { id: number; name: string }[]).map((tag) => [tag.id, tag.name]));
  return (tagId) => names.get(tagId);
}

/** Puts the tag on the letter; false when it was already there. */
export function tagLetter(db: Db, letterId: number, tagId: number): boolean {
  requireScope(db, tagId, 'letter');
  if (statement(db, 'SELECT 1 FROM letters WHERE id = ?').get(letterId) === undefined) throw new NotFoundError('letter', letterId);
  const { changes } = statement(db, 'INSERT OR IGNORE INTO letter_tags (letter_id, tag_id, tagged_at) VALUES (?, ?, ?)').run(letterId, tagId, nowIso());
  return changes > 0;
}

export function untagLetter(db: Db, letterId: number, tagId: number): boolean {
  return statement(db, 'DELETE FROM letter_tags WHERE letter_id = ? AND tag_id = ?').run(letterId, tagId).changes > 0;
}

/** Puts the tag on the item; false when it was already there. */
export function tagItem(db: Db, itemId: number, tagId: number): boolean {
  requireScope(db, tagId, 'item');
  if (statement(db, 'SELECT 1 FROM items WHERE id = ?').get(itemId) === undefined) throw new NotFoundError('item', itemId);
  const { changes } = statement(db, 'INSERT OR IGNORE INTO item_tags (item_id, tag_id, tagged_at) VALUES (?, ?, ?)').run(itemId, tagId, nowIso());
  return changes > 0;
}

export function untagItem(db: Db, itemId: number, tagId: number): boolean {
  return statement(db, 'DELETE FROM item_tags WHERE item_id = ? AND tag_id = ?').run(itemId, tagId).changes > 0;
}

export function getTag(db: Db, tagId: number): Tag {
  const tag = listTags(db).find((t) => t.id === tagId);
  if (!tag) throw new NotFoundError('tag', tagId);
  return tag;
}

export function letterTagLabels(db: Db, letterId: number): TagLabel[] {
  return statement(
    db,
    `SELECT t.id, t.name, t.colour FROM letter_tags lt JOIN tags t ON t.id = lt.tag_id
     WHERE lt.letter_id = ? ORDER BY t.name`,
  ).all(letterId) as TagLabel[];
}

/** Tags of every item of a letter, by item id. */
export function itemTagLabels(db: Db, letterId: number): Map<number, TagLabel[]> {
  const rows = statement(
    db,
    `SELECT it.item_id AS itemId, t.id, t.name, t.colour
     FROM items i JOIN item_tags it ON it.item_id = i.id JOIN tags t ON t.id = it.tag_id
     WHERE i.letter_id = ? ORDER BY t.name`,
  ).all(letterId) as (TagLabel & { itemId: number })[];
  const byItem = new Map<number, TagLabel[]>();
  for (const { itemId, ...label } of rows) {
    const labels = byItem.get(itemId) ?? [];
    labels.push(label);
    byItem.set(itemId, labels);
  }
  return byItem;
}

interface TagRow {
  name: string;
  colour: string;
  hotkey: string | null;
  scope: TagScope;
}

function requireTag(db: Db, tagId: number): TagRow {
  const row = statement(db, 'SELECT name, colour, hotkey, scope FROM tags WHERE id = ?').get(tagId) as
    | TagRow
    | undefined;
  if (!row) throw new NotFoundError('tag', tagId);
  return row;
}

function requireScope(db: Db, tagId: number, use: 'letter' | 'item'): void {
  const { name, scope } = requireTag(db, tagId);
  if (scope !== 'both' && scope !== use) {
    throw new InvalidEditError(`Tag "${name}" is for ${scope}s, not ${use}s`);
  }
}

function checkedScope(db: Db, tagId: number, name: string, scope: TagScope): TagScope {
  if (!TAG_SCOPES.includes(scope)) throw new InvalidEditError(`Unknown tag scope "${scope}"`);
  const uses = (table: 'letter_tags' | 'item_tags') => (statement(db, `SELECT COUNT(*) AS n FROM ${table} WHERE tag_id = ?`).get(tagId) as { n: number }).n;
  if (scope === 'letter' && uses('item_tags') > 0) {
    throw new InvalidEditError(`"${name}" is on ${uses('item_tags')} items: remove it from them before making it a letter tag`);
  }
  if (scope === 'item' && uses('letter_tags') > 0) {
    throw new InvalidEditError(`"${name}" is on ${uses('letter_tags')} letters: remove it from them before making it an item tag`);
  }
  return scope;
}

function checkedName(db: Db, name: string, tagId: number | null): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InvalidEditError('A tag name cannot be empty');
  const clash = statement(db, 'SELECT id FROM tags WHERE name = ? AND id IS NOT ?').get(trimmed, tagId);
  if (clash) throw new InvalidEditError(`A tag named "${trimmed}" already exists`);
  return trimmed;
}

function checkedColour(colour: string): string {
  if (!COLOUR_PATTERN.test(colour)) throw new InvalidEditError(`Tag colour must look like #1a2b3c, not "${colour}"`);
  return colour.toLowerCase();
}

function checkedHotkey(db: Db, hotkey: string | null, tagId: number | null): string | null {
  if (hotkey === null) return null;
  const trimmed = hotkey.trim();
  if (trimmed === '') throw new InvalidEditError('A hotkey cannot be empty; use null for none');
  const clash = statement(db, 'SELECT name FROM tags WHERE hotkey = ? AND id IS NOT ?').get(trimmed, tagId) as
    | { name: string }
    | undefined;
  if (clash) throw new InvalidEditError(`Hotkey "${trimmed}" is already used by tag "${clash.name}"`);
  return trimmed;
}
