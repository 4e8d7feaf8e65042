/** The status bar: the latest notice (with Undo or Dismiss), else the hint to the shortcut sheet; background work; the rule check settings. */
import type { DerivedUpdate } from '../../../shared/api.ts';
import type { Notice } from '../state/useNotices.ts';

export interface StatusBarProps {
  readonly notice: Notice | null;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
  /** The library's rule checks and vocabulary being brought to this version, in the background. */
  readonly derivedUpdate: DerivedUpdate | null;
  /** Opens the library's rule check settings, beside the update they start. */
  readonly onCheckSettings: () => void;
}

export function StatusBar({ notice, onUndo, onDismiss, derivedUpdate, onCheckSettings }: StatusBarProps) {
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
      {derivedUpdate && (
        <div className="background-work" role="status" title="The rule checks and the vocabulary of this app version and the library's check settings are worked out for every letter; the queue's check and vocabulary filters count the letters done so far.">
          Updating rule checks: {derivedUpdate.done.toLocaleString()} of {derivedUpdate.total.toLocaleString()} letters
        </div>
      )}
      <button type="button" className="link" onClick={onCheckSettings}>
        Rule checks…
      </button>
    </footer>
  );
}
