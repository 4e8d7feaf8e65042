/** A row of tag chips in their colours; each can be removed. */
import type { TagLabel } from '../../../shared/library.ts';

export function TagChips({ tags, onRemove }: { readonly tags: readonly TagLabel[]; readonly onRemove: (tagId: number) => void }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-chips" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag.id} className="tag-chip" style={{ borderColor: tag.colour }}>
          <span className="tag-dot" style={{ background: tag.colour }} aria-hidden="true" />
          {tag.name}
          <button type="button" className="tag-remove" aria-label={`Remove tag ${tag.name}`} onClick={() => onRemove(tag.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
