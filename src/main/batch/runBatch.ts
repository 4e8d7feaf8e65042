/**
 * A resumable batch extraction to Parquet: letters from a stream of paths into shards of at
 * most `shardLetters` letters (letters, items and citations tables, the export's columns), a
 * manifest of every file (manifest.sqlite) and the export's dataset card over every shard,
 * written as the run ends. A shard is written under a `.partial` name, renamed into place, and only then
 * are it and its files entered in the manifest, in one transaction: a kill at any moment leaves
 * whole shards that the manifest names, and the next run removes whatever it does not name,
 * skips every file the manifest holds for the same bytes and parser version, and reads the rest.
 * Memory holds one shard's open row groups and the files in flight, whatever the batch's size.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedLetter } from '../../shared/export.ts';
import packageJson from '../../../package.json' with { type: 'json' };
import { DEFAULT_STEP_TIMEOUT_MS, syncFolder } from '../export/guardedFs.ts';
import { parquetWriter } from '../export/writers/parquet.ts';
import type { DatasetWriter } from '../export/writers/writer.ts';
import { PARSER_VERSION } from '../letters/parsing/index.ts';
import type { ManifestCounts, ManifestFile } from '../storage/index.ts';
import { commitShard, committedShardIds, manifestCounts, manifestHasLetter, manifestHolds, openManifest } from '../storage/index.ts';
import { batchLetter } from './batchLetter.ts';
import type { BatchTally } from './batchTally.ts';
import { countBatchLetter, newBatchTally, tallyJson } from './batchTally.ts';
import { extractInOrder } from './extractPool.ts';
import { DEFAULT_SHARD_LETTERS, MANIFEST_DB_FILE, PARTIAL_SUFFIX, SHARDS_FOLDER, shardName } from './layout.ts';

/** Failures and duplicates entered in the manifest at a time, between shards. */
const OTHER_FILES_PER_COMMIT = 1_000;
/** A shard's three files gather this much before each write: beside two pdf.js workers, the export's 4 MB per buffer would be 24 MB held. */
const SINK_BUFFER_BYTES = 256 * 1024;

export interface BatchOptions {
  readonly outDir: string;
  readonly shardLetters?: number;
  readonly threads?: number;
  /** Stops taking paths: the files in flight finish and the shard is committed. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BatchProgress) => void;
}

export interface BatchProgress {
  /** Paths taken this run. */
  readonly done: number;
  /** Of them, files the manifest already held: not read again. */
  readonly held: number;
  readonly letters: number;
  readonly duplicates: number;
  readonly failed: number;
}

export interface BatchSummary extends BatchProgress {
  /** Shards written this run. */
  readonly shards: number;
  /** The whole manifest, earlier runs included. */
  readonly manifest: ManifestCounts;
  readonly cancelled: boolean;
}

interface OpenShard {
  readonly id: number;
  readonly dir: string;
  readonly writer: DatasetWriter;
  readonly tally: BatchTally;
  readonly files: ManifestFile[];
  readonly letters: Set<string>;
}

export async function runBatch(paths: AsyncIterable<string> | Iterable<string>, options: BatchOptions): Promise<BatchSummary> {
  const shardLetters = options.shardLetters ?? DEFAULT_SHARD_LETTERS;
  const shardsDir = path.join(options.outDir, SHARDS_FOLDER);
  await mkdir(shardsDir, { recursive: true });
  const db = openManifest(path.join(options.outDir, MANIFEST_DB_FILE));
  const counts = { done: 0, held: 0, letters: 0, duplicates: 0, failed: 0, shards: 0 };
  /** The shard being written; in an object, as the steps below change it. */
  const open: { shard: OpenShard | null } = { shard: null };
  try {
    const committed = committedShardIds(db);
    await removeUncommitted(shardsDir, new Set(committed.map(shardName)));
    let nextId = (committed.at(-1) ?? 0) + 1;
    const others: ManifestFile[] = [];
    const guard = { timeoutMs: DEFAULT_STEP_TIMEOUT_MS };

    const openShard = async (): Promise<OpenShard> => {
      const id = nextId++;
      const dir = path.join(shardsDir, `${shardName(id)}${PARTIAL_SUFFIX}`);
      await mkdir(dir);
      const writer = await parquetWriter({ dir, withSpans: false, bom: false, guard, sinkBufferBytes: SINK_BUFFER_BYTES }, `IMR Review Workstation ${packageJson.version}`);
      return { id, dir, writer, tally: newBatchTally(), files: [], letters: new Set() };
    };
    const closeShard = async (full: OpenShard) => {
      await full.writer.finish();
      await rename(full.dir, path.join(shardsDir, shardName(full.id)));
      // The files are on disk (their sink syncs them as it closes); the new name too, before the manifest names it.
      await syncFolder(guard, shardsDir);
      const [letters, items, citations] = full.writer.files.map((file) => file.rows);
      const bytes = full.writer.files.reduce((sum, file) => sum + file.bytes, 0);
      commitShard(db, { id: full.id, letters: letters ?? 0, items: items ?? 0, citations: citations ?? 0, bytes, tally: tallyJson(full.tally) }, [...others, ...full.files]);
      others.length = 0;
      counts.shards++;
    };
    const addLetter = async (letter: ExportedLetter, file: ManifestFile) => {
      const shard = (open.shard ??= await openShard());
      await shard.writer.add(letter);
      countBatchLetter(shard.tally, letter);
      shard.files.push({ ...file, shard: shard.id });
      shard.letters.add(letter.sha256);
      if (shard.letters.size >= shardLetters) {
        open.shard = null;
        await closeShard(shard);
      }
    };
    const addOther = (file: ManifestFile) => {
      others.push(file);
      if (others.length >= OTHER_FILES_PER_COMMIT) {
        commitShard(db, null, others);
        others.length = 0;
      }
    };

    const held = (filePath: string, file: { readonly sha256: string }) => manifestHolds(db, filePath, file.sha256, PARSER_VERSION);
    for await (const result of extractInOrder(paths, { held, ...(options.threads === undefined ? {} : { threads: options.threads }), ...(options.signal ? { signal: options.signal } : {}) })) {
      counts.done++;
      if (result.kind === 'held') counts.held++;
      else if (!result.outcome.ok) {
        counts.failed++;
        const { code, message } = result.outcome;
        addOther({ path: result.path, size: result.size, sha256: result.sha256 ?? '', parserVersion: PARSER_VERSION, shard: null, outcome: code, message });
      } else {
        const { record, source } = result.outcome;
        const file: ManifestFile = { path: result.path, size: source.size, sha256: record.sha256, parserVersion: record.parserVersion, shard: null, outcome: 'ok', message: null };
        if ((open.shard?.letters.has(record.sha256) ?? false) || manifestHasLetter(db, record.sha256, record.parserVersion)) {
          counts.duplicates++;
          addOther({ ...file, outcome: 'duplicate' });
        } else {
          counts.letters++;
          await addLetter(batchLetter(record, source, path.basename(record.file)), file);
        }
      }
      if (counts.done % 100 === 0) options.onProgress?.({ ...counts });
    }
    const last = open.shard;
    open.shard = null;
    if (last !== null) await closeShard(last);
    else if (others.length > 0) commitShard(db, null, others);
    // The card's modules load now, with the pool gone: beside the workers they would raise the run's peak memory.
    const { writeBatchCard } = await import('./batchCard.ts');
    await writeBatchCard(db, options.outDir);
    options.onProgress?.({ ...counts });
    return { ...counts, manifest: manifestCounts(db), cancelled: options.signal?.aborted ?? false };
  } catch (error) {
    const abandoned = open.shard;
    if (abandoned !== null) {
      await abandoned.writer.abandon().catch(() => undefined);
      await rm(abandoned.dir, { recursive: true, force: true }).catch(() => undefined);
    }
    throw error;
  } finally {
    db.close();
  }
}

/** Shards the manifest does not name: a run's partial shard, or one renamed into place just before a kill. */
async function removeUncommitted(shardsDir: string, committed: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(shardsDir)) {
    if (!committed.has(name)) await rm(path.join(shardsDir, name), { recursive: true, force: true });
  }
}
