/** The status bar: the latest notice (with Undo or Dismiss), else the hint to the shortcut sheet. */
import type { Notice } from '../state/useNotices.ts';

export interface StatusBarProps {
  readonly notice: Notice | null;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
}

export function StatusBar({ notice, onUndo, onDismiss }: StatusBarProps) {
  return (
    <footer className="status-bar">
      <div className={`notice-text${notice ? ` notice-${notice.kind}` : ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'} aria-live={notice?.kind === 'error' ? 'assertive' : 'polite'}>
        {notice ? (notice.kind === 'error' ? `⚠ ${notice.text}` : notice.text) : 'Press ? for keyboard shortcuts.'}
      </div>
      {notice?.undoable && (
        <button type="button" className="link" onClick={onUndo}>
          Undo
        </button>
      )}
      {notice && (
        <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss the message">
          Dismiss
        </button>
      )}
    </footer>
  );
}
