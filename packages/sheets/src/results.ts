// A results workbook: the ranked table (core's results table, best place first) and every
// unit's explanation (the text of `assess explain`, one unit per row, in a wrapped cell).
import { explainUnit, ranked, resultsTable, type Lang, type Plan, type UnitResult } from '@assess/core';
import { newWorkbook, workbookBytes, type Workbook } from './book.js';
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
  const table = resultsTable(plan, order, lang);
  const sheet = book.addWorksheet(w.results);
  sheet.columns = table.header.map((h, j) => ({ header: h, width: j === 0 ? 18 : Math.max(8, [...h].length * 2 + 2) }));
  sheet.addRows(table.rows.map((row) => row.map((cell, j) => (table.numeric[j] ? numberCell(cell) : cell))));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };

  const explanations = book.addWorksheet(w.explanations);
  explanations.columns = w.explanationHeaders.map((h, j) => ({ header: h, width: j === 0 ? 18 : 100 }));
  explanations.getRow(1).font = { bold: true };
  explanations.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  explanations.getColumn(1).alignment = { vertical: 'top' };
  explanations.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  for (const r of order) explanations.addRows(cellsOf(explainUnit(r, lang).trimEnd()).map((text, k) => [k === 0 ? r.id : '', text]));
  return book;
}

/** The most characters a cell holds (Excel's limit). */
const CELL_CHARS = 32_767;

/**
 * A unit's explanation in as few cells as hold it, whole lines each: one row per unit (so that
 * the sheet can be filtered by unit and a large cohort stays within a sheet's rows), more only
 * for an explanation longer than a cell allows.
 */
export function cellsOf(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (const line of text.split('\n')) {
    for (let rest = line; ; ) {
      const joined = cell === '' ? rest : `${cell}\n${rest}`;
      if (joined.length <= CELL_CHARS) {
        cell = joined;
        break;
      }
      if (cell !== '') cells.push(cell);
      cell = '';
      // A single line longer than a cell (hardly ever): cut where it must be.
      if (rest.length > CELL_CHARS) {
        cells.push(rest.slice(0, CELL_CHARS));
        rest = rest.slice(CELL_CHARS);
      }
    }
  }
  cells.push(cell);
  return cells;
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
