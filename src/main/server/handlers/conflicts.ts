/** The conflicts a dataset merge left for a person to decide. */
import type { ImrApi } from '../../../shared/api.ts';
import { resolveConflict } from '../../export/conflicts.ts';
import { listConflicts } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';
import { changeResult } from './review.ts';

export function conflictHandlers({ library: { db }, actor }: HandlerContext): Pick<ImrApi, 'listConflicts' | 'resolveConflict'> {
  return {
    listConflicts: async (state) => listConflicts(db, { state }),
    resolveConflict: async (conflictId, take) => changeResult(resolveConflict(db, actor(), conflictId, take)),
  };
}
