/** Library name, review progress and the app-level commands. */
import type { AppInfo } from '../../../shared/api.ts';
import type { Dialog } from '../App.tsx';

export interface TopBarProps {
  readonly info: AppInfo | null;
  readonly stats: { letters: number; verified: number } | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onDialog: (dialog: Dialog) => void;
}

export function TopBar({ info, stats, onDialog }: TopBarProps) {
  const share = stats && stats.letters > 0 ? stats.verified / stats.letters : 0;
  return (
    <header className="top-bar">
      <div className="brand">IMR Review</div>
      <div className="library muted" title={info?.libraryFile}>
        {info ? info.libraryFile.split(/[\\/]/).pop() : ''}
      </div>
      {stats && (
        <div className="progress-summary" aria-label="Review progress">
          <span>
            <strong>{stats.verified.toLocaleString()}</strong> / {stats.letters.toLocaleString()} verified
          </span>
          <span className="meter" aria-hidden="true">
            <span style={{ width: `${(share * 100).toFixed(1)}%` }} />
          </span>
        </div>
      )}
      <div className="top-actions">
        <button type="button" onClick={() => onDialog('import')} title="Import letters (i)">
          Import…
        </button>
        <button type="button" onClick={() => onDialog('export')} title="Export the dataset (x)">
          Export…
        </button>
        <button type="button" onClick={() => onDialog('conflicts')} title="Conflicts from merged datasets (c)">
          Conflicts
        </button>
        <button type="button" onClick={() => onDialog('tags')} title="Manage tags (g)">
          Tags
        </button>
        <button type="button" onClick={() => onDialog('help')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          ?
        </button>
        {info?.reviewer && <span className="reviewer muted">{info.reviewer}</span>}
      </div>
    </header>
  );
}
