/** The app and the library as a whole: versions, the reviewer, the counts. */
import type { ImrApi } from '../../../shared/api.ts';
import { PARSER_VERSION } from '../../letters/parsing/index.ts';
import { derivedBacklog } from '../../review/index.ts';
import { getLibraryStats, getReviewer, queueProgress, setReviewer } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

export function appHandlers({ library, libraryId, settings }: HandlerContext): Pick<ImrApi, 'getAppInfo' | 'setReviewer' | 'getStats'> {
  const { db } = library;
  return {
    getAppInfo: async () => ({ appVersion: settings.appVersion, parserVersion: PARSER_VERSION, libraryFile: library.file, libraryId, reviewer: getReviewer(db) }),
    setReviewer: async (name) => setReviewer(db, name),
    getStats: async () => ({ ...getLibraryStats(db), verified: queueProgress(db).verified, derivedUpdate: derivedBacklog(db) }),
  };
}
