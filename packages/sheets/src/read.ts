// Reading the units' data from a workbook: the data sheet gives one unit per row, a list
// field's entries come from the list's own sheet (one entry per row, keyed by the unit's id),
// or from a cell holding JSON as in a CSV file. Headers are read by core's header mapping
// (field names or labels, any order). Every row and entry remembers its cell, so that each
// problem is reported at `数据!D7`.
import { dataFileDiagnostic, fieldHeader, Headers, recordOf, unitHeaders, validateUnits, type Column, type Diagnostic, type Plan, type UnitTable } from '@assess/core';
import { csvValue } from '@assess/runtime';
import { badWorkbook, cellRef, cellValue, loadWorkbook, WorkbookError, type Row, type Workbook, type Worksheet } from './book.js';
import { WORDS } from './words.js';

type Field = Plan.Field;

/** Rows read from a workbook, with where each value is. */
export interface WorkbookRows {
  /** One record per unit (keys: `id`, `unit`, field names), as a JSON file would give them. */
  rows: Record<string, unknown>[];
  /** The sheet the units were read from. */
  sheet: string;
  /** The list fields whose entries were read from a sheet of their own: field → sheet. */
  listSheets: Map<string, string>;
  /** The cell of unit `row`'s value of `field` (a path such as `荣誉[2].级别` for a list entry), as `数据!D7`. */
  cell: (row: number, field: string) => string | undefined;
  /** Problems with the workbook's shape (a list entry for a unit the data sheet lacks, …). */
  diagnostics: Diagnostic[];
}

export interface ReadOptions {
  /** The data sheet's name. Default: a sheet named `数据` or `data`, else the first sheet. */
  sheet?: string;
  /** The workbook's file name, for diagnostics (default `data.xlsx`). */
  file?: string;
}

/** The names of a workbook's sheets, in order. */
export async function workbookSheets(bytes: ArrayBuffer | Uint8Array): Promise<string[]> {
  return (await loadWorkbook(bytes)).worksheets.map((w) => w.name);
}

/** The units' rows of a workbook (not validated: see `readWorkbookUnits`). Throws a WorkbookError when the bytes are not a workbook or the sheet does not exist. */
export async function readWorkbook(plan: Plan.Plan, bytes: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<WorkbookRows> {
  return rowsOfBook(plan, await loadWorkbook(bytes), options);
}

/**
 * Read and validate in one call: the unit table, and every problem (the workbook's and each
 * bad value's) as diagnostics placed at their cells (`data.xlsx 数据!D7`). Never throws for a
 * bad workbook: that is a diagnostic too (E0505), and `read` is then undefined.
 */
export async function readWorkbookUnits(plan: Plan.Plan, bytes: ArrayBuffer | Uint8Array, options: ReadOptions = {}): Promise<{ table: UnitTable; diagnostics: Diagnostic[]; read?: WorkbookRows }> {
  const file = options.file ?? 'data.xlsx';
  let read: WorkbookRows;
  try {
    read = await readWorkbook(plan, bytes, options);
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return { ...validateUnits(plan, [], { file }), diagnostics: [workbookDiagnostic(e, file)] };
  }
  const { table, diagnostics } = validateUnits(plan, read.rows, { file, cell: read.cell });
  return { table, diagnostics: [...read.diagnostics, ...diagnostics], read };
}

/** A WorkbookError as the diagnostic E0505, at the file. */
export function workbookDiagnostic(e: WorkbookError, file: string): Diagnostic {
  return dataFileDiagnostic(e.problem, { start: 0, end: 0, file });
}

/** The data sheet: the one asked for, else `数据` or `data`, else the first. */
function dataSheet(book: Workbook, wanted: string | undefined): Worksheet {
  if (wanted !== undefined) {
    const w = book.getWorksheet(wanted);
    if (!w) throw new WorkbookError({ k: 'noSheet', sheet: wanted });
    return w;
  }
  const named = book.worksheets.find((w) => w.name === WORDS.zh.data || w.name.toLowerCase() === WORDS.en.data);
  const first = named ?? book.worksheets[0];
  if (!first) throw badWorkbook();
  return first;
}

/**
 * A sheet's header (row 1, as wide as the sheet's widest row) and its other non-blank rows with
 * their row numbers. Only the rows and cells the file holds are visited, and a row's cells go
 * as far as its last: a cell far out (`XFD1048576`) in a small file does not make a sheet of
 * empty cells to read.
 */
export function sheetRows(w: Worksheet): { header: string[]; body: { at: number; cells: unknown[] }[] } {
  const cellsOf = (row: Row): unknown[] => {
    const cells: unknown[] = [];
    row.eachCell((cell, j) => {
      const v = cellValue(cell);
      if (v === undefined) return;
      while (cells.length < j - 1) cells.push(undefined);
      cells[j - 1] = v;
    });
    return cells;
  };
  const first = w.findRow(1);
  const header = Array.from({ length: w.columnCount }, () => '');
  if (first) cellsOf(first).forEach((v, j) => v !== undefined && (header[j] = String(v)));
  const body: { at: number; cells: unknown[] }[] = [];
  w.eachRow((row, r) => {
    if (r === 1) return;
    const cells = cellsOf(row);
    if (cells.some((c) => c !== undefined && !(typeof c === 'string' && c.trim() === ''))) body.push({ at: r, cells });
  });
  return { header, body };
}

/**
 * The rows below the header, less the template's row of field names under the labels (row 2,
 * each of its cells the name its column is read as: `id`, `missing_reports`).
 */
function withoutNamesRow<R extends { at: number; cells: unknown[] }>(columns: readonly Column[], body: R[]): R[] {
  const first = body[0];
  const isNames = first?.at === 2 && first.cells.every((v, j) => v === undefined || (typeof v === 'string' && (v.trim() === '' || v.trim() === columns[j]?.key)));
  return isNames ? body.slice(1) : body;
}

/** The first column of each key, 1-based. */
function columnsByKey(columns: readonly Column[]): Map<string, number> {
  const at = new Map<string, number>();
  columns.forEach((c, j) => {
    if (!at.has(c.key)) at.set(c.key, j + 1);
  });
  return at;
}

function rowsOfBook(plan: Plan.Plan, book: Workbook, options: ReadOptions): WorkbookRows {
  const file = options.file ?? 'data.xlsx';
  const sheet = dataSheet(book, options.sheet);
  const { header, body: all } = sheetRows(sheet);
  const columns = unitHeaders(plan).columns(header);
  const body = withoutNamesRow(columns, all);
  const lists = new Set(plan.inputs.filter((f) => f.type.k === 'list').map((f) => f.name));
  // A list field's cell on the data sheet holds JSON, as in a CSV file.
  const rows = body.map((r) => recordOf(columns, r.cells.map((v, j) => (lists.has(columns[j].key) && typeof v === 'string' ? csvValue(v, true) : v))));
  const at = columnsByKey(columns);
  const diagnostics: Diagnostic[] = [];
  const listSheets = new Map<string, string>();
  const entryCells = new Map<string, (row: number, entry: number, field: string) => string | undefined>();
  for (const f of plan.inputs) {
    const own = f.type.k === 'list' && listSheet(book, f, sheet);
    if (!own) continue;
    listSheets.set(f.name, own.name);
    const entries = readEntries(f, own, rows, plan.unitLabels, file, diagnostics);
    entryCells.set(f.name, entries);
  }
  const cell = (row: number, field: string): string | undefined => {
    const inList = /^(.+)\[(\d+)\]\.(.+)$/.exec(field);
    if (inList && entryCells.has(inList[1])) return entryCells.get(inList[1])!(row, Number(inList[2]) - 1, inList[3]);
    const listEntry = /^(.+)\[(\d+)\]$/.exec(field);
    const column = at.get(inList?.[1] ?? listEntry?.[1] ?? field);
    const r = body[row]?.at;
    return column === undefined || r === undefined ? undefined : cellRef(sheet.name, column, r);
  };
  return { rows, sheet: sheet.name, listSheets, cell, diagnostics };
}

/** A list field's own sheet: named by its header (label) or its name, other than the data sheet. */
function listSheet(book: Workbook, f: Field, data: Worksheet): Worksheet | undefined {
  const names = new Set([fieldHeader(f), f.name].map((n) => n.slice(0, 31)));
  return book.worksheets.find((w) => w !== data && names.has(w.name));
}

/**
 * A list's entries from its sheet into each unit's record (in row order); returns where
 * entry j of unit i's list is, by field.
 */
function readEntries(f: Field, w: Worksheet, units: Record<string, unknown>[], unitLabels: readonly string[] | undefined, file: string, diagnostics: Diagnostic[]) {
  if (f.type.k !== 'list') throw new Error('not a list');
  const { header, body: rows } = sheetRows(w);
  const columns = new Headers(f.type.fields, true, unitLabels).columns(header);
  const body = withoutNamesRow(columns, rows);
  const idColumn = columns.findIndex((c) => c.k === 'id');
  const at = columnsByKey(columns);
  const rowsOf = units.map((): number[] => []);
  if (idColumn < 0) {
    if (body.length > 0) diagnostics.push(dataFileDiagnostic({ k: 'sheetWithoutId', sheet: w.name }, { start: 0, end: 0, file: `${file} ${cellRef(w.name, 1, 1)}` }));
    return () => undefined;
  }
  const unitOf = new Map<string, number>();
  units.forEach((u, i) => {
    const id = typeof u.id === 'string' || typeof u.id === 'number' ? String(u.id).trim() : '';
    if (id && !unitOf.has(id)) unitOf.set(id, i);
    // Entries replace whatever the data sheet's cell held.
    u[f.name] = [];
  });
  for (const r of body) {
    const id = String(r.cells[idColumn] ?? '').trim();
    const i = unitOf.get(id);
    if (i === undefined) {
      diagnostics.push(dataFileDiagnostic({ k: 'entryWithoutUnit', sheet: w.name, row: r.at, id }, { start: 0, end: 0, file: `${file} ${cellRef(w.name, idColumn + 1, r.at)}` }));
      continue;
    }
    // (The id and any other column are keys the validator does not read in an entry.)
    (units[i][f.name] as unknown[]).push(recordOf(columns, r.cells));
    rowsOf[i].push(r.at);
  }
  return (row: number, entry: number, field: string) => {
    const r = rowsOf[row]?.[entry];
    const column = at.get(field);
    return r === undefined || column === undefined ? undefined : cellRef(w.name, column, r);
  };
}
