/** The app and the library as a whole: versions, the reviewer, the counts, the rule check settings. */
import type { ImrApi } from '../../../shared/api.ts';
import { PARSER_VERSION } from '../../letters/parsing/index.ts';
import { checkSettings, derivedBacklog, setCheckSettings } from '../../review/index.ts';
import { getLibraryStats, getReviewer, queueProgress, readPackageIdentity, setReviewer } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

export function appHandlers({ library, libraryId, settings, rederive }: HandlerContext): Pick<
  ImrApi,
  'getAppInfo' | 'setReviewer' | 'getStats' | 'getCheckSettings' | 'setCheckSettings'
> {
  const { db } = library;
  return {
    getAppInfo: async () => {
      const identity = readPackageIdentity(db);
      const workPackage = identity && { name: identity.name, reviewer: identity.reviewer, sourceFileName: identity.sourceFileName };
      return { appVersion: settings.appVersion, parserVersion: PARSER_VERSION, libraryFile: library.file, libraryId, reviewer: getReviewer(db), workPackage };
    },
    setReviewer: async (name) => setReviewer(db, name),
    getStats: async () => ({ ...getLibraryStats(db), verified: queueProgress(db).verified, derivedUpdate: derivedBacklog(db) }),
    getCheckSettings: async () => checkSettings(db),
    setCheckSettings: async (checks) => {
      setCheckSettings(db, checks);
      rederive();
    },
  };
}
