/** Tag the focused item or the letter: type to filter, Enter to toggle. */
import { useMemo, useState } from 'react';
import type { Tag, TagLabel } from '../../../shared/library.ts';
import { Modal } from './Modal.tsx';

export interface TagPickerProps {
  readonly tags: readonly Tag[];
  /** What is being tagged, e.g. "item 2" or "the letter". */
  readonly subject: string;
  readonly scope: 'letter' | 'item';
  readonly current: readonly TagLabel[];
  readonly onToggle: (tag: Tag) => void;
  readonly onClose: () => void;
}

export function TagPicker({ tags, subject, scope, current, onToggle, onClose }: TagPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const choices = useMemo(
    () => tags.filter((t) => (t.scope === 'both' || t.scope === scope) && t.name.toLowerCase().includes(query.toLowerCase())),
    [tags, scope, query],
  );
  const has = (tag: Tag) => current.some((c) => c.id === tag.id);
  return (
    <Modal title={`Tag ${subject}`} onClose={onClose}>
      <input
        autoFocus
        className="picker-filter"
        aria-label="Filter tags"
        placeholder="Type to filter, Enter to toggle"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(choices.length - 1, a + 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          if (e.key === 'Enter' && choices[active]) {
            e.preventDefault();
            onToggle(choices[active]!);
          }
        }}
      />
      {choices.length === 0 ? (
        <p className="muted">No {scope} tags{query ? ` matching "${query}"` : ''}. Create tags in Manage tags (g).</p>
      ) : (
        <ul className="picker" role="listbox" aria-label="Tags">
          {choices.map((tag, i) => (
            <li key={tag.id} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onClick={() => onToggle(tag)}>
              <span className="tag-dot" style={{ background: tag.colour }} aria-hidden="true" />
              {tag.name}
              {tag.hotkey && <kbd>{tag.hotkey}</kbd>}
              {has(tag) && <span className="check-mark">✓ tagged</span>}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
