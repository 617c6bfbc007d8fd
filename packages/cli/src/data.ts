// Reading a data file, validating it against a scheme and scoring it (run, explain, report).
// CSV, JSON lines and a .json list of units are read in chunks into a table (column by column);
// any other .json document whole; an .xlsx workbook is read by @assess/sheets. Headers and keys
// may be field names or labels. Every problem points at the offending value: its cell in a
// workbook (`数据!D7`), its place in the text of the others.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { dataDiagnostics, dataFileDiagnostic, evaluate, fieldNamer, jsonValueSpans, rowsFromCsv, rowsFromJson, withFieldNames, type Diagnostic, type TextRows, type Evaluation, type Lang, type Plan, type Span, type UnitTable } from '@assess/core';
import { TableBuilder } from '@assess/runtime';
import { UsageError, type Args } from './args.js';
import { cannotRead, type Io } from './io.js';
import { report } from './scheme.js';
import { ProgressBar } from './progress.js';
import { fileSize, readCsv, readJsonLines, readJsonUnits, type FileProblem } from './read.js';

export const DATA_EXTENSIONS = ['.json', '.jsonl', '.ndjson', '.csv', '.xlsx'];

type Scheme = { plan: Plan.Plan; sources: Map<string, string> };

/** A validated table, or undefined after every problem was printed. */
export async function readData(c: Scheme, dataFile: string, io: Io, lang: Lang, args: Args): Promise<{ table: UnitTable; sources: Map<string, string> } | undefined> {
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
  // The file's text, only read again when there is something to point at.
  let text: string | undefined;
  const textOf = () => (text ??= readFileSync(dataFile, 'utf8'));
  const diagnostics = [...read.fileProblems, ...dataDiagnostics(c.plan, problems, { file: dataFile, rowSpan: (i) => read.rowSpan(i, textOf), valueSpan: (i, field) => read.valueSpan(i, field, textOf) })];
  const sources = new Map(c.sources);
  if (diagnostics.length > 0) sources.set(dataFile, textOf());
  report(io, diagnostics, sources, dataFile, lang, args);
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { table, sources };
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

/** What reading a file gave besides its rows: its own problems, where row i is in its text, and where its values are. */
interface Read {
  fileProblems: Diagnostic[];
  rowSpan: (i: number, text: () => string) => Span;
  valueSpan: (i: number, field: string, text: () => string) => Span | undefined;
}

/** The rows of a data file into a builder: CSV, JSON lines and a JSON list of units in chunks (any other JSON as one document). */
async function readInto(ext: string, file: string, plan: Plan.Plan, progress: (bytes: number) => void): Promise<Read & { builder: TableBuilder }> {
  const builder = new TableBuilder(plan);
  if (ext === '.json') {
    if (await readJsonUnits(file, fieldNamer(plan), builder, progress)) return { builder, fileProblems: [], ...spansFromText((t) => rowsFromJson(t, file, plan)) };
    // Not a list of records (or not JSON): read whole, which says what is wrong and where.
    const whole = new TableBuilder(plan);
    const r = rowsFromJson(readFileSync(file, 'utf8'), file, plan);
    for (const row of withFieldNames(plan, r.rows)) whole.addRecord(row);
    return { builder: whole, fileProblems: r.diagnostics, rowSpan: (i) => r.rowSpan(i), valueSpan: (i, field) => r.valueSpan(i, field) };
  }
  if (ext === '.csv') {
    const r = await readCsv(file, plan, builder, progress);
    return { builder, fileProblems: r.problems.map((p) => fileDiagnostic(p, file)), ...spansFromText((t) => rowsFromCsv(t, file, plan)) };
  }
  const starts: number[] = [];
  const r = await readJsonLines(file, fieldNamer(plan), builder, progress, undefined, starts);
  return {
    builder,
    fileProblems: r.problems.map((p) => fileDiagnostic(p, file)),
    // A unit is pointed at by its id, as in a .json file, else by the start of its line.
    rowSpan: (i, text) => lineValueSpan(text(), starts[i], 'id', plan, file) ?? { start: starts[i] ?? 0, end: (starts[i] ?? 0) + 1, file },
    valueSpan: (i, field, text) => lineValueSpan(text(), starts[i], field, plan, file),
  };
}

/**
 * Where rows and values are, for a file read in chunks: its text is read again, and read as the
 * whole-text reader reads it (`rows`), only when a message needs to point into it.
 */
function spansFromText(rows: (text: string) => TextRows): Pick<Read, 'rowSpan' | 'valueSpan'> {
  let spans: TextRows | undefined;
  const of = (text: () => string) => (spans ??= rows(text()));
  return { rowSpan: (i, text) => of(text).rowSpan(i), valueSpan: (i, field, text) => of(text).valueSpan(i, field) };
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
