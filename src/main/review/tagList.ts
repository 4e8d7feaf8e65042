/**
 * The tag list itself: creating, changing, deleting and merging tags. Each is one undoable
 * change to the library. Deleting or merging a tag changes it on every letter that carries it,
 * verified ones included: the tag list is the library's vocabulary, not one letter's data.
 */
import type { Actor, ChangeOutcome, Db, NewTag, TagChanges } from '../storage/index.ts';
import { createTag, deleteTag, getTag, mergeTags, runChange, updateTag } from '../storage/index.ts';

export function createTagChange(db: Db, actor: Actor, tag: NewTag): ChangeOutcome<number> {
  return runChange(db, { letter: null, action: 'create-tag', actor }, () => ({ details: { tagName: tag.name.trim() }, result: createTag(db, tag) }));
}

export function updateTagChange(db: Db, actor: Actor, tagId: number, changes: TagChanges): ChangeOutcome<void> {
  return runChange(db, { letter: null, action: 'update-tag', actor }, () => {
    const before = getTag(db, tagId);
    updateTag(db, tagId, changes);
    return { details: { tagName: before.name, ...(changes.name !== undefined && changes.name !== before.name ? { to: changes.name } : {}) }, result: undefined };
  });
}

/** Deletes a tag and its uses; returns how many letters and items carried it. */
export function deleteTagChange(db: Db, actor: Actor, tagId: number): ChangeOutcome<{ uses: number }> {
  return runChange(db, { letter: null, action: 'delete-tag', actor }, () => {
    const tag = getTag(db, tagId);
    deleteTag(db, tagId);
    const uses = tag.letterCount + tag.itemCount;
    return { details: { tagName: tag.name, count: uses }, result: { uses } };
  });
}

/** Moves every use of one tag onto another and deletes the first; returns how many uses moved. */
export function mergeTagsChange(db: Db, actor: Actor, sourceTagId: number, targetTagId: number): ChangeOutcome<{ uses: number }> {
  return runChange(db, { letter: null, action: 'merge-tags', actor }, () => {
    const source = getTag(db, sourceTagId);
    const target = getTag(db, targetTagId);
    mergeTags(db, sourceTagId, targetTagId);
    const uses = source.letterCount + source.itemCount;
    return { details: { tagName: source.name, to: target.name, count: uses }, result: { uses } };
  });
}
