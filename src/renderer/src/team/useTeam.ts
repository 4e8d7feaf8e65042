/** What the Team view shows, fetched when it opens and again after anything it changes: the packages, their agreement, the open conflicts. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../shared/api.ts';
import type { PairAgreement, WorkPackageSummary } from '../../../shared/team.ts';
import { api } from '../api/client.ts';

export interface TeamReport {
  readonly packages: readonly WorkPackageSummary[];
  readonly agreement: readonly PairAgreement[];
  /** Conflicts waiting in the adjudication list (from packages, merged datasets and blind passes alike). */
  readonly openConflicts: number;
  /** The folder of the open library: where packages are written unless another is typed. */
  readonly libraryFolder: string;
  /** When the open file is itself a package: a reviewer's copy, sent back rather than shared out again. */
  readonly workPackage: AppInfo['workPackage'];
}

export interface TeamState {
  readonly report: TeamReport | null;
  readonly error: string | null;
  readonly reload: () => void;
}

/** The folder part of a path, whichever separator the system uses. */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut <= 0 ? file.slice(0, cut + 1) : file.slice(0, cut);
}

export function useTeam(): TeamState {
  const [report, setReport] = useState<TeamReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A late answer to an earlier load is dropped: the newest load wins.
  const loads = useRef(0);
  const reload = useCallback(() => {
    const load = ++loads.current;
    Promise.all([api.listPackages(), api.getPackageAgreement(), api.listConflicts('open'), api.getAppInfo()]).then(
      ([packages, agreement, conflicts, info]) => {
        if (load !== loads.current) return;
        setReport({ packages, agreement, openConflicts: conflicts.length, libraryFolder: folderOf(info.libraryFile), workPackage: info.workPackage });
        setError(null);
      },
      (problem: unknown) => load === loads.current && setError(problem instanceof Error ? problem.message : String(problem)),
    );
  }, []);
  useEffect(reload, [reload]);
  return { report, error, reload };
}
