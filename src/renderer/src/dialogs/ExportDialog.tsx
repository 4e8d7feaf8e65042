/**
 * Export the dataset: the CLI's options, progress with cancel, and a summary of what was written.
 * A folder holding files the app did not write is never written into without asking.
 */
import { useState } from 'react';
import type { ExportFormat, ExportOptions, ExportScope } from '../../../shared/export.ts';
import { EXPORT_FORMATS } from '../../../shared/export.ts';
import type { Decision, LetterFormat } from '../../../shared/letter.ts';
import { DECISIONS, LETTER_FORMATS } from '../../../shared/letter.ts';
import type { LetterStatus, Tag } from '../../../shared/library.ts';
import { LETTER_STATUSES } from '../../../shared/library.ts';
import { api, ApiCallError, desktop } from '../api/client.ts';
import { useJobStatus } from '../state/useJobStatus.ts';
import { OptionalSelect, plainChoices } from '../components/OptionalSelect.tsx';
import { Modal } from './Modal.tsx';

export interface ExportDialogProps {
  readonly tags: readonly Tag[];
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

const FORMAT_LABELS: Record<ExportFormat, string> = {
  jsonl: 'JSONL (one letter per line, items nested)',
  csv: 'CSV (one row per item)',
  parquet: 'Parquet (letters, items and citations tables)',
  xlsx: 'Excel workbook (letters, items and citations sheets, for spreadsheets)',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ExportDialog({ tags, onClose, onError }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [outDir, setOutDir] = useState('');
  const [scope, setScope] = useState<ExportScope>('verified');
  const [tagId, setTagId] = useState<number | undefined>(undefined);
  const [decision, setDecision] = useState<Decision | undefined>(undefined);
  const [letterFormat, setLetterFormat] = useState<LetterFormat | undefined>(undefined);
  const [letterStatus, setLetterStatus] = useState<LetterStatus | undefined>(undefined);
  const [withSpans, setWithSpans] = useState(false);
  const [bom, setBom] = useState(true);
  /** Why the chosen folder needs a yes before the export writes into it. */
  const [foreignFiles, setForeignFiles] = useState<string | null>(null);
  const status = useJobStatus(api.getExportStatus);

  const start = (force: boolean) => {
    setForeignFiles(null);
    // The CLI's filters: --tag, --decision, --format-filter, and --status (which needs --all).
    const filter = {
      ...(tagId !== undefined ? { tagId } : {}),
      ...(decision !== undefined ? { decision } : {}),
      ...(letterFormat !== undefined ? { format: letterFormat } : {}),
      ...(scope === 'all' && letterStatus !== undefined ? { status: letterStatus } : {}),
    };
    const options: ExportOptions = {
      format,
      outDir: outDir.trim(),
      scope,
      withSpans,
      ...(format === 'csv' ? { bom } : {}),
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
      ...(force ? { force } : {}),
    };
    api.startExport(options).then(
      ({ started }) => !started && onError('An export is already running.'),
      (e: unknown) => {
        if (e instanceof ApiCallError && e.code === 'foreign-files') setForeignFiles(e.message);
        else onError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  const changeFolder = (folder: string) => {
    setOutDir(folder);
    setForeignFiles(null);
  };
  const running = status?.running ?? null;
  const last = status?.last ?? null;
  return (
    <Modal title="Export the dataset" onClose={onClose} wide>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          start(false);
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="check">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
              {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Letters</legend>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'verified'} onChange={() => setScope('verified')} />
            Verified letters only
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All letters, with their review status
          </label>
          <div className="filters-row">
            <OptionalSelect
              label="Only letters with tag"
              anyLabel="Any tag"
              value={tagId}
              choices={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
              onChange={setTagId}
            />
            <OptionalSelect
              label="Only letters with decision"
              anyLabel="Any decision"
              value={decision}
              choices={plainChoices(DECISIONS)}
              onChange={setDecision}
            />
            <OptionalSelect label="Only letters of format" anyLabel="Any format" value={letterFormat} choices={plainChoices(LETTER_FORMATS)} onChange={setLetterFormat} />
            {scope === 'all' && (
              <OptionalSelect
                label="Only letters with status"
                anyLabel="Any status"
                value={letterStatus}
                choices={plainChoices(LETTER_STATUSES, (s) => s.replace('_', ' '))}
                onChange={setLetterStatus}
              />
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>Options</legend>
          <label className="check">
            <input type="checkbox" checked={withSpans} onChange={(e) => setWithSpans(e.target.checked)} />
            Include source spans (character offsets of every value)
          </label>
          {format === 'csv' && (
            <label className="check">
              <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
              Start with a byte order mark (Excel reads UTF-8 right)
            </label>
          )}
        </fieldset>
        <label className="stacked">
          Folder to write to (created if missing; a README.md dataset card is written beside the data)
          <span className="path-row">
            <input value={outDir} onChange={(e) => changeFolder(e.target.value)} placeholder="/home/me/imr-dataset" />
            {desktop && (
              <button type="button" onClick={() => void desktop?.chooseExportFolder().then((folder) => folder && changeFolder(folder))}>
                Choose…
              </button>
            )}
          </span>
        </label>
        {foreignFiles ? (
          <div className="notice notice-flag" role="alert" aria-label="Folder holds other files">
            <strong>{foreignFiles}.</strong> Exporting here puts the dataset beside them and replaces a file of the same name
            (README.md); an empty or new folder keeps the export on its own.
            <div className="actions">
              <button type="button" onClick={() => setForeignFiles(null)}>
                Choose another folder
              </button>
              <button type="button" className="danger" onClick={() => start(true)}>
                Export beside them
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            {running ? (
              <button type="button" className="danger" onClick={() => void api.cancelExport()}>
                Cancel export
              </button>
            ) : (
              <button type="submit" className="primary" disabled={!outDir.trim()}>
                Export
              </button>
            )}
          </div>
        )}
      </form>
      {running && (
        <div className="progress-block" aria-live="polite">
          <progress max={Math.max(1, running.total)} value={running.done} aria-label="Export progress" />
          <div className="muted">
            {running.done.toLocaleString()} / {running.total.toLocaleString()} letters
          </div>
        </div>
      )}
      {!running && status?.error && <p className="error">The export stopped: {status.error}</p>}
      {/* A cancel discards the staging folder before the set is switched in (exportSet.ts). */}
      {!running && status?.cancelled && (
        <p role="status" aria-label="Export cancelled">
          Export cancelled; the folder is as it was.
        </p>
      )}
      {!running && last && (
        <div className="report" aria-label="Export summary">
          <h3>
            Exported {last.letters.toLocaleString()} letter{last.letters === 1 ? '' : 's'} and {last.items.toLocaleString()} item
            {last.items === 1 ? '' : 's'}
          </h3>
          <table className="failures">
            <tbody>
              {last.files.map((file) => (
                <tr key={file.path}>
                  <td className="clip">{file.path}</td>
                  <td className="nowrap">{file.rows > 0 ? `${file.rows.toLocaleString()} rows` : 'dataset card'}</td>
                  <td className="nowrap">{formatBytes(file.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  );
}
