/** What a batch's folder holds, by name: the manifest, the shards folder and each shard's folder. */
export const MANIFEST_DB_FILE = 'manifest.sqlite';
export const SHARDS_FOLDER = 'shards';
export const DEFAULT_SHARD_LETTERS = 10_000;

/** A shard's folder name: its number, so the shards sort in the order they were written. */
export function shardName(id: number): string {
  return String(id).padStart(5, '0');
}
