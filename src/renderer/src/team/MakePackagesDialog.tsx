/**
 * Making a round of work packages: for whom, how many letters and which, drawn at random or in
 * queue order, with a share in two packages for double review, written to a typed folder. Once
 * made, it lists the files written, to hand to each reviewer.
 */
import { useEffect, useRef, useState } from 'react';
import type { QueueFilter } from '../../../shared/api.ts';
import type { LetterStatus } from '../../../shared/library.ts';
import { LETTER_STATUSES } from '../../../shared/library.ts';
import { describeFrame } from '../../../shared/qualityFormat.ts';
import type { MadePackage } from '../../../shared/team.ts';
import { api } from '../api/client.ts';
import { Problem } from '../components/Problem.tsx';
import { Modal } from '../dialogs/Modal.tsx';
import type { PackageForm } from './packageForm.ts';
import { packagesRequest } from './packageForm.ts';

export interface MakePackagesDialogProps {
  readonly queueFilter: QueueFilter;
  /** Where the files go unless another folder is typed. */
  readonly folder: string;
  readonly onMade: (made: readonly MadePackage[], folder: string) => void;
  readonly onClose: () => void;
}

const statusLabel = (status: LetterStatus) => status.replace('_', ' ');

export function MakePackagesDialog({ queueFilter, folder, onMade, onClose }: MakePackagesDialogProps) {
  const queueFiltered = Object.keys(queueFilter).length > 0;
  const [form, setForm] = useState<PackageForm>({ name: '', reviewers: '', count: '', seed: '', overlapPercent: '10', letters: 'all', status: 'unreviewed', folder });
  const [problem, setProblem] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<readonly MadePackage[] | null>(null);
  const done = useRef<HTMLButtonElement>(null);
  // The form is gone once the packages are made: the keyboard goes on from Done.
  useEffect(() => done.current?.focus(), [made]);
  const set = <K extends keyof PackageForm>(key: K, value: PackageForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  const make = (event: React.FormEvent) => {
    event.preventDefault();
    const read = packagesRequest(form, queueFilter);
    if ('problem' in read) return setProblem(read.problem);
    setProblem(null);
    setMaking(true);
    api
      .makePackages(read.request)
      .then(
        (result) => {
          setMade(result);
          onMade(result, read.request.folder);
        },
        (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setMaking(false));
  };

  if (made) {
    return (
      <Modal title="Packages made" onClose={onClose} wide>
        <p role="status">
          {made.length} package{made.length === 1 ? '' : 's'} written. Give each reviewer their file: they open it like a library, review, and send it back to be merged.
        </p>
        <table className="quality-table made-packages">
          <thead>
            <tr>
              <th>Reviewer</th>
              <th>File</th>
              <th className="n">Letters</th>
              <th className="n">Shared with another</th>
            </tr>
          </thead>
          <tbody>
            {made.map((pkg) => (
              <tr key={pkg.id}>
                <th scope="row">{pkg.reviewer}</th>
                <td className="path">{pkg.file}</td>
                <td className="n">{pkg.letters.toLocaleString('en-US')}</td>
                <td className="n">{pkg.overlapping.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" className="primary" ref={done} onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Make packages" onClose={onClose} wide>
      <form className="export-form packages-form" onSubmit={make} noValidate>
        <div className="packages-row">
          <label className="stacked">
            Round name
            <input value={form.name} placeholder="round-1" onChange={(e) => set('name', e.target.value)} />
          </label>
          <label className="stacked packages-reviewers">
            Reviewers (comma separated)
            <input value={form.reviewers} placeholder="Ana, Ben" onChange={(e) => set('reviewers', e.target.value)} />
          </label>
        </div>
        <fieldset>
          <legend>Letters</legend>
          <label className="check">
            <input type="radio" name="package-letters" checked={form.letters === 'all'} onChange={() => set('letters', 'all')} />
            Every letter of the library
          </label>
          <div className="check">
            {/* The drop-down sits beside the choice's label, not in it: the choice reads "Letters of status", not every status listed. */}
            <label className="check">
              <input type="radio" name="package-letters" checked={form.letters === 'status'} onChange={() => set('letters', 'status')} />
              Letters of status
            </label>
            <select aria-label="Status" value={form.status} disabled={form.letters !== 'status'} onChange={(e) => set('status', e.target.value as LetterStatus)}>
              {LETTER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statusLabel(status)}
                </option>
              ))}
            </select>
          </div>
          <label className="check">
            <input type="radio" name="package-letters" checked={form.letters === 'queue'} disabled={!queueFiltered} onChange={() => set('letters', 'queue')} />
            The queue's filter{queueFiltered ? `: ${describeFrame(queueFilter)}` : ' (the queue shows every letter)'}
          </label>
          <p className="muted small">Letters already out in a package that has not come back are left out.</p>
        </fieldset>
        <div className="packages-row">
          <label className="stacked">
            How many letters
            <input inputMode="numeric" value={form.count} placeholder="all" onChange={(e) => set('count', e.target.value)} />
          </label>
          <label className="stacked">
            Random seed
            <input inputMode="numeric" value={form.seed} placeholder="none: queue order" onChange={(e) => set('seed', e.target.value)} />
          </label>
          <label className="stacked">
            Double review, % of letters
            <input inputMode="decimal" value={form.overlapPercent} onChange={(e) => set('overlapPercent', e.target.value)} />
          </label>
        </div>
        <label className="stacked">
          Folder to write the package files to
          <input value={form.folder} onChange={(e) => set('folder', e.target.value)} spellCheck={false} />
        </label>
        <Problem text={problem} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={making}>
            {making ? 'Making…' : 'Make packages'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

