/**
 * The review services: every change a person makes to a letter, each bound to the letter and
 * revision it was made on and recorded for undo (see storage/changes). No transport here.
 */
export { editItemField, editLetterField, setDecision } from './fieldEdits.ts';
export type { FieldInput } from './fieldEdits.ts';
export { addItem, deleteItem, reorderItems } from './itemStructure.ts';
export type { NewItem } from './itemStructure.ts';
export { mergeItems, splitItem } from './splitMerge.ts';
export { answerEveryWarning, flagLetter, reopenLetter, setItemStatus, verifyLetter } from './letterStatus.ts';
export { confirmAndVerify } from './finishing.ts';
export { addNote, deleteNote, setItemTag, setLetterTag } from './tagging.ts';
export { createTagChange, deleteTagChange, mergeTagsChange, updateTagChange } from './tagList.ts';
export { redo, undo, undoState } from './undo.ts';
export { setStructureValue } from './structure.ts';
export { applyPlan, checkedDate, planFieldValue } from './fieldPlan.ts';
export type { FieldPlan, NewFieldValue, PlanContext } from './fieldPlan.ts';
export { isInsideText } from './provenance.ts';
export { change, checkSettings, refreshDerived, setCheckSettings, withVocabulary } from './derived.ts';
export { bringDerivedUpToDate, deriveFromCopy, derivedBacklog, freshenStaleRecords, letterAsReviewed, refreshDerivedSlice, staleAfterId } from './derivedRefresh.ts';
export type { DerivedBacklog } from './derivedRefresh.ts';
export { applyBulk } from './bulk.ts';
export type { BulkLetterTargets } from './bulk.ts';
