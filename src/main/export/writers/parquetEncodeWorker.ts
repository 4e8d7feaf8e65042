/**
 * Encodes the Parquet export's tables on a thread of its own (see parquetEncoder.ts): rows come
 * in batches, are gathered into row groups here, and each group's file bytes go back in the
 * order they were asked for. It touches no file: the export's own thread writes the bytes
 * through its guarded sink.
 */
import { parentPort } from 'node:worker_threads';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { EncodedColumn, EncodeReply, EncodeRequest, ParquetCell } from './parquetEncoder.ts';

const port = parentPort;
if (!port) throw new Error('parquetEncodeWorker runs as a worker thread');

/** Rows per row group at most: readers skip whole groups by their statistics. */
const ROW_GROUP_ROWS = 5_000;
/** Text per row group at most, so a group of long rationales is held in memory at a few megabytes, not hundreds (three tables' groups are held at once). */
const ROW_GROUP_CHARS = 2_000_000;

/** hyparquet-writer's byte buffer, emptied after every step: what it holds is sent on and its space reused. */
class TakenWriter extends ByteWriter {
  take(): Uint8Array<ArrayBuffer> {
    // A copy: the buffer is written into again by the next step, and the copy is moved, not cloned.
    const bytes = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return bytes;
  }
}

interface Table {
  readonly writer: ParquetWriter;
  readonly bytes: TakenWriter;
  readonly encoded: readonly EncodedColumn[];
  columns: ParquetCell[][];
  rows: number;
  chars: number;
}

const tables = new Map<number, Table>();

/** About how much text a cell holds (lists and records counted by their strings). */
function textLength(cell: ParquetCell): number {
  if (typeof cell === 'string') return cell.length;
  if (!Array.isArray(cell)) return 0;
  let length = 0;
  for (const element of cell) {
    if (typeof element === 'string') length += element.length;
    else if (element !== null && typeof element === 'object') for (const member of Object.values(element)) if (typeof member === 'string') length += member.length;
  }
  return length;
}

function writeGroup(table: Table): void {
  if (table.rows === 0) return;
  const columnData = table.encoded.map(({ name, statistics }, index) => ({ name, statistics, data: table.columns[index] ?? [] }));
  const rows = table.rows;
  table.columns = table.encoded.map(() => []);
  table.rows = 0;
  table.chars = 0;
  // One row group per call: the writer encodes it at once (its flush is not asynchronous).
  void table.writer.write({ columnData, rowGroupSize: rows });
}

function encode(request: EncodeRequest): Uint8Array<ArrayBuffer> {
  if (request.type === 'open') {
    const bytes = new TakenWriter();
    const writer = new ParquetWriter({ writer: bytes, schema: request.schema, createdBy: request.createdBy });
    tables.set(request.table, { writer, bytes, encoded: request.columns, columns: request.columns.map(() => []), rows: 0, chars: 0 });
    return bytes.take();
  }
  const table = tables.get(request.table);
  if (!table) throw new Error(`Parquet table ${request.table} was never opened`);
  if (request.type === 'rows') {
    for (let row = 0; row < request.rows; row++) {
      for (const [index, column] of table.columns.entries()) {
        const cell = request.columns[index]?.[row] ?? null;
        table.chars += textLength(cell);
        column.push(cell);
      }
      table.rows++;
      if (table.rows >= ROW_GROUP_ROWS || table.chars >= ROW_GROUP_CHARS) writeGroup(table);
    }
  } else {
    writeGroup(table);
    void table.writer.finish();
    tables.delete(request.table);
  }
  return table.bytes.take();
}

port.on('message', (request: EncodeRequest) => {
  try {
    const bytes = encode(request);
    port.postMessage({ id: request.id, bytes } satisfies EncodeReply, [bytes.buffer]);
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies EncodeReply);
  }
});
