/** The tag taxonomy: create, rename, colour, hotkey and scope; merge and delete say how many uses they touch. */
import { useState } from 'react';
import type { Tag, TagScope } from '../../../shared/library.ts';
import { TAG_SCOPES } from '../../../shared/library.ts';
import { api } from '../api/client.ts';
import { shortcutUsingKey } from '../state/shortcuts.ts';
import { Modal } from './Modal.tsx';

export interface TagManagerProps {
  readonly tags: readonly Tag[];
  readonly onChanged: () => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

const PALETTE = ['#2f6fde', '#d9480f', '#2b8a3e', '#ae3ec9', '#e8590c', '#1098ad', '#c2255c', '#5c7cfa'];

export function TagManager({ tags, onChanged, onClose, onError }: TagManagerProps) {
  const [name, setName] = useState('');
  const [colour, setColour] = useState(PALETTE[tags.length % PALETTE.length]!);
  const [hotkey, setHotkey] = useState('');
  const [scope, setScope] = useState<TagScope>('both');
  const [mergeFrom, setMergeFrom] = useState<number | null>(null);
  const run = (work: Promise<unknown>) => work.then(onChanged).catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  /** A hotkey must not be a key another shortcut already uses. */
  const hotkeyClash = (key: string | null): string | null => {
    const shortcut = key ? shortcutUsingKey(key) : null;
    return shortcut ? `"${key}" already means "${shortcut.description}"; choose another key for the tag.` : null;
  };
  const uses = (tag: Tag) => `${tag.letterCount} letter${tag.letterCount === 1 ? '' : 's'}, ${tag.itemCount} item${tag.itemCount === 1 ? '' : 's'}`;
  return (
    <Modal title="Manage tags" onClose={onClose} wide>
      <table className="tags-table">
        <thead>
          <tr>
            <th>Tag</th>
            <th>Colour</th>
            <th>Hotkey</th>
            <th>Scope</th>
            <th>Uses</th>
            <th>Merge or delete</th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <td>
                <input
                  aria-label={`Name of tag ${tag.name}`}
                  defaultValue={tag.name}
                  onBlur={(e) => e.target.value.trim() && e.target.value.trim() !== tag.name && void run(api.updateTag(tag.id, { name: e.target.value.trim() }))}
                />
              </td>
              <td>
                <input type="color" aria-label={`Colour of tag ${tag.name}`} value={tag.colour} onChange={(e) => void run(api.updateTag(tag.id, { colour: e.target.value }))} />
              </td>
              <td>
                <input
                  className="hotkey-input"
                  aria-label={`Hotkey of tag ${tag.name}`}
                  maxLength={1}
                  defaultValue={tag.hotkey ?? ''}
                  onBlur={(e) => {
                    const key = e.target.value.trim().toLowerCase() || null;
                    const clash = hotkeyClash(key);
                    if (clash) {
                      onError(clash);
                      e.target.value = tag.hotkey ?? '';
                    } else if (key !== tag.hotkey) void run(api.updateTag(tag.id, { hotkey: key }));
                  }}
                />
              </td>
              <td>
                <select aria-label={`Scope of tag ${tag.name}`} value={tag.scope} onChange={(e) => void run(api.updateTag(tag.id, { scope: e.target.value as TagScope }))}>
                  {TAG_SCOPES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted nowrap">{uses(tag)}</td>
              <td className="nowrap">
                {mergeFrom === tag.id ? (
                  <select
                    autoFocus
                    aria-label={`Merge ${tag.name} into`}
                    defaultValue=""
                    onChange={(e) => {
                      const target = Number(e.target.value);
                      if (target && window.confirm(`Merge "${tag.name}" (${uses(tag)}) into "${tags.find((t) => t.id === target)?.name}"?`)) {
                        void run(api.mergeTags(tag.id, target));
                      }
                      setMergeFrom(null);
                    }}
                  >
                    <option value="">Merge into…</option>
                    {tags.filter((t) => t.id !== tag.id).map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <button type="button" onClick={() => setMergeFrom(tag.id)} disabled={tags.length < 2}>
                    Merge…
                  </button>
                )}
                <button
                  type="button"
                  className="danger"
                  onClick={() => window.confirm(`Delete "${tag.name}"? It is used on ${uses(tag)}.`) && void run(api.deleteTag(tag.id))}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="new-tag"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          const clash = hotkeyClash(hotkey.trim().toLowerCase() || null);
          if (clash) return onError(clash);
          void run(api.createTag({ name: name.trim(), colour, hotkey: hotkey.trim().toLowerCase() || null, scope })).then(() => {
            setName('');
            setHotkey('');
            setColour(PALETTE[(tags.length + 1) % PALETTE.length]!);
          });
        }}
      >
        <input aria-label="New tag name" placeholder="New tag name" value={name} onChange={(e) => setName(e.target.value)} />
        <input type="color" aria-label="New tag colour" value={colour} onChange={(e) => setColour(e.target.value)} />
        <input className="hotkey-input" aria-label="New tag hotkey" placeholder="key" maxLength={1} value={hotkey} onChange={(e) => setHotkey(e.target.value)} />
        <select aria-label="New tag scope" value={scope} onChange={(e) => setScope(e.target.value as TagScope)}>
          {TAG_SCOPES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={!name.trim()}>
          Add tag
        </button>
      </form>
      <p className="muted">A hotkey is a single letter or digit that no other shortcut uses (see ?); digits are always free.</p>
    </Modal>
  );
}
