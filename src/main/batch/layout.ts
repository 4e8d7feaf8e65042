/** What a batch's folder holds, by name: the manifest, the shards folder and each shard's folder. */
export const MANIFEST_DB_FILE = 'manifest.sqlite';
export const SHARDS_FOLDER = 'shards';
/** A shard folder or card being written: a name of its own until it is whole. */
export const PARTIAL_SUFFIX = '.partial';
/** A shard is also what a kill can lose (about half a minute of work on two cores), and what the Parquet encoder holds open. */
export const DEFAULT_SHARD_LETTERS = 1_000;

/** A shard's folder name: its number, so the shards sort in the order they were written. */
export function shardName(id: number): string {
  return String(id).padStart(5, '0');
}
