/** Letters in bulk, from a stream of paths: the pooled extraction behind `extract`, and the resumable batch to Parquet. */
export { extractInOrder } from './extractPool.ts';
export type { ExtractPoolOptions, PooledOutcome } from './extractPool.ts';
export { pathLines } from './pathLines.ts';
export type { PathSeparator } from './pathLines.ts';
export { DEFAULT_SHARD_LETTERS, MANIFEST_DB_FILE, SHARDS_FOLDER, shardName } from './layout.ts';
export { runBatch } from './runBatch.ts';
export type { BatchOptions, BatchProgress, BatchSummary } from './runBatch.ts';
