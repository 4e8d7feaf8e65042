/** Library name, review progress and the app-level commands. */
import type { AppInfo } from '../../../shared/api.ts';
import type { UndoState } from '../../../shared/library.ts';
import type { Dialog } from '../App.tsx';
import { describeStep } from '../history.ts';

export interface TopBarProps {
  readonly info: AppInfo | null;
  readonly stats: { letters: number; verified: number } | null;
  /** Kept by the library server, so it survives a reload. */
  readonly undoState: UndoState | null;
  readonly onDialog: (dialog: Dialog) => void;
  readonly onStep: (direction: 'undo' | 'redo') => void;
}

export function TopBar({ info, stats, undoState, onDialog, onStep }: TopBarProps) {
  const share = stats && stats.letters > 0 ? stats.verified / stats.letters : 0;
  return (
    <header className="top-bar">
      <h1 className="brand">IMR Review</h1>
      <div className="library muted" title={info?.libraryFile}>
        {info ? info.libraryFile.split(/[\\/]/).pop() : ''}
        {info?.workPackage && (
          <span className="work-package"> · package for {info.workPackage.reviewer} from {info.workPackage.sourceFileName}</span>
        )}
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
        <button
          type="button"
          disabled={!undoState?.undo}
          onClick={() => onStep('undo')}
          aria-label={undoState?.undo ? `Undo: ${describeStep(undoState.undo)}` : 'Nothing to undo'}
          title={undoState?.undo ? `Undo: ${describeStep(undoState.undo)} (Ctrl+Z)` : 'Nothing to undo'}
        >
          ↶ Undo
        </button>
        <button
          type="button"
          disabled={!undoState?.redo}
          onClick={() => onStep('redo')}
          aria-label={undoState?.redo ? `Redo: ${describeStep(undoState.redo)}` : 'Nothing to redo'}
          title={undoState?.redo ? `Redo: ${describeStep(undoState.redo)} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        >
          ↷ Redo
        </button>
        <button type="button" onClick={() => onDialog('import')} title="Import letters (i)">
          Import…
        </button>
        <button type="button" onClick={() => onDialog('export')} title="Export the dataset (x)">
          Export…
        </button>
        <button type="button" onClick={() => onDialog('conflicts')} title="Conflicts from merged datasets (c)">
          Conflicts
        </button>
        <button type="button" onClick={() => onDialog('insights')} title="Insights: outcomes beside published figures (Shift+I)">
          Insights
        </button>
        <button type="button" onClick={() => onDialog('quality')} title="Quality: audit samples, error rates, blind re-review (Shift+Q)">
          Quality
        </button>
        <button type="button" onClick={() => onDialog('team')} title="Team: work packages, merging them back, agreement (Shift+T)">
          Team
        </button>
        <button type="button" onClick={() => onDialog('tags')} title="Manage tags (g)">
          Tags
        </button>
        <button type="button" onClick={() => onDialog('bulk')} title="Bulk actions on items across letters (b)">
          Bulk…
        </button>
        <button type="button" onClick={() => onDialog('corrections')} title="What reviewers corrected, per field (Shift+C)">
          Corrections
        </button>
        <button type="button" onClick={() => onDialog('help')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
          ?
        </button>
        {info?.reviewer && <span className="reviewer muted">{info.reviewer}</span>}
      </div>
    </header>
  );
}
