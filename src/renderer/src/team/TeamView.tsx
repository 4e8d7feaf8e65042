/**
 * The Team view: work packages made from this library for reviewers, merged back as they return,
 * the conflicts the merges left in the adjudication list, and the reviewers' agreement wherever
 * their packages overlapped.
 */
import { useState } from 'react';
import type { QueueFilter } from '../../../shared/api.ts';
import { count } from '../../../shared/insightsFormat.ts';
import { FullView } from '../components/FullView.tsx';
import { Problem } from '../components/Problem.tsx';
import { ConflictsDialog } from '../dialogs/ConflictsDialog.tsx';
import '../quality/quality.css';
import { MakePackagesDialog } from './MakePackagesDialog.tsx';
import { MergePackageDialog } from './MergePackageDialog.tsx';
import { PackageList } from './PackageList.tsx';
import { PairAgreementTables } from './PairAgreementTables.tsx';
import './team.css';
import { useTeam } from './useTeam.ts';

export interface TeamViewProps {
  /** The queue's filter now: packages can be made from its letters. */
  readonly queueFilter: QueueFilter;
  /** A merge or an adjudication changed letters: what is on screen reloads. */
  readonly onChanged: () => void;
  readonly onOpenLetter: (letterId: number) => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

/** What is open over the view: one dialog at a time, the merge with the path it starts from. */
type Open = { readonly kind: 'make' } | { readonly kind: 'merge'; readonly path: string } | { readonly kind: 'adjudicate' } | null;

/** A file in a folder, with the separator the folder's own path uses. */
function inFolder(folder: string, fileName: string): string {
  if (folder === '') return fileName;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${fileName}` : `${folder}${separator}${fileName}`;
}

export function TeamView({ queueFilter, onChanged, onOpenLetter, onClose, onError }: TeamViewProps) {
  const { report, error, reload } = useTeam();
  const [open, setOpen] = useState<Open>(null);
  /** The folder packages were last written to this session: merges look there first. */
  const [packageFolder, setPackageFolder] = useState<string | null>(null);
  const folder = packageFolder ?? report?.libraryFolder ?? '';
  const packages = report?.packages ?? [];
  const out = packages.filter((pkg) => pkg.mergedAt === null).length;
  return (
    <FullView
      id="team"
      title="Team"
      closeKey="T"
      onClose={onClose}
      header={
        <span className="muted insights-status" aria-live="polite">
          {report === null ? 'Loading the packages…' : `${count(packages.length)} package${packages.length === 1 ? '' : 's'}, ${count(out)} out`}
        </span>
      }
    >
      <div className="team-body">
        <Problem text={error} />
        {report?.workPackage && (
          <p className="notice team-own-package" role="note">
            This file is the work package <strong>{report.workPackage.name}</strong> for {report.workPackage.reviewer}, made from {report.workPackage.sourceFileName}. Review its
            letters here and send the file back: it is merged in the library it came from.
          </p>
        )}
        <section className="quality-card team-packages" aria-labelledby="team-packages-title">
          <div className="team-card-head">
            <h3 id="team-packages-title">Work packages</h3>
            <button type="button" className="primary" onClick={() => setOpen({ kind: 'make' })}>
              Make packages…
            </button>
            <button type="button" onClick={() => setOpen({ kind: 'merge', path: inFolder(folder, '') })}>
              Merge a package…
            </button>
          </div>
          {report === null ? <p className="muted">Loading…</p> : <PackageList packages={packages} onMerge={(pkg) => setOpen({ kind: 'merge', path: inFolder(folder, pkg.fileName) })} />}
        </section>
        <section className="quality-card team-adjudication" aria-labelledby="team-adjudication-title">
          <h3 id="team-adjudication-title">Adjudication</h3>
          <p>
            {report === null ? '…' : <strong>{count(report.openConflicts)}</strong>} open conflict{report?.openConflicts === 1 ? '' : 's'}: a value, a decision or a status two
            reviewers set differently, each decided here from the keyboard.
          </p>
          <button type="button" onClick={() => setOpen({ kind: 'adjudicate' })}>
            Open the adjudication list
          </button>
        </section>
        {report && <PairAgreementTables agreement={report.agreement} />}
      </div>
      {open?.kind === 'make' && (
        <MakePackagesDialog
          queueFilter={queueFilter}
          folder={folder}
          onMade={(_made, writtenTo) => {
            setPackageFolder(writtenTo);
            reload();
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'merge' && (
        <MergePackageDialog
          initialPath={open.path}
          onMerged={(result) => {
            if (result.changeId !== null) onChanged();
            reload();
          }}
          onAdjudicate={() => setOpen({ kind: 'adjudicate' })}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'adjudicate' && (
        <ConflictsDialog
          onResolved={() => {
            reload();
            onChanged();
          }}
          onOpenLetter={onOpenLetter}
          onClose={() => {
            setOpen(null);
            reload();
          }}
          onError={onError}
        />
      )}
    </FullView>
  );
}
