// Reading data files: JSON and CSV → rows (plain records), with where each row is in the text.
import { diag, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { FileProblem } from '../diagnostics/catalog/data.js';
import type { Plan } from '../ir/plan.js';
import { unitHeaders } from './headers.js';
import { jsonValueSpans, topLevelValues, type UnitSpans } from './locate.js';

/** What a data file's text gave: its rows, where each row is, where each value is (by the validator's field path). */
export interface TextRows {
  rows: unknown[];
  rowSpan: (i: number) => Span;
  valueSpan: (i: number, field: string) => Span | undefined;
  diagnostics: Diagnostic[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rows of a JSON data file: `{ "units": [ … ] }` or a bare array. Also returns where
 * each unit's record is in the text, and each of its values (keys written as labels are
 * known by their field's name when the scheme's `plan` is given), so that messages can
 * point at them.
 */
export function rowsFromJson(source: string, file: string, plan?: Pick<Plan, 'inputs' | 'unitLabels'>): TextRows {
  // A byte-order mark (a file saved as "UTF-8 with BOM") read as white space: offsets stay the file's.
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const at = m ? Number(m[1]) : 0;
    return unread({ start: at, end: at + 1, file }, { k: 'badJson' });
  }
  const rows = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.units) ? data.units : undefined;
  if (!rows) return unread({ start: 0, end: Math.min(1, text.length), file }, { k: 'notList' }, { start: 0, end: 0, file });
  // `{"units": […], "units": […]}`: JSON.parse keeps the last list and drops the first without a word.
  const twice = Array.isArray(data) ? undefined : topLevelValues(text).filter((v) => v.key === 'units')[1];
  if (twice) return unread({ start: twice.at, end: twice.at + 1, file }, { k: 'unitsTwice' }, { start: 0, end: 0, file });
  // Found only when a message needs them.
  let units: UnitSpans[] | undefined;
  const unitAt = (i: number) => (units ??= jsonValueSpans(text, plan))[i];
  const valueSpan = (i: number, field: string): Span | undefined => {
    const at = unitAt(i)?.values.get(field);
    return at && { ...at, file };
  };
  // A unit is pointed at by its id, else by its whole record.
  const rowSpan = (i: number): Span => {
    const at = unitAt(i);
    return { ...(at?.values.get('id') ?? at?.record ?? { start: 0, end: 0 }), file };
  };
  return { rows, rowSpan, valueSpan, diagnostics: [] };
}

/**
 * Which of a CSV file's rows `rowsFromCsv` reads, when not all: the first `rows` rows from
 * offset `from` in the text (the start of a record; the header is still read from the start),
 * and of which of them the cells (`named`; the others are only found: their rows are empty and
 * their values have no spans). A program that read the file in chunks needs the spans of only
 * the rows its messages name.
 */
export interface CsvRowsWanted {
  from?: number;
  rows?: number;
  named?: ReadonlySet<number>;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The rows of a CSV data file (RFC 4180: quoted fields, doubled quotes, CRLF). The first
 * line names the columns (field names or labels, see headers.ts); a list field's cell holds JSON (`[{"project":"桥梁",…}]`).
 */
export function rowsFromCsv(text: string, file: string, plan: Pick<Plan, 'inputs' | 'unitLabels'>, wanted: CsvRowsWanted = {}): TextRows {
  const records: { cells: string[]; starts: number[]; start: number; end: number }[] = [];
  let cells: string[] = [];
  /** Where each cell of the record being read starts (in `src`). */
  let starts: number[] = [0];
  let cell = '';
  /** Whether the cell, and the record, have no character yet. */
  let cellEmpty = true;
  let blank = true;
  let quoted = false;
  let start = 0;
  const src = text.replace(/^\ufeff/, '');
  const offset = text.length - src.length;
  /** The header, then the wanted rows. */
  const most = wanted.rows === undefined ? Infinity : wanted.rows + 1;
  /** Whether the record being read keeps its cells (the header's are always kept). */
  let keep = true;
  const record = (end: number) => records.push(keep ? { cells, starts, start: start + offset, end: end + offset } : { cells: [], starts: [], start: start + offset, end: end + offset });
  let i = 0;
  for (; i < src.length && records.length < most; i++) {
    const c = src.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE && src.charCodeAt(i + 1) === QUOTE) {
        if (keep) cell += '"';
        cellEmpty = blank = false;
        i++;
      } else if (c === QUOTE) quoted = false;
      else {
        if (keep) cell += src[i];
        cellEmpty = blank = false;
      }
    } else if (c === QUOTE && cellEmpty) quoted = true;
    else if (c === COMMA) {
      if (keep) {
        cells.push(cell);
        starts.push(i + 1);
      }
      cell = '';
      cellEmpty = true;
    } else if (c === LF || c === CR) {
      const end = i;
      if (c === CR && src.charCodeAt(i + 1) === LF) i++;
      if (keep) {
        cells.push(cell);
        starts.push(end + 1);
      }
      if (!blank) record(end);
      cells = [];
      cell = '';
      cellEmpty = blank = true;
      // Past the header, on to the wanted rows.
      if (records.length === 1 && wanted.from !== undefined && wanted.from - offset > i + 1) i = wanted.from - offset - 1;
      start = i + 1;
      starts = [start];
      keep = wanted.named === undefined || records.length === 0 || wanted.named.has(records.length - 1);
    } else {
      if (keep) cell += src[i];
      cellEmpty = blank = false;
    }
  }
  if (i >= src.length) {
    if (keep) {
      cells.push(cell);
      starts.push(src.length + 1);
    }
    if (!blank && records.length < most) record(src.length);
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], rowSpan: () => ({ start: 0, end: 0, file }), valueSpan: () => undefined, diagnostics: [] };
  const names = unitHeaders(plan).columns(header.cells).map((c) => c.key);
  const lists = new Set(plan.inputs.filter((f) => f.type.k === 'list').map((f) => f.name));
  const diagnostics: Diagnostic[] = [];
  const rowOf = (r: (typeof body)[number]) => {
    const row: Record<string, unknown> = Object.create(null);
    names.forEach((name, j) => {
      const v = r.cells[j] ?? '';
      if (lists.has(name)) {
        if (v.trim() === '') row[name] = [];
        else
          try {
            row[name] = JSON.parse(v);
          } catch {
            row[name] = v;
          }
      } else if (v.trim() !== '') row[name] = v;
    });
    return row;
  };
  // (Made when asked for: a program after spans only does not need them.)
  let rows: unknown[] | undefined;
  /** A value's cell, without the separator after it; a list entry's value inside its list's cell. */
  const valueSpan = (i: number, field: string): Span | undefined => {
    const r = body[i];
    const list = /^[^[.]+/.exec(field)?.[0] ?? field;
    const j = names.lastIndexOf(list);
    if (!r || j < 0 || j >= r.cells.length) return undefined;
    const cell = { start: r.starts[j], end: r.starts[j + 1] - 1 };
    const inner = list !== field && lists.has(list) ? entrySpan(src, cell, list, field, plan) : undefined;
    const at = inner ?? cell;
    return { start: at.start + offset, end: at.end + offset, file };
  };
  return {
    get rows() {
      return (rows ??= body.map(rowOf));
    },
    rowSpan: (i) => ({ start: body[i]?.start ?? 0, end: body[i]?.end ?? 0, file }),
    valueSpan,
    diagnostics,
  };
}

/**
 * Where a list entry's value (`荣誉[2].级别`) is inside the CSV cell that holds the list as JSON:
 * the cell's text is read as the list of a unit (quotes undoubled), and its spans mapped back.
 */
function entrySpan(src: string, cell: { start: number; end: number }, list: string, field: string, plan: Pick<Plan, 'inputs' | 'unitLabels'>): { start: number; end: number } | undefined {
  // The k-th character of the cell's content is src[from[k]..to[k]) (two characters for a doubled quote).
  const from: number[] = [];
  const to: number[] = [];
  let content = '';
  const quoted = src[cell.start] === '"';
  for (let i = quoted ? cell.start + 1 : cell.start; i < cell.end; i++) {
    const doubled = quoted && src[i] === '"';
    if (doubled && src[i + 1] !== '"') break;
    from.push(i);
    if (doubled) i++;
    to.push(i + 1);
    content += src[i];
  }
  const prefix = `[{${JSON.stringify(list)}:`;
  const span = jsonValueSpans(`${prefix}${content}}]`, plan)[0]?.values.get(field);
  const first = (span?.start ?? 0) - prefix.length;
  const last = (span?.end ?? 0) - prefix.length - 1;
  return first >= 0 && last >= first && last < content.length ? { start: from[first], end: to[last] } : undefined;
}

/** A data file read as no rows, for what `problem` says at `span` (its rows, none, pointed at `rowSpan`). */
function unread(span: Span, problem: FileProblem, rowSpan: Span = span): TextRows {
  return { rows: [], rowSpan: () => rowSpan, valueSpan: () => undefined, diagnostics: [dataFileDiagnostic(problem, span)] };
}

/** A problem with a data file as a whole (for readers outside core: JSON lines, streamed CSV). */
export function dataFileDiagnostic(problem: FileProblem, span: Span): Diagnostic {
  return diag('E0505', span, problem);
}
