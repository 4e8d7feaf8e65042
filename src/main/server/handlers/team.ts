/** Work packages: made for reviewers from the open library, merged back, and the agreement where they overlapped. */
import type { ImrApi } from '../../../shared/api.ts';
import { listWorkPackages, requireReviewer } from '../../storage/index.ts';
import { makePackages, mergePackage, packageAgreement } from '../../team/index.ts';
import type { HandlerContext } from '../session.ts';

type TeamMethods = 'listPackages' | 'makePackages' | 'mergePackage' | 'getPackageAgreement';

export function teamHandlers({ library }: HandlerContext): Pick<ImrApi, TeamMethods> {
  const { db } = library;
  return {
    listPackages: async () => listWorkPackages(db),
    makePackages: async ({ folder, ...plan }) => makePackages(db, { ...plan, folder, createdBy: requireReviewer(db), libraryFile: library.file }),
    mergePackage: async (file) => mergePackage(db, file, { mergedBy: requireReviewer(db) }),
    getPackageAgreement: async () => packageAgreement(db),
  };
}
