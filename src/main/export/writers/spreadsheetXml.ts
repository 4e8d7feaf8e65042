/**
 * The SpreadsheetML (ECMA-376) parts of dataset.xlsx: a workbook of sheets whose cells are typed
 * values and inline strings, with the styles for dates, date-times and the header row. A row is
 * rendered straight to its XML text, so the export holds no object per cell (exceljs, used
 * before, made one for every cell: four fifths of a 100,000-letter export went to it).
 */
import type { CellValue, ColumnType, ScalarType } from '../columns.ts';
import { epochDays } from '../dates.ts';

/** The most characters an Excel cell holds. */
export const CELL_LIMIT = 32_767;
const CUT_MARKER = ' […cut: the full text is in the JSONL export]';

/** Style indexes in styles.xml's cellXfs. */
const STYLE = { date: 1, timestamp: 2, header: 3 } as const;
/** Days from Excel's day 0 (1899-12-30, in its 1900 date system) to 1970-01-01. */
const EPOCH_SERIAL = 25_569;
const DAY_MS = 86_400_000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A list (tags, notes, drugs, ...) is one cell of JSON array text. */
export const cellType = (type: ColumnType): ScalarType => (typeof type === 'string' ? type : 'string');

/** Characters XML 1.0 cannot hold at all: dropped, as a spreadsheet would refuse the file. */
// oxlint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const MARKUP = /[<>&]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(MARKUP, (character) => ESCAPES[character] ?? character);
}

/** A text kept whole, spaces and line breaks included: an inline string, which is never a formula. */
function inlineString(ref: string, text: string, style?: number): string {
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** Column letters: A..Z, AA..ZZ, ... for the 1-based column number. */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Renders the rows of one sheet, counting the texts cut to fit a cell. */
export class SheetRows {
  readonly #types: readonly ScalarType[];
  readonly #letters: readonly string[];
  cut = 0;

  constructor(types: readonly ColumnType[]) {
    this.#types = types.map(cellType);
    this.#letters = types.map((_, index) => columnLetters(index + 1));
  }

  header(number: number, names: readonly string[]): string {
    return `<row r="${number}">${names.map((name, index) => inlineString(`${this.#letters[index]}${number}`, name, STYLE.header)).join('')}</row>`;
  }

  row(number: number, values: readonly CellValue[]): string {
    let xml = `<row r="${number}">`;
    for (let index = 0; index < values.length; index++) {
      const value = values[index] ?? null;
      if (value === null) continue;
      const ref = `${this.#letters[index]}${number}`;
      const type = this.#types[index] ?? 'string';
      if (type === 'integer') xml += `<c r="${ref}"><v>${Number(value)}</v></c>`;
      else if (type === 'boolean') xml += `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
      else if (type === 'date') xml += `<c r="${ref}" s="${STYLE.date}"><v>${epochDays(String(value)) + EPOCH_SERIAL}</v></c>`;
      else if (type === 'timestamp') xml += `<c r="${ref}" s="${STYLE.timestamp}"><v>${Date.parse(String(value)) / DAY_MS + EPOCH_SERIAL}</v></c>`;
      else xml += inlineString(ref, this.#fitted(typeof value === 'string' ? value : JSON.stringify(value)));
    }
    return `${xml}</row>`;
  }

  #fitted(text: string): string {
    if (text.length <= CELL_LIMIT) return text;
    this.cut++;
    return `${text.slice(0, CELL_LIMIT - CUT_MARKER.length)}${CUT_MARKER}`;
  }
}

/** A sheet's XML before its rows: the frozen header row and the column widths. */
export function sheetHead(widths: readonly number[]): string {
  const cols = widths.map((width, index) => `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`).join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

/** A sheet's XML after its rows: the filters on the header row. */
export function sheetTail(columns: number): string {
  return `</sheetData><autoFilter ref="${filterRange(columns)}"/></worksheet>`;
}

const filterRange = (columns: number) => `A1:${columnLetters(columns)}1`;

export interface SheetPart {
  readonly name: string;
  readonly columns: number;
}

/** The workbook's other parts, by their path in the zip. */
export function workbookParts(sheets: readonly SheetPart[], creator: string, created: Date): Record<string, string> {
  const sheetEntries = sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  // Excel keeps each sheet's filter range as a hidden defined name beside the autoFilter.
  const filters = sheets
    .map((sheet, index) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">'${escapeXml(sheet.name)}'!$A$1:$${columnLetters(sheet.columns)}$1</definedName>`)
    .join('');
  const sheetRels = sheets
    .map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
    .join('');
  const sheetTypes = sheets
    .map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('');
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    '_rels/.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'docProps/core.xml':
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created></cp:coreProperties>`,
    'docProps/app.xml': `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(creator)}</Application></Properties>`,
    'xl/workbook.xml':
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
      `<sheets>${sheetEntries}</sheets><definedNames>${filters}</definedNames></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}` +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  };
}
