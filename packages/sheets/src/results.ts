// A results workbook: the ranked table (core's results table, best place first) and every
// unit's explanation (the text of `assess explain`, in a wrapped cell of a row per unit).
import { explainUnit, rankedOrder, resultRow, resultsHeader, showScore, type Lang, type Plan, type UnitResult } from '@assess/core';
import type { Row, Style } from 'exceljs';
import { newWorkbook, LINE_HEIGHT, printSetup, streamedWorkbook, workbookBytes, type Workbook, type Worksheet } from './book.js';
import { WORDS } from './words.js';

export interface ResultsOptions {
  lang?: Lang;
  /** Told of the rows laid out as they are (each unit twice: its results, its explanation), for a long one's progress. */
  progress?: (done: number, of: number) => void;
}

/**
 * The bytes of a results workbook (.xlsx). `units` are an evaluation's results; evaluate with
 * `{ trace: true }` for explanations that show every rule's steps.
 */
export async function resultsWorkbook(plan: Plan.Plan, units: readonly UnitResult[], options: ResultsOptions = {}): Promise<Uint8Array> {
  return workbookBytes(buildResults(plan, units, options));
}

/**
 * A results workbook written to `stream` as it is made (Node): the same sheets as
 * `resultsWorkbook`'s, each row let go of once written. Resolves when the stream has it all.
 */
export async function streamResultsWorkbook(plan: Plan.Plan, units: readonly UnitResult[] | ResultUnits, stream: Parameters<typeof streamedWorkbook>[0], options: ResultsOptions = {}): Promise<void> {
  const book = streamedWorkbook(stream);
  layResults(book as unknown as ResultsBook, plan, units, options, true);
  await book.commit();
}

export function buildResults(plan: Plan.Plan, units: readonly UnitResult[], options: ResultsOptions = {}): Workbook {
  const book = newWorkbook();
  layResults(book, plan, units, options);
  return book;
}

/**
 * Where the results are laid out: a workbook held whole (`buildResults`), or one whose rows are
 * written out as they are added (exceljs's streamed workbook, in Node: a large cohort's results,
 * whose workbook held whole took 58 s and 3.1 GB for 100,000 units); then `commit` says so.
 */
export interface ResultsBook {
  addWorksheet(name: string, options: { views: Worksheet['views']; pageSetup: Partial<Worksheet['pageSetup']> }): Worksheet;
}

/** A sheet of results: its first column and header row stay in view; printed as a table is read. */
const sheetSetup = () => ({ views: [{ state: 'frozen' as const, xSplit: 1, ySplit: 1 }], pageSetup: printSetup(1) });

/**
 * A cohort's results one at a time (an evaluation: `unitOnce` builds a unit's result and does not
 * keep it, so that a large cohort's workbook holds one at a time).
 */
export interface ResultUnits {
  n: number;
  place(i: number): number | null;
  /** The group unit i is placed within (the sheets list the units group by group). */
  group(i: number): string | undefined;
  /** (`trace: false`: its scores alone are read.) */
  unitOnce(i: number, options?: { trace?: false }): UnitResult;
}

/**
 * The results sheet and the explanations sheet, into `book`, best place first: each sheet's
 * views and print setup given as it is added and its columns before its rows (a streamed sheet
 * writes them as it starts), each row committed once added where `commit` (a streamed sheet then
 * lets go of it).
 */
export function layResults(book: ResultsBook, plan: Plan.Plan, units: readonly UnitResult[] | ResultUnits, options: ResultsOptions = {}, commit = false): void {
  const lang = options.lang ?? 'zh';
  const w = WORDS[lang];
  const from: ResultUnits = isList(units) ? { n: units.length, place: (i) => units[i].place, group: (i) => units[i].group, unitOnce: (i) => units[i] } : units;
  const order = rankedOrder(
    from.n,
    (i) => from.place(i),
    (i) => from.group(i),
  );
  const columns = withSectionItems(plan, lang);
  const sheet = book.addWorksheet(w.results, sheetSetup());
  sheet.columns = columns.header.map((h, j) => ({ header: h, width: j === 0 ? 18 : Math.max(8, [...h].length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.header.length } };
  const told = (done: number) => options.progress?.(done, 2 * from.n);
  for (const [k, i] of order.entries()) {
    told(k);
    // (Nothing shown is no cell: not a cell holding no text.)
    const added = sheet.addRow(columns.row(from.unitOnce(i, { trace: false })).map((cell, j) => (cell === '' ? null : columns.numeric[j] ? numberCell(cell) : cell)));
    sharedStyles(added, NO_STYLE);
    if (commit) added.commit();
  }

  const explanations = book.addWorksheet(w.explanations, sheetSetup());
  explanations.columns = w.explanationHeaders.map((h, j) => ({ header: h, width: j === 0 ? 18 : 100 }));
  explanations.getRow(1).font = { bold: true };
  const styles = [{ alignment: { vertical: 'top' } }, { alignment: { wrapText: true, vertical: 'top' } }] as const;
  explanations.getColumn(1).alignment = styles[0].alignment;
  explanations.getColumn(2).alignment = styles[1].alignment;
  for (const [k, i] of order.entries()) {
    told(from.n + k);
    const r = from.unitOnce(i);
    cellsOf(explainUnit(r, lang).trimEnd()).forEach((text, k) => {
      const row = explanations.addRow([k === 0 ? r.id : null, text]);
      row.height = LINE_HEIGHT * text.split('\n').length;
      sharedStyles(row, ...styles);
      if (commit) row.commit();
    });
  }
  told(2 * from.n);
}

/** A cell of a row without a style of its own. */
const NO_STYLE = {};

/**
 * Each cell of a row given its column's style as one object shared by the column's cells (each
 * cell is given a copy, and exceljs works out which style a cell has from its style's XML, unless
 * it has seen the very object before: 3.2 of 17 s writing 100,000 units' results).
 */
function sharedStyles(row: Row, ...styles: Partial<Style>[]): void {
  row.eachCell((cell, column) => {
    cell.style = styles[Math.min(column, styles.length) - 1];
  });
}

const isList = (units: readonly UnitResult[] | ResultUnits): units is readonly UnitResult[] => Array.isArray(units);

/**
 * Core's results table's columns with a column for each item of a section too (the table has the
 * sections' and the top-level items' scores), before the sections, as the CSV of a run has them:
 * its header, which columns hold numbers, and a unit's row.
 */
function withSectionItems(plan: Plan.Plan, lang: Lang): { header: string[]; numeric: boolean[]; row: (r: UnitResult) => string[] } {
  const first = plan.within !== undefined ? 2 : 1;
  const sectioned = plan.items.filter((it) => it.kind === 'item').map((it, k) => ({ it, k })).filter(({ it }) => it.section !== undefined);
  const insert = <T>(row: T[], cells: T[]) => [...row.slice(0, first), ...cells, ...row.slice(first)];
  const { header, numeric } = resultsHeader(plan, lang);
  return {
    header: insert(header, sectioned.map(({ it }) => it.label)),
    numeric: insert(numeric, sectioned.map(() => true)),
    row: (r) => insert(resultRow(plan, r, lang), sectioned.map(({ k }) => (r.items[k]?.notApplicable ? '—' : showScore(r.items[k]?.score ?? null)))),
  };
}

/** The most characters a cell holds (Excel's limit). */
const CELL_CHARS = 32_767;
/** The most lines in a cell: a row is at most 409 points high, and a program does not size it by itself. */
export const CELL_LINES = 25;

/**
 * A unit's explanation in as few cells as hold it, whole lines each: a row per unit for most
 * (so that a large cohort stays within a sheet's rows), the rest of a long one on the rows
 * below it, each cell within Excel's limits.
 */
export function cellsOf(text: string): string[] {
  const cells: string[][] = [[]];
  let chars = 0;
  const add = (line: string) => {
    const cell = cells[cells.length - 1];
    if (cell.length > 0 && (cell.length === CELL_LINES || chars + 1 + line.length > CELL_CHARS)) {
      cells.push([]);
      chars = -1;
    }
    cells[cells.length - 1].push(line);
    chars += 1 + line.length;
  };
  chars = -1;
  for (const line of text.split('\n')) {
    // A single line longer than a cell (hardly ever) is cut where it must be.
    for (let at = 0; at === 0 || at < line.length; at += CELL_CHARS) add(line.slice(at, at + CELL_CHARS));
  }
  return cells.map((c) => c.join('\n'));
}

/**
 * A score as a number cell when a number holds it exactly (so that a spreadsheet can sum and
 * sort it); otherwise as shown, e.g. `33.3333333333…` for a third.
 */
function numberCell(shown: string): string | number {
  if (!/^-?\d+(\.\d+)?$/.test(shown)) return shown;
  const n = Number(shown);
  return String(n) === shown ? n : shown;
}
