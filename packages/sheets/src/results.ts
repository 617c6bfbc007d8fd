// A results workbook: the ranked table (core's results table, best place first) and every
// unit's explanation (the text of `assess explain`, in a wrapped cell of a row per unit).
import { explainUnit, ranked, resultsTable, showScore, type Lang, type Plan, type ResultsTable, type UnitResult } from '@assess/core';
import { newWorkbook, LINE_HEIGHT, printable, workbookBytes, type Workbook } from './book.js';
import { WORDS } from './words.js';

export interface ResultsOptions {
  lang?: Lang;
}

/**
 * The bytes of a results workbook (.xlsx). `units` are an evaluation's results; evaluate with
 * `{ trace: true }` for explanations that show every rule's steps.
 */
export async function resultsWorkbook(plan: Plan.Plan, units: readonly UnitResult[], options: ResultsOptions = {}): Promise<Uint8Array> {
  return workbookBytes(buildResults(plan, units, options));
}

export function buildResults(plan: Plan.Plan, units: readonly UnitResult[], options: ResultsOptions = {}): Workbook {
  const lang = options.lang ?? 'zh';
  const w = WORDS[lang];
  const book = newWorkbook();
  const order = ranked(units);
  const table = withSectionItems(plan, resultsTable(plan, order, lang), order);
  const sheet = book.addWorksheet(w.results);
  sheet.columns = table.header.map((h, j) => ({ header: h, width: j === 0 ? 18 : Math.max(8, [...h].length * 2 + 2) }));
  sheet.addRows(table.rows.map((row) => row.map((cell, j) => (table.numeric[j] ? numberCell(cell) : cell))));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  printable(sheet, 1);

  const explanations = book.addWorksheet(w.explanations);
  explanations.columns = w.explanationHeaders.map((h, j) => ({ header: h, width: j === 0 ? 18 : 100 }));
  explanations.getRow(1).font = { bold: true };
  explanations.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  printable(explanations, 1);
  explanations.getColumn(1).alignment = { vertical: 'top' };
  explanations.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  for (const r of order) {
    cellsOf(explainUnit(r, lang).trimEnd()).forEach((text, k) => {
      const row = explanations.addRow([k === 0 ? r.id : '', text]);
      row.height = LINE_HEIGHT * text.split('\n').length;
    });
  }
  return book;
}

/**
 * Core's results table with a column for each item of a section too (the table has the
 * sections' and the top-level items' scores), before the sections, as the CSV of a run has them.
 */
function withSectionItems(plan: Plan.Plan, table: ResultsTable, units: readonly UnitResult[]): ResultsTable {
  const first = plan.within !== undefined ? 2 : 1;
  const sectioned = plan.items.filter((it) => it.kind === 'item').map((it, k) => ({ it, k })).filter(({ it }) => it.section !== undefined);
  const insert = <T>(row: T[], cells: T[]) => [...row.slice(0, first), ...cells, ...row.slice(first)];
  return {
    header: insert(table.header, sectioned.map(({ it }) => it.label)),
    numeric: insert(table.numeric, sectioned.map(() => true)),
    rows: table.rows.map((row, i) => insert(row, sectioned.map(({ k }) => (units[i].items[k]?.notApplicable ? '—' : showScore(units[i].items[k]?.score ?? null))))),
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
