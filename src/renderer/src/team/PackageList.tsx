/** The packages made from this library, in the order made: for whom, how big, when, and how far each has come back. */
import type { WorkPackageSummary } from '../../../shared/team.ts';
import { Progress } from '../quality/ProgressTable.tsx';

export interface PackageListProps {
  readonly packages: readonly WorkPackageSummary[];
  /** Opens the merge with this package's file typed in. */
  readonly onMerge: (pkg: WorkPackageSummary) => void;
}

const count = (n: number) => n.toLocaleString('en-US');
const two = (n: number) => String(n).padStart(2, '0');
/** "2026-12-08 01:40" in local time: minutes are enough to tell rounds apart. */
function when(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

export function PackageList({ packages, onMerge }: PackageListProps) {
  if (packages.length === 0) return <p className="muted">No package yet: make a round of packages for your reviewers.</p>;
  return (
    <table className="quality-table package-list">
      <thead>
        <tr>
          <th>Package</th>
          <th>Reviewer</th>
          <th className="n">Letters</th>
          <th>Returned</th>
          <th>Made</th>
          <th>Merged</th>
          <th>
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {packages.map((pkg) => (
          <tr key={pkg.id} data-package={pkg.name}>
            <th scope="row">
              {pkg.name}
              <div className="muted small package-file">{pkg.fileName}</div>
            </th>
            <td>{pkg.reviewer}</td>
            <td className="n">
              {count(pkg.letters)}
              {pkg.overlapping > 0 && <div className="muted small">{count(pkg.overlapping)} overlapping</div>}
            </td>
            <td className="nowrap">
              <Progress done={pkg.returned} of={pkg.letters} />
              <div className="muted small package-marks">
                {count(pkg.verified)} verified · {count(pkg.flagged)} flagged
              </div>
            </td>
            <td className="nowrap">
              {when(pkg.createdAt)}
              <div className="muted small">by {pkg.createdBy}</div>
            </td>
            <td className="nowrap">
              {pkg.mergedAt === null ? (
                <span className="muted">out</span>
              ) : (
                <>
                  {when(pkg.mergedAt)}
                  {pkg.mergedBy && <div className="muted small">by {pkg.mergedBy}</div>}
                </>
              )}
            </td>
            <td className="nowrap">
              <MergeButton label={pkg.mergedAt === null ? 'Merge…' : 'Merge again…'} name={pkg.name} onClick={() => onMerge(pkg)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The row's merge: its name read out after the words shown ("Merge… round1-Ana"). */
function MergeButton({ label, name, onClick }: { readonly label: string; readonly name: string; readonly onClick: () => void }) {
  return (
    <button type="button" aria-label={`${label} ${name}`} onClick={onClick}>
      {label}
    </button>
  );
}
