/** The orders the queue can be read in. Kept apart from the filter's zod schema, so the preload's bundle holds no zod. */
export const QUEUE_SORTS = ['import', 'caseNumber', 'attention'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
