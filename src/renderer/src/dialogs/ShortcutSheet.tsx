/** The shortcut sheet (?): generated from the same table the key handling uses. */
import { SHORTCUTS } from '../state/shortcuts.ts';
import type { Shortcut } from '../state/shortcuts.ts';
import { Modal } from './Modal.tsx';

const GROUPS: Shortcut['group'][] = ['Queue', 'Letter', 'Items', 'Editing', 'App'];

export function ShortcutSheet({ onClose }: { readonly onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-grid">
        {GROUPS.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => (
                <div key={shortcut.action} className="shortcut">
                  <dt>
                    {shortcut.keys.map((key) => (
                      <kbd key={key}>{key.length === 1 && key !== key.toLowerCase() ? `Shift+${key.toLowerCase()}` : key}</kbd>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted">
        <kbd>Tab</kbd> and <kbd>Shift+Tab</kbd> move through every field and control in page order; <kbd>Enter</kbd> and <kbd>Space</kbd> press a focused button.
      </p>
      <p className="muted">Tag hotkeys (set in Manage tags) toggle a tag on the focused item, or on the letter for letter tags.</p>
    </Modal>
  );
}
