// Reading a data file, validating it against a scheme and scoring it (run, explain).
// CSV and JSON lines are read in chunks into a table (column by column); a .json file is one
// document. Every problem is reported with where its row is in the file.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { dataDiagnostics, dataFileDiagnostic, evaluate, rowsFromCsv, rowsFromJson, type Diagnostic, type Evaluation, type Lang, type Plan, type Span, type UnitTable } from '@assess/core';
import { TableBuilder } from '@assess/runtime';
import { UsageError, type Args } from './args.js';
import { cannotRead, report, type Io } from './io.js';
import { ProgressBar } from './progress.js';
import { fileSize, readCsv, readJsonLines, type FileProblem } from './read.js';

/** Flags of the commands that read data. */
export const DATA_FLAGS = { values: ['lang', 'format', 'data', 'unit'], switches: ['no-color'] };

export const DATA_EXTENSIONS = ['.json', '.jsonl', '.ndjson', '.csv'];

type Scheme = { plan: Plan.Plan; sources: Map<string, string> };

/** A validated table, or undefined after every problem was printed. */
export async function readData(c: Scheme, dataFile: string, io: Io, lang: Lang, args: Args): Promise<{ table: UnitTable; sources: Map<string, string> } | undefined> {
  const ext = extname(dataFile).toLowerCase();
  if (!DATA_EXTENSIONS.includes(ext)) throw new UsageError(`--data must be a .json, .jsonl or .csv file, not ${dataFile}`);
  let size: number;
  try {
    size = fileSize(dataFile);
  } catch {
    cannotRead(io, lang, dataFile, 'data');
    return undefined;
  }
  const sources = new Map(c.sources);
  const builder = new TableBuilder(c.plan);
  const bar = new ProgressBar(io, lang === 'zh' ? '读取数据' : 'reading data');
  const progress = (bytes: number) => bar.update(bytes, size);
  let diagnostics: Diagnostic[];
  let problemsOf: (fileProblems: Diagnostic[], text: () => string, rowSpan: (i: number, text: string) => Span) => Diagnostic[] = () => [];
  const finish = () => {
    const { table, problems } = builder.finish();
    problemsOf = (fileProblems, text, rowSpan) => {
      if (problems.length === 0) return fileProblems;
      let t: string | undefined;
      return [...fileProblems, ...dataDiagnostics(c.plan, problems, { file: dataFile, rowSpan: (i) => rowSpan(i, (t ??= text())) })];
    };
    return table;
  };
  let table: UnitTable;
  try {
    if (ext === '.json') {
      const text = readFileSync(dataFile, 'utf8');
      const read = rowsFromJson(text, dataFile);
      for (const row of read.rows) builder.addRecord(row);
      table = finish();
      diagnostics = problemsOf(read.diagnostics, () => text, read.rowSpan);
    } else if (ext === '.csv') {
      const read = await readCsv(dataFile, builder, progress);
      table = finish();
      // Where a row is, worked out from the text only when there is something to show.
      const text = () => readFileSync(dataFile, 'utf8');
      diagnostics = problemsOf(read.problems.map((p) => fileDiagnostic(p, dataFile)), text, (i, t) => rowsFromCsv(t, dataFile, c.plan).rowSpan(i));
    } else {
      const read = await readJsonLines(dataFile, builder, progress);
      table = finish();
      const starts = read.rowStarts ?? [];
      diagnostics = problemsOf(read.problems.map((p) => fileDiagnostic(p, dataFile)), () => readFileSync(dataFile, 'utf8'), (i) => ({
        start: starts[i] ?? 0,
        end: (starts[i] ?? 0) + 1,
        file: dataFile,
      }));
    }
  } catch {
    bar.stop();
    cannotRead(io, lang, dataFile, 'data');
    return undefined;
  }
  bar.stop();
  if (diagnostics.length > 0) sources.set(dataFile, readFileSync(dataFile, 'utf8'));
  report(io, diagnostics, sources, dataFile, lang, args);
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  return { table, sources };
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
