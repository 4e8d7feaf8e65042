/**
 * dataset.xlsx, for spreadsheets: sheets of letters, items and citations, with dates as dates,
 * numbers as numbers and every text a string (an inline string, never a formula, so "=2+3"
 * stays text), a frozen header row with filters, and column widths that suit their contents.
 * A text longer than a cell holds (32,767 characters) is cut with a marker and counted.
 *
 * Written with exceljs's streaming writer: rows are committed to the file as they come, so the
 * export holds one row at a time whatever the dataset's size. Its zip stream is written through
 * the export's guarded file, so every write takes the cancel and has a deadline.
 */
import { once } from 'node:events';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportedItem, ExportedLetter } from '../../../shared/export.ts';
import type { FileSink } from '../guardedFs.ts';
import { openSink } from '../guardedFs.ts';
import type { CellValue, CitationRow, Column, ColumnType, ScalarType } from '../columns.ts';
import { CITATION_COLUMNS, citationRows, ITEM_KEY_COLUMNS, itemColumns, letterColumns } from '../columns.ts';
import type { DataFile, DatasetWriter, WriterOptions } from './writer.ts';

export const XLSX_FILE = 'dataset.xlsx';
/** The most characters an Excel cell holds. */
export const CELL_LIMIT = 32_767;
const CUT_MARKER = ' […cut: the full text is in the JSONL export]';

const WIDTHS: Record<ScalarType, number> = { string: 28, integer: 10, boolean: 9, date: 12, timestamp: 20 };
/** Columns of long prose get more room. */
const WIDE_COLUMNS = new Set(['service', 'claimsAdministratorGuideline', 'maximusGuideline', 'rationale', 'text', 'notes']);
const FORMATS: Partial<Record<ScalarType, string>> = { date: 'yyyy-mm-dd', timestamp: 'yyyy-mm-dd hh:mm:ss' };
/** A list (tags, notes, drugs, ...) is one cell of JSON array text. */
const cellType = (type: ColumnType): ScalarType => (typeof type === 'string' ? type : 'string');

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
  const sheet = <Row>(name: string, columns: readonly Column<Row>[]) => {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = columns.map((column) => ({
      key: column.name,
      width: WIDE_COLUMNS.has(column.name) ? 60 : WIDTHS[cellType(column.type)],
      ...(FORMATS[cellType(column.type)] ? { style: { numFmt: FORMATS[cellType(column.type)] as string } } : {}),
    }));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = worksheet.addRow(columns.map((column) => ({ richText: [{ text: column.name }] })));
    header.font = { bold: true };
    header.commit();
    return (row: Row) => worksheet.addRow(columns.map((column) => cell(column.type, column.value(row)))).commit();
  };
  const addLetter = sheet('letters', letterColumns(options.withSpans));
  const addItem = sheet<ItemRow>('items', [
    ...ITEM_KEY_COLUMNS.map((column) => ({ ...column, value: (row: ItemRow) => column.value(row.letter) })),
    ...itemColumns(options.withSpans),
  ]);
  const addCitation = sheet<CitationRow>('citations', CITATION_COLUMNS);
  return {
    files: [data],
    cutTexts: () => cut,
    async add(letter) {
      addLetter(letter);
      letter.items.forEach((item, index) => addItem({ letter, item, index }));
      for (const row of citationRows(letter)) addCitation(row);
      data.rows += 1;
    },
    async finish() {
      await workbook.commit();
      if (!stream.writableFinished) await once(stream, 'finish');
      await sink.close();
      data.bytes = sink.bytes;
    },
    abandon: async () => {
      stream.destroy();
      await sink.abandon();
    },
  };
}
