// `assess run`'s work, once its arguments are read and the threads of a run in parts started
// (commands/run.ts): the scheme compiled; the data read in chunks into a table, scored with the
// scheme compiled to JavaScript, and the results written as they are made: the table and the
// CSV from the scoring's columns (no object per unit), JSON one unit's result object at a time;
// a large CSV or JSON-lines file is read and scored in parts on several threads (parts.ts). A
// results workbook (@assess/sheets: the ranked table and every unit's explanation) is made from
// the interpreter's results with their traces, and written as it is made, to -o (or to a pipe,
// never a terminal).
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { givenInParts, scoredInParts, type Diagnostic, type Lang, type Plan, type UnitTable } from '@assess/core';
import type { Args } from './args.js';
import { LineBytes, stringLines, writeLines } from './bytes.js';
import { readData, reportPartsProblems, scoreData } from './data.js';
import { EXIT, said, temporaryFor, type Io } from './io.js';
import { Output } from './output.js';
import type { Parts } from './parts.js';
import { ProgressBar } from './progress.js';
import { csvLines, jsonLines, textLines } from './results.js';
import { report, schemeOrReport } from './scheme.js';
import { scorer, scorerSource } from './scorer.js';

export interface Run {
  /** The scheme. */
  file: string;
  /** The data file. */
  data: string;
  args: Args;
  lang: Lang;
  format: 'table' | 'json' | 'csv' | 'xlsx';
  /** Where a results workbook goes (-o; undefined: standard output). */
  target?: string;
  /** The threads of a run in parts, started. */
  parts?: Parts;
  /** When the run began (Date.now()). */
  started: number;
}

export async function runScheme({ file, data, args, lang, format, target, parts, started }: Run, io: Io): Promise<number> {
  const c = schemeOrReport(file, io, lang, args);
  if (!c) {
    parts?.stop();
    return EXIT.userError;
  }
  if (format === 'xlsx') return writeResultsWorkbook(c, args, io, lang, target, started);
  if (parts) {
    // The parts' threads are given the scheme compiled to JavaScript (none where it compares units in a way parts cannot be given).
    const inParts = scoredInParts(c.plan) ? { scorer: scorerSource(c.plan), given: givenInParts(c.plan) } : undefined;
    const done = await parts.run(c.plan, file, inParts, io, lang, started, (problems, sections, rows) => reportPartsProblems(c, data, problems, sections, rows, io, lang, args));
    if (done !== undefined) return done;
  }
  // The data's warnings once the results are written (as a run in parts says them), the units
  // no longer held (pointing into a large file reads its text).
  let read = await readData(c, data, io, lang, args, { warningsLater: true });
  if (!read) return EXIT.userError;
  const { warnings } = read;
  const writing = scoreAndWrite({ file, data, args, lang, format, started }, c.plan, read, io);
  read = undefined;
  const code = await writing;
  if (code === EXIT.ok) warnings?.();
  return code;
}

/** The units scored and their results written; scores that fail are reported, after the data's warnings (said here then). */
async function scoreAndWrite({ file, data, args, lang, format, started }: Omit<Run, 'parts' | 'target'>, plan: Plan.Plan, read: { table: UnitTable; sources: Map<string, string>; warnings?: () => void }, io: Io): Promise<number> {
  const scoring = scorer(plan).scoreTable(read.table);
  if (scoring.diagnostics.length > 0) {
    read.warnings?.();
    report(io, scoring.diagnostics as Diagnostic[], read.sources, data, lang, args);
    return EXIT.userError;
  }
  const out = new Output(io);
  const bar = new ProgressBar(io, lang === 'zh' ? '写出结果' : 'writing results', started);
  const w = new LineBytes();
  const lines = format === 'csv' ? csvLines(plan, scoring, w) : stringLines(format === 'json' ? jsonLines(plan, scoring) : textLines(plan, scoring, file, lang), w);
  // About one line per unit (a table has its header twice over).
  let written = 0;
  await writeLines(lines, w, async (bytes, count) => {
    await out.bytes(bytes);
    bar.update(Math.min((written += count), scoring.n), scoring.n);
  });
  bar.stop();
  return EXIT.ok;
}

/**
 * The ranked results and every unit's explanation as a workbook, written as it is made (its
 * rows let go of once written): to -o through a temporary file renamed once whole, or to standard
 * output (a pipe).
 */
async function writeResultsWorkbook(c: Parameters<typeof scoreData>[0], args: Args, io: Io, lang: Lang, out: string | undefined, started: number): Promise<number> {
  const ev = await scoreData(c, args.values.data, io, lang, args, () => true);
  if (!ev || ev.diagnostics.some((d) => d.severity === 'error')) return EXIT.userError;
  const { streamResultsWorkbook } = await import('@assess/sheets');
  const bar = new ProgressBar(io, lang === 'zh' ? '写出结果' : 'writing results', started);
  const options = { lang, progress: (done: number, of: number) => bar.update(done, of) };
  if (out === undefined) {
    const output = new Output(io);
    await streamResultsWorkbook(c.plan, ev, new Writable({ write: (chunk: Buffer, _, done) => void output.bytes(chunk).then(() => done(), done) }), options);
    bar.stop();
    return EXIT.ok;
  }
  const tmp = temporaryFor(out);
  try {
    await streamResultsWorkbook(c.plan, ev, createWriteStream(tmp), options);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    bar.stop();
  }
  said(io, lang, out);
  return EXIT.ok;
}
