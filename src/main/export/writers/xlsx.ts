/**
 * dataset.xlsx, for spreadsheets: sheets of letters, items and citations, with dates as dates,
 * numbers as numbers and every text a string (an inline string, never a formula, so "=2+3"
 * stays text), a frozen header row with filters, and column widths that suit their contents.
 * A text longer than a cell holds (32,767 characters) is cut with a marker and counted.
 *
 * The sheets' XML is rendered row by row (spreadsheetXml.ts) into a zip written by yazl, whose
 * deflate runs off this thread. The zip holds one part after another, so the items sheet (the
 * largest) goes in as the letters come and the letters and citations sheets are spooled to disk
 * until it is done (spool.ts): the export holds a row at a time whatever the dataset's size. Rows wait while
 * the zip or the disk is behind, and the zip is written through the export's guarded file, so
 * every write takes the cancel and has a deadline.
 */
import { once } from 'node:events';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import yazl from 'yazl';
import type { ExportedItem, ExportedLetter } from '../../../shared/export.ts';
import type { FileSink } from '../guardedFs.ts';
import { openSink } from '../guardedFs.ts';
import type { CellValue, Column, ScalarType } from '../columns.ts';
import { CITATION_COLUMNS, citationRows, ITEM_KEY_COLUMNS, itemColumns, letterColumns, PROSE_COLUMNS } from '../columns.ts';
import { cellType, SheetRows, sheetHead, sheetTail, workbookParts } from './spreadsheetXml.ts';
import type { TextSpool } from './spool.ts';
import { openSpool } from './spool.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export { CELL_LIMIT } from './spreadsheetXml.ts';
export const XLSX_FILE = 'dataset.xlsx';

const WIDTHS: Record<ScalarType, number> = { string: 28, integer: 10, boolean: 9, date: 12, timestamp: 20 };
const PROSE_WIDTH = 60;
/**
 * Deflate's fastest level: sheet XML is mostly markup and prose, and the zip comes out about a
 * tenth larger than at the default level in a fraction of the time.
 */
const COMPRESSION_LEVEL = 1;
/** How much of the items sheet's XML may wait for the zip. */
const SHEET_BACKLOG_BYTES = 1 << 20;
/** The items sheet's XML is handed to the zip in pieces of about this many characters. */
const ZIP_WRITE_CHARS = 1 << 18;

interface ItemRow {
  readonly letter: ExportedLetter;
  readonly item: ExportedItem;
  readonly index: number;
}

/** A stream into the sink: chunks that queue up while a write is under way go out together. */
function sinkStream(sink: FileSink): Writable {
  return new Writable({
    writev(chunks, callback) {
      sink.writeBytes(Buffer.concat(chunks.map(({ chunk }) => chunk as Buffer))).then(() => callback(), callback);
    },
  });
}

/** One sheet: its columns, the renderer of its rows, and where its XML goes. */
interface Sheet<Row> {
  readonly name: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: SheetRows;
  written: number;
}

function sheet<Row>(name: string, columns: readonly Column<Row>[]): Sheet<Row> {
  return { name, columns, rows: new SheetRows(columns.map((column) => column.type)), written: 0 };
}

/** The sheet's XML up to its first row of data: the head and the row of column names. */
function sheetStart<Row>(sheet: Sheet<Row>): string {
  const widths = sheet.columns.map((column) => (PROSE_COLUMNS.has(column.name) ? PROSE_WIDTH : WIDTHS[cellType(column.type)]));
  return sheetHead(widths) + sheet.rows.header(1, sheet.columns.map((column) => column.name));
}

/** The most rows a sheet holds, its header included: Excel's limit. */
export const SHEET_ROW_LIMIT = 1_048_576;

/** A sheet would hold more rows than a spreadsheet can. */
export class SheetTooLongError extends Error {
  override readonly name = 'SheetTooLongError';
}

/** The sheet's next row, numbered after its header. */
function nextRow<Row>(sheet: Sheet<Row>, row: Row): string {
  if (sheet.written + 1 >= SHEET_ROW_LIMIT) {
    throw new SheetTooLongError(
      `the ${sheet.name} sheet would have more than ${(SHEET_ROW_LIMIT - 1).toLocaleString('en-US')} rows, more than a spreadsheet holds: export CSV or Parquet, or fewer letters (a tag, decision or format filter)`,
    );
  }
  sheet.written++;
  const values: CellValue[] = sheet.columns.map((column) => column.value(row));
  return sheet.rows.row(sheet.written + 1, values);
}

export async function xlsxWriter(options: WriterOptions, creator: string): Promise<DatasetWriter> {
  const data: DataFile = { name: XLSX_FILE, rows: 0, bytes: 0 };
  const letters = sheet('letters', letterColumns(options.withSpans));
  const items = sheet<ItemRow>('items', [
    ...ITEM_KEY_COLUMNS.map((column) => ({ ...column, value: (row: ItemRow) => column.value(row.letter) })),
    ...itemColumns(options.withSpans),
  ]);
  const citations = sheet('citations', CITATION_COLUMNS);
  const sheets = [letters, items, citations] as const;

  const sink = await openSink(options.guard, path.join(options.dir, XLSX_FILE));
  const spools: TextSpool[] = [];
  const zip = new yazl.ZipFile();
  const file = sinkStream(sink);
  const itemsXml = new PassThrough({ highWaterMark: SHEET_BACKLOG_BYTES });
  const abandon = async () => {
    itemsXml.destroy();
    zip.outputStream.unpipe(file);
    file.destroy();
    await sink.abandon();
    await Promise.all(spools.map((spool) => spool.discard()));
  };
  try {
    spools.push(await openSpool(options.guard, options.dir, 'letters'), await openSpool(options.guard, options.dir, 'citations'));
  } catch (error) {
    await abandon();
    throw error;
  }
  const [lettersXml, citationsXml] = spools as [TextSpool, TextSpool];
  /** Rejects once the zip, the file or a spool being read fails, so nothing waits on a drain or an end that will not come. */
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  zip.on('error', fail);
  zip.outputStream.on('error', fail);
  file.on('error', fail);
  /** A spooled sheet for the zip: yazl pipes it, and a pipe does not pass its errors on. */
  const spooled = (spool: TextSpool) => {
    const stream = spool.read();
    stream.on('error', fail);
    return stream;
  };
  zip.outputStream.pipe(file);

  const created = new Date();
  const entry = { mtime: created, compressionLevel: COMPRESSION_LEVEL };
  const parts = workbookParts(
    sheets.map((each) => ({ name: each.name, columns: each.columns.length })),
    creator,
    created,
  );
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text, 'utf8'), name, entry);
  // The items sheet, the largest, is deflated as it comes; the others wait on disk for it.
  zip.addReadStream(itemsXml, 'xl/worksheets/sheet2.xml', entry);
  zip.addReadStreamLazy('xl/worksheets/sheet1.xml', entry, (callback) => callback(null, spooled(lettersXml)));
  zip.addReadStreamLazy('xl/worksheets/sheet3.xml', entry, (callback) => callback(null, spooled(citationsXml)));
  zip.end();

  /**
   * Rows go to the zip a few hundred kilobytes at a time (deflate takes each write as a task of
   * its own off this thread: row by row, most of the export was spent waiting on them), and
   * wait while the zip is behind, so the XML never piles up in memory.
   */
  let pendingItems = '';
  const flushItems = async () => {
    const xml = pendingItems;
    pendingItems = '';
    if (!itemsXml.write(xml)) await Promise.race([once(itemsXml, 'drain'), failed]);
  };
  const toItems = async (xml: string) => {
    pendingItems += xml;
    if (pendingItems.length >= ZIP_WRITE_CHARS) await flushItems();
  };
  await lettersXml.write(sheetStart(letters));
  await toItems(sheetStart(items));
  await citationsXml.write(sheetStart(citations));
  return {
    files: [data],
    cutTexts: () => sheets.reduce((sum, each) => sum + each.rows.cut, 0),
    async add(letter) {
      await lettersXml.write(nextRow(letters, letter));
      for (const [index, item] of letter.items.entries()) await toItems(nextRow(items, { letter, item, index }));
      for (const row of citationRows(letter)) await citationsXml.write(nextRow(citations, row));
      data.rows += 1;
    },
    async finish() {
      // The spooled sheets are whole before the items sheet ends: the zip reads them right after it.
      await lettersXml.write(sheetTail(letters.columns.length));
      await lettersXml.close();
      await citationsXml.write(sheetTail(citations.columns.length));
      await citationsXml.close();
      await toItems(sheetTail(items.columns.length));
      await flushItems();
      itemsXml.end();
      await Promise.race([once(file, 'finish'), failed]);
      await sink.close();
      data.bytes = sink.bytes;
    },
    abandon,
  };
}
