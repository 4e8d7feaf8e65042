/**
 * The main-process side of the API contract: one handler per method, each a thin call
 * into a service. Arguments arrive already validated (see dispatch.ts).
 */
import type { ImrApi } from '../../shared/api.ts';
import { exportDataset, listConflicts, resolveConflict } from '../export/index.ts';
import { importLetters } from '../import/pipeline.ts';
import type { Jobs } from '../jobs/index.ts';
import { PARSER_VERSION } from '../letters/parsing/index.ts';
import type { Library } from '../storage/index.ts';
import * as store from '../storage/index.ts';

export interface ApiContext {
  readonly library: Library;
  readonly appVersion: string;
  readonly jobs: Jobs;
  /** Folder of sample letters shipped with the app, offered on an empty library. */
  readonly samplesFolder: string;
}

export function createApiHandlers({ library, appVersion, jobs, samplesFolder }: ApiContext): ImrApi {
  const { db } = library;
  const startImport = (paths: readonly string[]) =>
    jobs.imports.start((signal, onProgress) => importLetters(library, paths, { signal, onProgress }));
  const tagUses = (tagId: number) => {
    const tag = store.listTags(db).find((t) => t.id === tagId);
    return tag ? tag.letterCount + tag.itemCount : 0;
  };
  return {
    getAppInfo: async () => ({
      appVersion,
      parserVersion: PARSER_VERSION,
      libraryFile: library.file,
      reviewer: store.getReviewer(db),
    }),
    setReviewer: async (name) => store.setReviewer(db, name),
    getStats: async () => ({ ...store.getLibraryStats(db), verified: store.queueProgress(db).verified }),
    queryQueue: async (query) => ({ rows: store.queryQueue(db, query), total: store.countQueue(db, query) }),
    nextLetterToReview: async (afterId, filter, sort) => store.nextLetterToReview(db, afterId, filter, sort),
    searchLetters: async (query, limit) => store.searchLetters(db, query, { limit }),
    getLetter: async (letterId) => store.getLetter(db, letterId),
    listHistory: async (letterId) => store.listLetterHistory(db, letterId),
    updateItemField: async (itemId, field, value, span) =>
      store.updateItemField(db, itemId, field, value, span === undefined ? {} : { span }),
    setDecision: async (itemId, decision) => store.setDecision(db, itemId, decision),
    addItem: async (letterId, item, position) => store.addItem(db, letterId, item, position),
    deleteItem: async (itemId) => store.deleteItem(db, itemId),
    splitItem: async (itemId, split) => store.splitItem(db, itemId, split),
    mergeItems: async (keepId, removeId) => store.mergeItems(db, keepId, removeId),
    reorderItems: async (letterId, itemIds) => store.reorderItems(db, letterId, itemIds),
    updateLetterField: async (letterId, field, value, span) =>
      store.updateLetterField(db, letterId, field, value, span === undefined ? {} : { span }),
    verifyLetter: async (letterId) => store.verifyLetter(db, letterId),
    flagLetter: async (letterId, reason) => store.flagLetter(db, letterId, reason),
    reopenLetter: async (letterId) => store.reopenLetter(db, letterId),
    listTags: async () => store.listTags(db),
    createTag: async (tag) => store.createTag(db, tag),
    updateTag: async (tagId, changes) => store.updateTag(db, tagId, changes),
    deleteTag: async (tagId) => {
      const uses = tagUses(tagId);
      store.deleteTag(db, tagId);
      return { uses };
    },
    mergeTags: async (sourceId, targetId) => {
      const uses = tagUses(sourceId);
      store.mergeTags(db, sourceId, targetId);
      return { uses };
    },
    tagLetter: async (letterId, tagId) => store.tagLetter(db, letterId, tagId),
    untagLetter: async (letterId, tagId) => store.untagLetter(db, letterId, tagId),
    tagItem: async (itemId, tagId) => store.tagItem(db, itemId, tagId),
    untagItem: async (itemId, tagId) => store.untagItem(db, itemId, tagId),
    addNote: async (letterId, body) => store.addNote(db, letterId, body),
    deleteNote: async (noteId) => store.deleteNote(db, noteId),
    startImport: async (paths) => ({ started: startImport(paths) }),
    getImportStatus: async () => jobs.imports.status(),
    cancelImport: async () => jobs.imports.cancel(),
    listImportErrors: async (runId) => store.listImportErrors(db, runId),
    loadSampleLetters: async () => ({ started: startImport([samplesFolder]) }),
    startExport: async (options) => ({
      started: jobs.exports.start((signal, onProgress) => exportDataset(library, options, { signal, onProgress })),
    }),
    getExportStatus: async () => jobs.exports.status(),
    cancelExport: async () => jobs.exports.cancel(),
    listConflicts: async (state) => listConflicts(db, { state }),
    resolveConflict: async (conflictId, take) => resolveConflict(db, conflictId, take),
  };
}
