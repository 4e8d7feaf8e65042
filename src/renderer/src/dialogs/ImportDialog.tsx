/**
 * Import files or folders by path (the desktop shell adds native pickers and drag and
 * drop), with a progress bar, rate, errors and cancel, then a report of each failed file.
 */
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useJobStatus } from '../state/useJobStatus.ts';
import { importProgressLine } from './importProgress.ts';
import { Modal } from './Modal.tsx';

export interface ImportDialogProps {
  readonly onClose: () => void;
  readonly onImported: () => void;
  readonly onError: (message: string) => void;
}

export function ImportDialog({ onClose, onImported, onError }: ImportDialogProps) {
  const [paths, setPaths] = useState('');
  const status = useJobStatus(api.getImportStatus, onImported);
  const running = status?.running ?? null;

  const start = () => {
    const list = paths.split('\n').map((p) => p.trim()).filter(Boolean);
    if (list.length === 0) return;
    api.startImport(list).then(
      ({ started }) => !started && onError('An import is already running.'),
      (e: unknown) => onError(e instanceof Error ? e.message : String(e)),
    );
  };
  const last = status?.last ?? null;
  return (
    <Modal title="Import letters" onClose={onClose} wide>
      <label className="stacked">
        Files or folders to import, one path per line (folders are read recursively; .pdf and .txt)
        <textarea
          autoFocus
          rows={3}
          value={paths}
          onChange={(e) => setPaths(e.target.value)}
          placeholder="/home/me/letters/2017"
          onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && start()}
        />
      </label>
      <div className="actions">
        {running ? (
          <button type="button" className="danger" onClick={() => void api.cancelImport()}>
            Cancel import
          </button>
        ) : (
          <button type="button" className="primary" onClick={start} disabled={!paths.trim()}>
            Import
          </button>
        )}
      </div>
      {running && (
        <div className="progress-block" aria-live="polite">
          <progress max={Math.max(1, running.total)} value={running.done} aria-label="Import progress" />
          <div className="muted">{importProgressLine(running)}</div>
          <div className="muted clip">{running.currentFile}</div>
        </div>
      )}
      {!running && status?.error && <p className="error">The import stopped: {status.error}</p>}
      {!running && last && (
        <div className="report" aria-label="Import report">
          <h3>
            Last import {last.status === 'cancelled' ? 'cancelled' : 'finished'} in {(last.elapsedMs / 1000).toFixed(1)} s
          </h3>
          <p>
            {last.imported} imported · {last.duplicates} already in the library · {last.skipped.length} skipped · {last.failed} failed
          </p>
          {last.failures.length > 0 && (
            <table className="failures">
              <thead>
                <tr>
                  <th>File</th>
                  <th>Reason</th>
                </tr>
              </thead>
              <tbody>
                {last.failures.map((failure) => (
                  <tr key={failure.path}>
                    <td className="clip">{failure.path}</td>
                    <td>
                      <code>{failure.code}</code> {failure.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Modal>
  );
}
