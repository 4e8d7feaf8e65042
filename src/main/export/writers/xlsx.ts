/**
 * dataset.xlsx, for spreadsheets: sheets of letters, items and citations, with dates as dates,
 * numbers as numbers and every text a string (an inline string, never a formula, so "=2+3"
 * stays text), a frozen header row with filters, and column widths that suit their contents.
 * A text longer than a cell holds (32,767 characters) is cut with a marker and counted.
 *
 * Written with exceljs's streaming writer. Its zip holds one sheet after another, so the letters
 * sheet is written as the letters come and the items and citations rows are spooled to disk
 * until it is done (spool.ts): the export holds a row at a time whatever the dataset's size.
 * The zip stream is written through the export's guarded file, so every write takes the cancel
 * and has a deadline, and rows wait for the disk to take the ones before them.
 */
import { once } from 'node:events';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportedItem, ExportedLetter } from '../../../shared/export.ts';
import type { FileSink } from '../guardedFs.ts';
import { openSink } from '../guardedFs.ts';
import { openSpool } from './spool.ts';
import type { CellValue, CitationRow, Column, ColumnType, ScalarType } from '../columns.ts';
import { CITATION_COLUMNS, citationRows, ITEM_KEY_COLUMNS, itemColumns, letterColumns, PROSE_COLUMNS } from '../columns.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const XLSX_FILE = 'dataset.xlsx';
/** The most characters an Excel cell holds. */
export const CELL_LIMIT = 32_767;
const CUT_MARKER = ' […cut: the full text is in the JSONL export]';

const WIDTHS: Record<ScalarType, number> = { string: 28, integer: 10, boolean: 9, date: 12, timestamp: 20 };
const FORMATS: Partial<Record<ScalarType, string>> = { date: 'yyyy-mm-dd', timestamp: 'yyyy-mm-dd hh:mm:ss' };
/** A list (tags, notes, drugs, ...) is one cell of JSON array text. */
const cellType = (type: ColumnType): ScalarType => (typeof type === 'string' ? type : 'string');

interface ItemRow {
  readonly letter: ExportedLetter;
  readonly item: ExportedItem;
  readonly index: number;
}

/** How much of a sheet's XML may wait for the zip. */
const ZIP_BACKLOG_BYTES = 1 << 20;

/** The zip entry a sheet stream feeds: a readable-stream PassThrough, whose writable state shows what it holds. */
interface ZipEntry extends NodeJS.EventEmitter {
  readonly _writableState: { readonly length: number };
}

/** The parts of exceljs's sheet stream (a StreamBuf) that show how far the zip is behind it. */
interface SheetStream {
  readonly buffers: readonly { readonly length: number }[];
  readonly pipes: readonly ZipEntry[];
}

/**
 * exceljs's sheet stream takes every row at once and hands it to the zip without waiting for it
 * (it ignores backpressure), so rows written faster than deflate takes them pile up in memory:
 * 1.7 GB for a 100,000-letter items sheet. This waits while the zip is behind: while it has not
 * yet reached the sheet and more than ZIP_BACKLOG_BYTES wait for it, or while the zip entry the
 * sheet feeds holds more than that, until it has drained.
 */
export async function zipCaughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const sheetStream = (worksheet as unknown as { stream: SheetStream }).stream;
  const held = () => sheetStream.buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  while (sheetStream.pipes.length === 0 && held() > ZIP_BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 1));
  const entry = sheetStream.pipes[0];
  if (entry && entry._writableState.length > ZIP_BACKLOG_BYTES) await once(entry, 'drain');
}

/** A stream into the sink: chunks that queue up while a write is under way go out together. */
function sinkStream(sink: FileSink): Writable {
  return new Writable({
    writev(chunks, callback) {
      sink.writeBytes(Buffer.concat(chunks.map(({ chunk }) => chunk as Buffer))).then(() => callback(), callback);
    },
  });
}

export async function xlsxWriter(options: WriterOptions, creator: string): Promise<DatasetWriter> {
  const data: DataFile = { name: XLSX_FILE, rows: 0, bytes: 0 };
  const sink = await openSink(options.guard, path.join(options.dir, XLSX_FILE));
  const stream = sinkStream(sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  workbook.creator = creator;
  let cut = 0;
  const cell = (type: ColumnType, value: CellValue): ExcelJS.CellValue => {
    if (value === null) return null;
    if (type === 'date') return new Date(`${String(value)}T00:00:00Z`);
    if (type === 'timestamp') return new Date(String(value));
    if (typeof value !== 'string' && typeof value !== 'object') return value;
    const full = typeof value === 'string' ? value : JSON.stringify(value);
    const text = full.length > CELL_LIMIT ? `${full.slice(0, CELL_LIMIT - CUT_MARKER.length)}${CUT_MARKER}` : full;
    if (text !== full) cut++;
    // An inline rich-text string: a cell type that is text and can never be taken for a formula.
    return { richText: [{ text }] };
  };
  /** Waits while the zip or the disk is behind, so rows never pile up in memory. */
  const caughtUp = async (worksheet: ExcelJS.Worksheet) => {
    await zipCaughtUp(worksheet);
    if (stream.writableNeedDrain) await once(stream, 'drain');
  };
  const sheet = <Row>(name: string, columns: readonly Column<Row>[]) => {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // One style object per column, given to each of its cells: exceljs recognises a style it has
    // seen by identity, and works out a new one per cell otherwise (a third of the export's time).
    const styles: Partial<ExcelJS.Style>[] = columns.map((column) => {
      const numFmt = FORMATS[cellType(column.type)];
      return numFmt === undefined ? {} : { numFmt };
    });
    worksheet.columns = columns.map((column, index) => ({
      key: column.name,
      width: PROSE_COLUMNS.has(column.name) ? 60 : WIDTHS[cellType(column.type)],
      style: styles[index] ?? {},
    }));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = worksheet.addRow(columns.map((column) => ({ richText: [{ text: column.name }] })));
    header.font = { bold: true };
    header.commit();
    return {
      values: (row: Row): CellValue[] => columns.map((column) => column.value(row)),
      write: async (values: readonly CellValue[]) => {
        const row = worksheet.addRow(columns.map((column, index) => cell(column.type, values[index] ?? null)));
        row.eachCell({ includeEmpty: true }, (written, number) => {
          written.style = styles[number - 1] ?? {};
        });
        row.commit();
        await caughtUp(worksheet);
      },
      commit: () => worksheet.commit(),
    };
  };
  // Added in this order, they are zipped in this order: only the first can be written as the letters come.
  const letters = sheet('letters', letterColumns(options.withSpans));
  const items = sheet<ItemRow>('items', [
    ...ITEM_KEY_COLUMNS.map((column) => ({ ...column, value: (row: ItemRow) => column.value(row.letter) })),
    ...itemColumns(options.withSpans),
  ]);
  const citations = sheet<CitationRow>('citations', CITATION_COLUMNS);
  const spooledItems = await openSpool(options.guard, options.dir, 'items');
  const spooledCitations = await openSpool(options.guard, options.dir, 'citations');
  return {
    files: [data],
    cutTexts: () => cut,
    async add(letter) {
      await letters.write(letters.values(letter));
      for (const [index, item] of letter.items.entries()) await spooledItems.add(items.values({ letter, item, index }));
      for (const row of citationRows(letter)) await spooledCitations.add(citations.values(row));
      data.rows += 1;
    },
    async finish() {
      letters.commit();
      await spooledItems.replay(items.write);
      items.commit();
      await spooledCitations.replay(citations.write);
      citations.commit();
      await workbook.commit();
      if (!stream.writableFinished) await once(stream, 'finish');
      await sink.close();
      data.bytes = sink.bytes;
    },
    abandon: async () => {
      stream.destroy();
      await sink.abandon();
      await Promise.all([spooledItems.discard(), spooledCitations.discard()]);
    },
  };
}
