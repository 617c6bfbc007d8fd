// The workbook itself: exceljs behind a few helpers, so that the rest of the package reads as
// what it does with sheets. exceljs runs in Node and in browsers (its browser build).
import { displayWidth, type FileProblem } from '@assess/core';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { Decimal } from '@assess/runtime';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Row = ExcelJS.Row;

/** The largest workbook read (bytes): a workbook is untrusted, and a zip can hold much more than its size… */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
/** …so what it holds, unpacked, is bounded too (a small file can unpack to gigabytes: a zip bomb). */
export const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;
/** The most files a workbook's zip may hold (a real one holds a few dozen). */
const MAX_ENTRIES = 10_000;

export function newWorkbook(): Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Assess';
  return book;
}

/** A workbook that cannot be read as asked: what is wrong, for core's diagnostic E0505. */
export class WorkbookError extends Error {
  constructor(readonly problem: Extract<FileProblem, { k: 'badWorkbook' | 'noSheet' }>) {
    super(problem.k === 'noSheet' ? `the workbook has no sheet ${JSON.stringify(problem.sheet)}` : 'not an .xlsx workbook that can be read');
  }
}

/** Bytes that are not a workbook, or too many. */
export const badWorkbook = () => new WorkbookError({ k: 'badWorkbook', limitMB: MAX_WORKBOOK_BYTES / 1024 / 1024, unpackedMB: MAX_UNPACKED_BYTES / 1024 / 1024 });

/** A workbook from its bytes (an .xlsx file). Throws a WorkbookError when they are not one, or are too many. */
export async function loadWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<Workbook> {
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) throw badWorkbook();
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bounded(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).buffer as ArrayBuffer);
  } catch {
    throw badWorkbook();
  }
  return book;
}

/**
 * The workbook's files unpacked here, within bounds, and packed again without compression for
 * exceljs: each file is inflated into a buffer of the size its zip entry declares (never more:
 * a file that lies about its size is cut short and fails to parse), the declared sizes together
 * at most MAX_UNPACKED_BYTES (entries that share their data count each time), so exceljs reads
 * exactly these bytes and nothing a zip bomb would unpack.
 */
function bounded(bytes: Uint8Array): Uint8Array {
  let total = 0;
  let entries = 0;
  const files = unzipSync(bytes, {
    filter: (f) => {
      total += f.originalSize;
      if (++entries > MAX_ENTRIES || total > MAX_UNPACKED_BYTES) throw badWorkbook();
      return true;
    },
  });
  return zipSync(files, { level: 0 });
}

/**
 * A workbook whose rows are written to `stream` as they are committed, and let go of (exceljs's
 * streamed writer: Node only), its strings kept in their cells (a table of shared strings would
 * hold every one until the end); `commit` it when every sheet is written.
 */
export function streamedWorkbook(stream: ExcelJS.stream.xlsx.WorkbookStreamWriterOptions['stream']): ExcelJS.stream.xlsx.WorkbookWriter {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Assess';
  return book;
}

/** The bytes of an .xlsx file. */
export async function workbookBytes(book: Workbook): Promise<Uint8Array> {
  const out = await book.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** `A`, `B`, … `Z`, `AA` for column 1, 2, … 26, 27. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell's reference as a drafter reads it: `数据!D7` (quoted when the sheet's name needs it). */
export function cellRef(sheet: string, column: number, row: number): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

/** The height of a line of text, in points: a row of wrapped text is sized by us (spreadsheet programs do not). */
export const LINE_HEIGHT = 15;

/** How many lines a text wraps to in a column `width` characters wide (a Han character is two wide). */
export function wrappedLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / (width - 2)));
}

/** Printed as a table is read: landscape, as wide as the paper, the header repeated on every page. */
export function printable(sheet: Worksheet, headerRows: number) {
  sheet.pageSetup = { ...sheet.pageSetup, ...printSetup(headerRows) };
}

/** How `printable` prints a sheet (given when a sheet is added: a streamed sheet writes part of it before its first row). */
export const printSetup = (headerRows: number): Partial<Worksheet['pageSetup']> => ({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${headerRows}` });

/** A sheet name Excel accepts (at most 31 characters, none of : \ / ? * [ ]) and the book does not have yet. */
export function freeSheetName(book: Workbook, wanted: string): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'sheet';
  const taken = new Set(book.worksheets.map((w) => w.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
  return name;
}

/**
 * A cell's value as a data file would give it: numbers, text, yes/no; a date as
 * `2024-03-01`; a formula as its result; rich text and links as their text; a number shown
 * as a percentage (`85%`) as that text, so that 0.85 is read as 85%. Blank is undefined.
 */
export function cellValue(cell: ExcelJS.Cell): unknown {
  // A formula's result from the cell itself: its `value` keeps only a result that is truthy (a
  // computed 0 or FALSE read as blank).
  if (cell.type === ExcelJS.ValueType.Formula) return plain(cell.result as ExcelJS.CellValue, cell.numFmt);
  return plain(cell.value, cell.numFmt);
}

function plain(v: ExcelJS.CellValue, numFmt: string | undefined): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') {
    const d = numFmt?.includes('%') ? Decimal.fromNumber(v) : undefined;
    return d ? `${d.mul(Decimal.HUNDRED).toString()}%` : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue, numFmt);
  if ('error' in v) return v.error;
  return undefined;
}
