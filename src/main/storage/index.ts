/**
 * The letter library store: the SQLite file, its schema, and every read and write of its rows.
 * Services (review, import, export) use only what this module exports; the SQL stays here.
 */
export { openLibrary, openSnapshot } from './library.ts';
export type { Library, OpenLibraryOptions } from './library.ts';
export * from './errors.ts';
export * from './fields.ts';
export { getJsonSetting, getReviewer, libraryId, requireReviewer, setJsonSetting, setReviewer } from './settings.ts';
export { getLetter, getLetterSource, hasLetterWithSha256, insertParsedLetter, letterIdOfSha256 } from './letters.ts';
export type { InsertLetterResult, StoredLetter } from './letters.ts';
export { getItem, listItems } from './storedItems.ts';
export type { StoredItem } from './storedItems.ts';
export { listReparseCandidates, replaceParse } from './reparse.ts';
export type { ReparseCandidate } from './reparse.ts';
export { readItemState, readLetterState, writeItemState, writeLetterState } from './editableRows.ts';
export type { EditableState, ItemState, LetterFieldsState, OriginalValue, SpanMap, StateWrite } from './editableRows.ts';
export { copyItemTags, deleteItemRow, insertItemRow, itemIdsInOrder, renumberItems, writeItemStatus } from './itemRows.ts';
export type { NewItemRow } from './itemRows.ts';
export { letterLabel, writeLetterReview } from './letterRows.ts';
export type { LetterReview } from './letterRows.ts';
export { refreshLetterSummary } from './summary.ts';
export { allLetterIds, writeDerived, writeStructureCorrections } from './derivedRows.ts';
export type { StoredDerived } from './derivedRows.ts';
export * from './tags.ts';
export * from './notes.ts';
export * from './queue.ts';
export { searchLetters, SNIPPET_MARKERS } from './search.ts';
export type { SearchHit, SearchOptions } from './search.ts';
export { toFtsQuery } from './ftsQuery.ts';
export { getDerivedStats, getLibraryStats } from './stats.ts';
export { insightCounts, LETTER_GROUPINGS, letterTotals, libraryVersion } from './insights.ts';
export type { FacetCounts, InsightCounts, ItemCounts, ItemCountsByYear, LetterCounts, LetterCountsByGroup, LetterGroupCounts, LetterGrouping } from './insights.ts';
export type { LibraryStats } from './stats.ts';
export * from './importRuns.ts';
export { inWriteTransaction, nowIso } from './sql.ts';
export type { Db } from './sql.ts';
export { runChange, letterRevision } from './changes/run.ts';
export type { Actor, ChangeOutcome, ChangeRequest, ChangeWork, LetterRef, LetterState } from './changes/run.ts';
export { redoChange, undoChange } from './changes/undo.ts';
export type { UndoOutcome } from './changes/undo.ts';
export { listLetterHistory, redoCandidate, undoCandidate } from './changes/groups.ts';
export type { ChangeGroup } from './changes/groups.ts';
export { countRecords, readRecordBySha256, readRecords } from './exportRecords.ts';
export { addRecordNotes, addRecordTags, createLetterFromRecord, deleteLetterItems, insertRecordItems } from './datasetRows.ts';
export { getConflict, hasOpenConflicts, listConflicts, markConflictResolved, recordConflict } from './conflictRows.ts';
export type { ConflictQuery, NewConflict } from './conflictRows.ts';
