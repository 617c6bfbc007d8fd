// Reading a data file, validating it against a scheme and scoring it (run, explain, report).
// CSV, JSON lines and a .json list of units are read in chunks into a table (column by column);
// any other .json document whole; an .xlsx workbook is read by @assess/sheets. Headers and keys
// may be field names or labels. Every problem points at the offending value: its cell in a
// workbook (`数据!D7`), its place in the text of the others.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
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
  const say = saying(c, dataFile, read, problems, io, lang, args, [{ row: 0, byte: 0 }], table.n);
  if (warningsLater && read.fileProblems.length === 0 && !problems.some((p) => p.code.startsWith('E'))) return { table, sources: c.sources, warnings: problems.length > 0 ? say : undefined };
  const { sources, errors } = say();
  return errors ? undefined : { table, sources };
}

/**
 * Says the problems of a file read: where they are is read from its text only now, and only as
 * far as they point (`TextStart`). (Apart, so that what it keeps is only this: not the builder,
 * whose columns are the table's.) `sections`, `rows`: where the file's rows start (a file read in
 * parts) and how many it has, for a first guess at how far to read.
 */
function saying(c: Scheme, dataFile: string, { fileProblems, where, whole }: Read, problems: readonly Problem[], io: Io, lang: Lang, args: Args, sections: readonly Section[], rows: number) {
  return () => {
    const sources = new Map(c.sources);
    let diagnostics: Diagnostic[] = fileProblems;
    if (problems.length > 0 || fileProblems.length > 0) {
      // The rows named (a line the reader could not read counts as the row of its number), and the bytes before them, about.
      const last = Math.max(...problems.map((p) => p.row), ...fileProblems.map((d) => d.line ?? 0));
      const size = whole === undefined ? fileSize(dataFile) : Buffer.byteLength(whole);
      let text = whole !== undefined ? { text: whole, whole: true, bytes: size } : textStart(dataFile, bytesThrough(last, sections, rows, size), size);
      for (;;) {
        const spans = where(text, problems);
        diagnostics = [...fileProblems, ...dataDiagnostics(c.plan, problems, { file: dataFile, ...spans })];
        // Read on, twice as far, while a message points past what was read.
        if (text.whole || (!spans.short() && fileProblems.every((d) => d.span.start < text.text.length))) break;
        text = textStart(dataFile, text.bytes * 2, size);
      }
      sources.set(dataFile, text.text);
    }
    report(io, diagnostics, sources, dataFile, lang, args);
    return { sources, errors: diagnostics.some((d) => d.severity === 'error') };
  };
}

/** The start of a data file's text (`textStart`): whether it is the whole file, and how many bytes were read for it. */
export interface TextStart {
  text: string;
  whole: boolean;
  bytes: number;
}

/**
 * The start of a data file's text, as far as messages point into it: its first `bytes` bytes, up
 * to their last line break (every line in it whole), decoded; the whole file when that is all
 * of it (`size`: the file's, when the caller has it). (Reading a large file whole only to point
 * at its first rows cost more than the run: a million JSON lines of towns, 268 MB, 5.4 s and
 * 0.5 GB to read and decode for a warning at the first.)
 */
export function textStart(file: string, bytes: number, size = fileSize(file)): TextStart {
  if (bytes >= size) return { text: readFileSync(file, 'utf8'), whole: true, bytes: size };
  const buf = Buffer.allocUnsafe(bytes);
  const fd = openSync(file, 'r');
  let got = 0;
  try {
    for (let k = 1; got < bytes && k > 0; got += k) k = readSync(fd, buf, got, bytes - got, got);
  } finally {
    closeSync(fd);
  }
  return { text: buf.toString('utf8', 0, buf.lastIndexOf(10, got - 1) + 1), whole: false, bytes };
}

/**
 * About how many bytes of a file of `size` bytes come before the end of row `row`: its rows taken
 * to spread evenly over the bytes of the section they are in, and a little more (a first guess:
 * what points past it is read again, twice as far).
 */
export function bytesThrough(row: number, sections: readonly Section[], rows: number, size: number): number {
  const k = sectionOf(sections, row);
  const from = sections[k].byte;
  const to = sections[k + 1]?.byte ?? size;
  const count = (sections[k + 1]?.row ?? rows) - sections[k].row;
  return Math.ceil(from + ((to - from) * (row - sections[k].row + 1)) / Math.max(count, 1) * 1.1) + (1 << 20);
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

/** What reading a file gave besides its rows: its own problems (each with its line), and where the rows its messages name are in its text. */
interface Read {
  fileProblems: (Diagnostic & { line?: number })[];
  where: (text: TextStart, problems: readonly Problem[]) => Spans;
  /** The file's text, where it was read whole. */
  whole?: string;
}

/**
 * Where rows and their values are in a data file's text; `short`: whether a row looked for was
 * not wholly in the text read (then it is read further).
 */
type Spans = Required<Pick<Where, 'rowSpan' | 'valueSpan'>> & { short: () => boolean };

/** The rows of a data file into a builder: CSV, JSON lines and a JSON list of units in chunks (any other JSON as one document). */
async function readInto(ext: string, file: string, plan: Plan.Plan, progress: (bytes: number) => void): Promise<Read & { builder: TableBuilder }> {
  const builder = new TableBuilder(plan);
  if (ext === '.json') {
    if (await readJsonUnits(file, fieldNamer(plan), builder, progress)) return { builder, fileProblems: [], where: (text, problems) => spansInText(ext, file, plan, text, problems) };
    // Not a list of records (or not JSON): read whole, which says what is wrong and where.
    const whole = new TableBuilder(plan);
    const text = readFileSync(file, 'utf8');
    const r = rowsFromJson(text, file, plan);
    for (const row of withFieldNames(plan, r.rows)) whole.addRecord(row);
    return { builder: whole, fileProblems: r.diagnostics, where: () => ({ rowSpan: r.rowSpan, valueSpan: r.valueSpan, short: () => false }), whole: text };
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

/** The section row `row` is in (the last that starts at or before it). */
function sectionOf(sections: readonly Section[], row: number): number {
  let k = sections.length - 1;
  while (k > 0 && sections[k].row > row) k--;
  return k;
}

/**
 * Where the rows `problems` name are in the text of a CSV, JSON-lines or .json file read in
 * chunks (the text read only when a message points into it), read as the whole-text readers
 * read them, from the start of the section a row is in and only up to the last row named there
 * (the whole text was read: a million CSV rows took 5 s for a warning at the first; a million
 * towns in a .json list 39 s for one at the 700,001st): a CSV's records, JSON lines (blank ones
 * passed over, as the reader does), a list's units; only the named rows' values. `text` may stop
 * before a row named: it is then `short`.
 */
export function spansInText(ext: string, file: string, plan: Plan.Plan, { text, whole }: TextStart, problems: readonly Problem[], sections: readonly Section[] = [{ row: 0, byte: 0 }]): Spans {
  // The rows named in each section (its own row numbers), and the last.
  const named = sections.map(() => new Set<number>());
  const last = sections.map(() => -1);
  for (const p of problems) {
    const k = sectionOf(sections, p.row);
    named[k].add(p.row - sections[k].row);
    last[k] = Math.max(last[k], p.row - sections[k].row);
  }
  let short = false;
  /** A row found at [start, end) (none: not found): short unless it ends before the text read does (what reaches its end may go on past it). */
  const found = (row: { start: number; end: number } | undefined) => {
    if (!whole && (!row || row.end <= row.start || row.end >= text.length)) short = true;
  };
  /** What `read` gives for row i's section (from where it starts, up to the last row named there), and i's row in it. */
  const perSection = <T>(read: (from: number | undefined, rows: number, named: ReadonlySet<number>) => T) => {
    const got: T[] = [];
    return (i: number) => {
      const k = sectionOf(sections, i);
      const j = i - sections[k].row;
      return { read: (got[k] ??= read(sections[k].byte === 0 ? undefined : charOffset(text, sections[k].byte), last[k] + 1, named[k])), j };
    };
  };
  const shortOf = <T extends object>(spans: T) => ({ ...spans, short: () => short });
  if (ext === '.csv') {
    const at = perSection((from, rows, named) => rowsFromCsv(text, file, plan, { from, rows, named }));
    return shortOf({
      rowSpan: (i: number) => {
        const { read, j } = at(i);
        const span = read.rowSpan(j);
        found(span);
        return span;
      },
      valueSpan: (i: number, field: string) => {
        const { read, j } = at(i);
        found(read.rowSpan(j));
        return read.valueSpan(j, field);
      },
    });
  }
  if (ext === '.json') {
    // (As a whole document's reader points: a unit at its id, else its whole record.)
    const at = perSection((from, units, named) => jsonValueSpans(text, plan, { from, units, named }));
    const unit = (i: number) => {
      const { read, j } = at(i);
      found(read[j]?.record);
      return read[j];
    };
    return shortOf({
      rowSpan: (i: number) => ({ ...(unit(i)?.values.get('id') ?? unit(i)?.record ?? { start: 0, end: 0 }), file }),
      valueSpan: (i: number, field: string) => {
        const span = unit(i)?.values.get(field);
        return span && { ...span, file };
      },
    });
  }
  const at = perSection((from, rows) => jsonLineStarts(text, from ?? 0, rows));
  return jsonLineSpans(
    { text, whole },
    (i) => {
      const { read, j } = at(i);
      return read[j];
    },
    plan,
    file,
  );
}

/**
 * Spans in a JSON-lines file, given where each row's line starts. A unit is pointed at by its id,
 * as in a .json file, else by the start of its line. (Short where a row's line does not end in
 * the text read.)
 */
function jsonLineSpans({ text, whole }: Pick<TextStart, 'text' | 'whole'>, start: (i: number) => number | undefined, plan: Plan.Plan, file: string): Spans {
  let short = false;
  const line = (i: number) => {
    const at = start(i);
    if (!whole && (at === undefined || text.indexOf('\n', at) < 0)) short = true;
    return at;
  };
  return {
    rowSpan: (i) => lineValueSpan(text, line(i), 'id', plan, file) ?? { start: start(i) ?? 0, end: (start(i) ?? 0) + 1, file },
    valueSpan: (i, field) => lineValueSpan(text, line(i), field, plan, file),
    short: () => short,
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
export function reportPartsProblems(c: Scheme, dataFile: string, problems: readonly Problem[], sections: readonly Section[], rows: number, io: Io, lang: Lang, args: Args): void {
  const where: Read['where'] = (text) => spansInText(extname(dataFile).toLowerCase(), dataFile, c.plan, text, problems, sections);
  saying(c, dataFile, { fileProblems: [], where }, problems, io, lang, args, sections, rows)();
}

/** Where a value of the unit on the line at `start` is (JSON lines). */
function lineValueSpan(text: string, start: number | undefined, field: string, plan: Plan.Plan, file: string): Span | undefined {
  if (start === undefined) return undefined;
  const end = text.indexOf('\n', start);
  // The line as a list of one unit: its spans are one past where they are in the file.
  const at = jsonValueSpans(`[${text.slice(start, end < 0 ? undefined : end)}]`, plan)[0]?.values.get(field);
  return at && { start: start + at.start - 1, end: start + at.end - 1, file };
}

/** A problem with the file as a whole; a line that is not JSON with its number (for how far its text is read). */
function fileDiagnostic(p: FileProblem, file: string): Diagnostic & { line?: number } {
  return p.k === 'badCsv' ? dataFileDiagnostic(p, { start: 0, end: 0, file }) : { ...dataFileDiagnostic({ k: 'badJsonLine', line: p.line }, { start: p.at, end: p.at + 1, file }), line: p.line };
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
