// The data grid: the scheme's fields as columns, one unit per row, every cell editable (a
// list field's cell holds its entries as JSON, as in a CSV file). Each bad cell is marked
// and carries its message; the problems are listed below the grid too, each a click away from
// its cell. Every row is in the grid, drawn as it is scrolled to (rows.ts).
import type { DataProblem, GridColumn, Row } from './protocol.js';
import type { words } from './i18n.js';
import { windowedRows } from './rows.js';

export interface GridOptions {
  table: HTMLTableElement;
  /** Where the columns' lists of choices go (a table may not hold them). */
  choices: HTMLElement;
  note: HTMLElement;
  w: ReturnType<typeof words>;
  /** A cell was edited (the rows were changed in place). */
  onEdit: () => void;
  /** The row a find box showed (marked). */
  found: () => Row | undefined;
}

/** A cell's text: a list's entries as JSON, other values as they are. */
function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** What a typed cell becomes: blank is absent, a list's text is JSON (left as text when it is not, for the validator to report). */
function cellValue(text: string, list: boolean): unknown {
  if (text.trim() === '') return undefined;
  if (!list) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The grid of every row, drawn as it scrolls; `reveal` scrolls to a row (and focuses a field's cell). */
export interface Grid {
  reveal(row: number, key?: string): void;
}

/** `what`: the rows' file (drawn again for the same, the grid stays where it was scrolled to). */
export function renderGrid(o: GridOptions, columns: GridColumn[], rows: Row[], problems: DataProblem[], what: string): Grid {
  const { table, w } = o;
  // The cell being typed in, when the grid is drawn again (the rows were scored after an edit): focused again, as it was.
  const typing = focusedCell(table);
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  head.insertCell().textContent = '#';
  for (const c of columns) {
    const th = document.createElement('th');
    th.textContent = c.header;
    th.title = c.expects;
    head.append(th);
  }
  head.insertCell();
  const byCell = new Map<string, DataProblem[]>();
  for (const p of problems) if (p.row !== undefined) byCell.set(`${p.row}\u0000${p.key ?? ''}`, [...(byCell.get(`${p.row}\u0000${p.key ?? ''}`) ?? []), p]);
  // A row's cells and its × act on the row itself, not on its place: until the grid is drawn again
  // after a deletion, the rows below it are one place up (a second click of ×, or an edit in the
  // meantime, went to the next unit).
  const commit = (row: Row, c: GridColumn, input: HTMLInputElement) => {
    const v = cellValue(input.value, c.list);
    if (v === undefined) delete row[c.key];
    else row[c.key] = v;
    o.onEdit();
  };
  const drawRow = (i: number, tr: HTMLTableRowElement) => {
    const row = rows[i];
    const rowProblems = byCell.get(`${i}\u0000`);
    if (row === o.found()) tr.classList.add('found');
    const num = tr.insertCell();
    num.textContent = String(i + 1);
    if (rowProblems) mark(num, rowProblems);
    for (const c of columns) {
      const td = tr.insertCell();
      td.dataset.key = c.key;
      const input = document.createElement('input');
      input.value = cellText(row[c.key]);
      input.setAttribute('aria-label', `${c.header} ${i + 1}`);
      if (c.choices) input.setAttribute('list', listId(c));
      input.addEventListener('change', () => commit(row, c, input));
      // ↓ and Enter: the same field of the next row; ↑ and Shift+Enter: of the row before (not while an input method is composing).
      input.addEventListener('keydown', (e) => {
        if (e.isComposing || e.keyCode === 229) return;
        const step = e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey) ? 1 : e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? -1 : 0;
        if (step === 0 || i + step < 0 || i + step >= rows.length) return;
        e.preventDefault();
        grid.reveal(i + step, c.key);
      });
      td.append(input);
      const here = byCell.get(`${i}\u0000${c.key}`);
      if (here) mark(td, here);
    }
    const del = tr.insertCell().appendChild(document.createElement('button'));
    del.textContent = '×';
    del.className = 'delete';
    del.title = w('deleteRow');
    del.addEventListener('click', () => {
      const at = rows.indexOf(row);
      if (at < 0) return;
      rows.splice(at, 1);
      o.onEdit();
    });
  };
  const body = windowedRows(table, rows.length, drawRow, what);
  o.choices.replaceChildren(...columns.filter((c) => c.choices).map(choiceList));
  o.note.textContent = rows.length === 0 ? w('noData') : '';
  const input = (row: number, key: string) => table.querySelector<HTMLInputElement>(`tr[data-index="${row}"] td[data-key="${CSS.escape(key)}"] input`);
  const grid: Grid = {
    reveal(row, key) {
      body.reveal(row);
      if (key !== undefined) input(row, key)?.focus({ preventScroll: true });
    },
  };
  const again = typing && typing.row < rows.length ? input(typing.row, typing.key) : null;
  if (typing && again) {
    again.value = typing.value;
    again.focus({ preventScroll: true });
    again.setSelectionRange(typing.start, typing.end);
    // Text typed before the grid was drawn again is not the browser's to report as changed: it is committed when the cell is left.
    const column = columns.find((c) => c.key === typing.key)!;
    const row = rows[typing.row];
    again.addEventListener('blur', () => again.value !== cellText(row[typing.key]) && commit(row, column, again), { once: true });
  }
  return grid;
}

/** The grid's input that has the focus: its row, field, text and selection. */
function focusedCell(table: HTMLTableElement) {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement) || !table.contains(el)) return undefined;
  const row = Number(el.closest<HTMLElement>('tr[data-index]')?.dataset.index);
  const key = el.closest<HTMLElement>('td[data-key]')?.dataset.key;
  return key === undefined || Number.isNaN(row) ? undefined : { row, key, value: el.value, start: el.selectionStart, end: el.selectionEnd };
}

const listId = (c: GridColumn) => `choices-${encodeURIComponent(c.key)}`;

function choiceList(c: GridColumn): HTMLDataListElement {
  const list = document.createElement('datalist');
  list.id = listId(c);
  for (const v of c.choices ?? []) list.append(new Option(v, v));
  return list;
}

function mark(td: HTMLElement, problems: DataProblem[]) {
  td.classList.add(problems.some((p) => p.severity === 'error') ? 'bad' : 'warn');
  td.title = problems.map((p) => `${p.code}: ${p.message}`).join('\n');
}
