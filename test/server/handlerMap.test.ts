/** The handler map: every domain's methods in one map, and a method two domains define refused by name. */
import { describe, expect, it } from 'vitest';
import { joinHandlers } from '../../src/main/server/handlers/index.ts';

describe('joinHandlers', () => {
  it("holds every domain's methods", async () => {
    const joined = joinHandlers({ tags: { listTags: async () => 'tags' }, undo: { undo: async () => 'undone' } });
    expect(Object.keys(joined).sort()).toEqual(['listTags', 'undo']);
    expect(await joined.undo()).toBe('undone');
  });

  it('refuses a method two domains both define, naming both', () => {
    expect(() => joinHandlers({ review: { undo: async () => 'review' }, undo: { undo: async () => 'undo' } })).toThrow(
      'The API method undo is handled twice: by the review and the undo handlers',
    );
  });
});
