/**
 * A thread that encodes the Parquet export's tables (parquetEncodeWorker.ts) while the export's
 * own thread reads the next letters: reading and encoding each take about half of a Parquet
 * export, so on two cores it takes about half as long. The export's thread sends rows in small
 * batches, which it drops at once (it holds no row group, so its collections stay cheap); the
 * encoder gathers them into row groups. Requests are answered in order, the rows copied to the
 * thread and the bytes moved back.
 */
import { Worker } from 'node:worker_threads';
import type { SchemaElement } from 'hyparquet';

export type ParquetScalar = string | number | boolean | null;
export type ParquetCell = ParquetScalar | ParquetScalar[] | Record<string, ParquetScalar>[];

/** A top-level column of a table, and whether its row groups carry minimum and maximum statistics. */
export interface EncodedColumn {
  readonly name: string;
  readonly statistics: boolean;
}

export type EncodeRequest = { readonly id: number; readonly table: number } & (
  | { readonly type: 'open'; readonly schema: SchemaElement[]; readonly columns: readonly EncodedColumn[]; readonly createdBy: string }
  /** Rows as columns: `columns[c][r]` is row r's value of column c. */
  | { readonly type: 'rows'; readonly columns: ParquetCell[][]; readonly rows: number }
  | { readonly type: 'finish' }
);

export type EncodeReply = { readonly id: number; readonly bytes: Uint8Array } | { readonly id: number; readonly error: string };

type Request = EncodeRequest extends infer R ? (R extends unknown ? Omit<R, 'id' | 'table'> : never) : never;

/**
 * The encoder holds a row group of each table (at most 2 million characters of text each): a
 * small old generation makes it collect early, so the export's two threads together stay
 * under 300 MB at 100,000 letters.
 */
const ENCODER_HEAP_LIMITS = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 32 };

/** Bundled builds run the compiled worker beside the bundle; sources run the .ts file. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './parquetEncodeWorker.ts' : './parquetEncodeWorker.js', import.meta.url);

export class ParquetEncoder {
  readonly #worker = new Worker(WORKER_URL, { resourceLimits: ENCODER_HEAP_LIMITS });
  readonly #waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #nextTable = 0;
  #failure: Error | null = null;

  constructor() {
    this.#worker.on('message', (reply: EncodeReply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(`Parquet encoding failed: ${reply.error}`));
      else waiting?.resolve(reply.bytes);
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`the Parquet encoder stopped (exit code ${code})`)));
  }

  /** A new table of these columns: the bytes that start its file. */
  open(schema: SchemaElement[], columns: readonly EncodedColumn[], createdBy: string): { readonly table: number; readonly header: Promise<Uint8Array> } {
    const table = this.#nextTable++;
    return { table, header: this.#request(table, { type: 'open', schema, columns, createdBy }) };
  }

  /** Adds rows to `table`: the bytes of the row groups they completed, often none. */
  rows(table: number, columns: ParquetCell[][], rows: number): Promise<Uint8Array> {
    return this.#request(table, { type: 'rows', columns, rows });
  }

  /** The bytes that end the table's file: its last row group, indexes and footer. */
  finish(table: number): Promise<Uint8Array> {
    return this.#request(table, { type: 'finish' });
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('the Parquet encoder was closed');
    await this.#worker.terminate();
  }

  #request(table: number, request: Request): Promise<Uint8Array> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    const reply = new Promise<Uint8Array>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    this.#worker.postMessage({ ...request, id, table });
    return reply;
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(this.#failure);
    this.#waiting.clear();
  }
}
