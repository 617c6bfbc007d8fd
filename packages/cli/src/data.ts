// Reading a data file, validating it against a scheme and scoring it (run, explain, report).
// CSV, JSON lines and a .json list of units are read in chunks into a table (column by column);
// any other .json document whole; an .xlsx workbook is read by @assess/sheets. Headers and keys
// may be field names or labels. Every problem points at the offending value: its cell in a
// workbook (`数据!D7`), its place in the text of the others.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { dataDiagnostics, dataFileDiagnostic, evaluate, fieldNamer, jsonValueSpans, rowsFromCsv, rowsFromJson, withFieldNames, type Diagnostic, type Evaluation, type Lang, type Plan, type Span, type UnitTable, type Where } from '@assess/core';
import type { Problem } from '@assess/runtime';
import { TableBuilder } from '@assess/runtime';
import { UsageError, type Args } from './args.js';
import { cannotRead, type Io } from './io.js';
import { report } from './scheme.js';
import { ProgressBar } from './progress.js';
import { fileSize, readCsv, readJsonLines, readJsonUnits, type FileProblem } from './read.js';

export const DATA_EXTENSIONS = ['.json', '.jsonl', '.ndjson', '.csv', '.xlsx'];

type Scheme = { plan: Plan.Plan; sources: Map<string, string> };

/**
 * A validated table, or undefined after every problem was printed. `warningsLater`: where the
 * data has warnings only, they are said when `warnings` is called (`assess run` says them after
 * its results, as a run in parts does, whose threads must let go of their units first).
 */
export async function readData(c: Scheme, dataFile: string, io: Io, lang: Lang, args: Args, { warningsLater = false } = {}): Promise<{ table: UnitTable; sources: Map<string, string>; warnings?: () => void } | undefined> {
  const ext = extname(dataFile).toLowerCase();
  if (!DATA_EXTENSIONS.includes(ext)) throw new UsageError(`--data must be a .json, .jsonl, .csv or .xlsx file, not ${dataFile}`);
  if (args.values.sheet !== undefined && ext !== '.xlsx') throw new UsageError('--sheet is for an .xlsx workbook');
  if (ext === '.xlsx') return readWorkbookData(c, dataFile, io, lang, args);
  const bar = new ProgressBar(io, lang === 'zh' ? '读取数据' : 'reading data');
  let read: Read & { builder: TableBuilder };
  try {
    const size = fileSize(dataFile);
    read = await readInto(ext, dataFile, c.plan, (bytes) => bar.update(bytes, size));
  } catch {
    cannotRead(io, lang, dataFile, 'data');
    return undefined;
  } finally {
    bar.stop();
  }
  const { table, problems } = read.builder.finish();
  const say = saying(c, dataFile, read, problems, io, lang, args);
  if (warningsLater && read.fileProblems.length === 0 && !problems.some((p) => p.code.startsWith('E'))) return { table, sources: c.sources, warnings: problems.length > 0 ? say : undefined };
  const { sources, errors } = say();
  return errors ? undefined : { table, sources };
}

/**
 * Says the problems of a file read: where they are is read from its text only now. (Apart, so
 * that what it keeps is only this: not the builder, whose columns are the table's.)
 */
function saying(c: Scheme, dataFile: string, { fileProblems, where }: Read, problems: readonly Problem[], io: Io, lang: Lang, args: Args) {
  return () => {
    // The file's text, only read again when there is something to point at.
    let text: string | undefined;
    const textOf = () => (text ??= readFileSync(dataFile, 'utf8'));
    const diagnostics = [...fileProblems, ...dataDiagnostics(c.plan, problems, { file: dataFile, ...where(textOf, problems) })];
    const sources = new Map(c.sources);
    if (diagnostics.length > 0) sources.set(dataFile, textOf());
    report(io, diagnostics, sources, dataFile, lang, args);
    return { sources, errors: diagnostics.some((d) => d.severity === 'error') };
  };
}

/** The units of a workbook, validated; every problem at its sheet and cell. */
async function readWorkbookData(c: Scheme, dataFile: string, io: Io, lang: Lang, args: Args): Promise<{ table: UnitTable; sources: Map<string, string> } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(dataFile);
  } catch {
    cannotRead(io, lang, dataFile, 'data');
    return undefined;
  }
  // exceljs is loaded only for a workbook: every other command starts without it.
  const { readWorkbookUnits } = await import('@assess/sheets');
  const { table, diagnostics } = await readWorkbookUnits(c.plan, bytes, { file: dataFile, sheet: args.values.sheet });
  report(io, diagnostics, c.sources, dataFile, lang, args);
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { table, sources: c.sources };
}

/** What reading a file gave besides its rows: its own problems, and where the rows its messages name are in its text. */
interface Read {
  fileProblems: Diagnostic[];
  where: (text: () => string, problems: readonly Problem[]) => Spans;
}

/** Where rows and their values are in a data file's text. */
type Spans = Required<Pick<Where, 'rowSpan' | 'valueSpan'>>;

/** The rows of a data file into a builder: CSV, JSON lines and a JSON list of units in chunks (any other JSON as one document). */
async function readInto(ext: string, file: string, plan: Plan.Plan, progress: (bytes: number) => void): Promise<Read & { builder: TableBuilder }> {
  const builder = new TableBuilder(plan);
  if (ext === '.json') {
    if (await readJsonUnits(file, fieldNamer(plan), builder, progress)) return { builder, fileProblems: [], where: (text, problems) => spansInText(ext, file, plan, text, problems) };
    // Not a list of records (or not JSON): read whole, which says what is wrong and where.
    const whole = new TableBuilder(plan);
    const r = rowsFromJson(readFileSync(file, 'utf8'), file, plan);
    for (const row of withFieldNames(plan, r.rows)) whole.addRecord(row);
    return { builder: whole, fileProblems: r.diagnostics, where: () => ({ rowSpan: r.rowSpan, valueSpan: r.valueSpan }) };
  }
  if (ext === '.csv') {
    const r = await readCsv(file, plan, builder, progress);
    return { builder, fileProblems: r.problems.map((p) => fileDiagnostic(p, file)), where: (text, problems) => spansInText(ext, file, plan, text, problems) };
  }
  const starts: number[] = [];
  const r = await readJsonLines(file, fieldNamer(plan), builder, progress, undefined, starts);
  return { builder, fileProblems: r.problems.map((p) => fileDiagnostic(p, file)), where: (text) => jsonLineSpans(text, (i) => starts[i], plan, file) };
}

/**
 * Where a run of a file's rows starts, read in parts: its first row, and the byte its lines
 * start at (0: the file's first line; a CSV's header is read there in any case).
 */
export interface Section {
  row: number;
  byte: number;
}

/**
 * Where the rows `problems` name are in the text of a CSV, JSON-lines or .json file read in
 * chunks (the text read only when a message points into it), read as the whole-text readers
 * read them, from the start of the section a row is in and only up to the last row named there
 * (the whole text was read: a million CSV rows took 5 s for a warning at the first; a million
 * towns in a .json list 39 s for one at the 700,001st): a CSV's records, JSON lines (blank ones
 * passed over, as the reader does), a list's units; only the named rows' values.
 */
function spansInText(ext: string, file: string, plan: Plan.Plan, text: () => string, problems: readonly Problem[], sections: readonly Section[] = [{ row: 0, byte: 0 }]): Spans {
  const sectionOf = (i: number) => {
    let k = sections.length - 1;
    while (k > 0 && sections[k].row > i) k--;
    return k;
  };
  // The rows named in each section (its own row numbers), and the last.
  const named = sections.map(() => new Set<number>());
  const last = sections.map(() => -1);
  for (const p of problems) {
    const k = sectionOf(p.row);
    named[k].add(p.row - sections[k].row);
    last[k] = Math.max(last[k], p.row - sections[k].row);
  }
  /** What `read` gives for row i's section (from where it starts, up to the last row named there), and i's row in it. */
  const perSection = <T>(read: (from: number | undefined, rows: number, named: ReadonlySet<number>) => T) => {
    const got: T[] = [];
    return (i: number) => {
      const k = sectionOf(i);
      const j = i - sections[k].row;
      return { read: (got[k] ??= read(sections[k].byte === 0 ? undefined : charOffset(text(), sections[k].byte), last[k] + 1, named[k])), j };
    };
  };
  if (ext === '.csv') {
    const at = perSection((from, rows, named) => rowsFromCsv(text(), file, plan, { from, rows, named }));
    return {
      rowSpan: (i) => {
        const { read, j } = at(i);
        return read.rowSpan(j);
      },
      valueSpan: (i, field) => {
        const { read, j } = at(i);
        return read.valueSpan(j, field);
      },
    };
  }
  if (ext === '.json') {
    // (As a whole document's reader points: a unit at its id, else its whole record.)
    const at = perSection((from, units, named) => jsonValueSpans(text(), plan, { from, units, named }));
    const unit = (i: number) => {
      const { read, j } = at(i);
      return read[j];
    };
    return {
      rowSpan: (i) => ({ ...(unit(i)?.values.get('id') ?? unit(i)?.record ?? { start: 0, end: 0 }), file }),
      valueSpan: (i, field) => {
        const span = unit(i)?.values.get(field);
        return span && { ...span, file };
      },
    };
  }
  const at = perSection((from, rows) => jsonLineStarts(text(), from ?? 0, rows));
  return jsonLineSpans(
    text,
    (i) => {
      const { read, j } = at(i);
      return read[j];
    },
    plan,
    file,
  );
}

/** Spans in a JSON-lines file, given where each row's line starts. A unit is pointed at by its id, as in a .json file, else by the start of its line. */
function jsonLineSpans(text: () => string, start: (i: number) => number | undefined, plan: Plan.Plan, file: string): Spans {
  return {
    rowSpan: (i) => lineValueSpan(text(), start(i), 'id', plan, file) ?? { start: start(i) ?? 0, end: (start(i) ?? 0) + 1, file },
    valueSpan: (i, field) => lineValueSpan(text(), start(i), field, plan, file),
  };
}

/**
 * Where the first `count` lines that are not blank start, from offset `from` (the start of a
 * line), as `readJsonLines` numbers its rows (a byte-order mark is no part of the first line).
 */
export function jsonLineStarts(text: string, from: number, count: number): number[] {
  const out: number[] = [];
  let at = from === 0 && text.charCodeAt(0) === 0xfeff ? 1 : from;
  while (out.length < count && at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (text.slice(at, end).trim() !== '') out.push(at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/** The offset in `text` (UTF-16 units) of the character at byte `byte` of its UTF-8 encoding. */
export function charOffset(text: string, byte: number): number {
  let bytes = 0;
  let i = 0;
  for (; i < text.length && bytes < byte; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      // A pair of surrogates: one character of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return i;
}

/** Messages for the problems of a file read in parts, each row counted over every part, printed as one thread prints them. */
export function reportPartsProblems(c: Scheme, dataFile: string, problems: readonly Problem[], sections: readonly Section[], io: Io, lang: Lang, args: Args): void {
  const where: Read['where'] = (text) => spansInText(extname(dataFile).toLowerCase(), dataFile, c.plan, text, problems, sections);
  saying(c, dataFile, { fileProblems: [], where }, problems, io, lang, args)();
}

/** Where a value of the unit on the line at `start` is (JSON lines). */
function lineValueSpan(text: string, start: number | undefined, field: string, plan: Plan.Plan, file: string): Span | undefined {
  if (start === undefined) return undefined;
  const end = text.indexOf('\n', start);
  // The line as a list of one unit: its spans are one past where they are in the file.
  const at = jsonValueSpans(`[${text.slice(start, end < 0 ? undefined : end)}]`, plan)[0]?.values.get(field);
  return at && { start: start + at.start - 1, end: start + at.end - 1, file };
}

function fileDiagnostic(p: FileProblem, file: string): Diagnostic {
  return p.k === 'badCsv' ? dataFileDiagnostic(p, { start: 0, end: 0, file }) : dataFileDiagnostic({ k: 'badJsonLine', line: p.line }, { start: p.at, end: p.at + 1, file });
}

/** Read, validate and evaluate with the interpreter (explain: traces); undefined (after printing every error) when it is wrong. */
export async function scoreData(c: Scheme, dataFile: string, io: Io, lang: Lang, args: Args, trace?: (u: number) => boolean): Promise<Evaluation | undefined> {
  const data = await readData(c, dataFile, io, lang, args);
  if (!data) return undefined;
  const ev = evaluate(c.plan, data.table, { trace });
  // `explain` still explains a unit whose number failed: the failure shows in its steps.
  report(io, ev.diagnostics, data.sources, dataFile, lang, args);
  return ev;
}
