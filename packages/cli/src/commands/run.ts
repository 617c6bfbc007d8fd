// `assess run FILE --data DATA [--format table|json|csv|xlsx] [-o OUT]`: every unit's scores.
// The data is read in chunks into a table, scored with the scheme compiled to JavaScript,
// and the results written as they are made: the table and the CSV from the scoring's columns
// (no object per unit), JSON one unit's result object at a time; a large CSV or JSON-lines
// file is read and scored in parts on several threads (parts.ts). A results workbook
// (@assess/sheets: the ranked table and every unit's explanation) is made whole, from the
// interpreter's results with their traces, and written to -o (or to a pipe, never a terminal).
import type { Diagnostic, Lang } from '@assess/core';
import { parseArgs, shortOut, UsageError, xlsxOut, type Args } from '../args.js';
import { LineBytes, stringLines, writeLines } from '../bytes.js';
import { DATA_FLAGS, readData, scoreData } from '../data.js';
import { chooseLang, EXIT, formatFlag, report, schemeOrReport, writeOut, type Command, type Io } from '../io.js';
import { Output } from '../output.js';
import { jobsFlag, startParts } from '../parts.js';
import { ProgressBar } from '../progress.js';
import { csvLines, jsonLines, textLines } from '../results.js';
import { scorer } from '../scorer.js';

export const run: Command = async (argv, io) => {
  const started = Date.now();
  const args = parseArgs(shortOut(argv), { ...DATA_FLAGS, values: [...DATA_FLAGS.values, 'out', 'jobs'] });
  const lang = chooseLang(args, io.env);
  const format = formatFlag(args, ['table', 'json', 'csv', 'xlsx']);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('assess run needs one scheme FILE');
  if (!args.values.data) throw new UsageError('assess run needs --data FILE.json|FILE.jsonl|FILE.csv|FILE.xlsx');
  if (format !== 'xlsx' && args.values.out !== undefined) throw new UsageError('-o is for --format xlsx (other formats go to standard output)');
  // Where a workbook goes is settled before anything is read.
  const target = format === 'xlsx' ? workbookTarget(args, io) : undefined;
  const jobs = jobsFlag(args.values.jobs);
  // The threads of a run in parts start while the scheme is read.
  const parts = startParts(args.values.data, format, jobs);
  const c = schemeOrReport(file, io, lang, args);
  if (!c) {
    parts?.stop();
    return EXIT.userError;
  }
  if (format === 'xlsx') return writeResultsWorkbook(c, args, io, lang, target);
  const done = await parts?.run(c.plan, io, lang, started);
  if (done !== undefined) return done;
  const data = await readData(c, args.values.data, io, lang, args);
  if (!data) return EXIT.userError;
  const scoring = scorer(c.plan).scoreTable(data.table);
  if (scoring.diagnostics.length > 0) {
    report(io, scoring.diagnostics as Diagnostic[], data.sources, args.values.data, lang, args);
    return EXIT.userError;
  }
  const out = new Output(io);
  const bar = new ProgressBar(io, lang === 'zh' ? '写出结果' : 'writing results', started);
  const w = new LineBytes();
  const lines = format === 'csv' ? csvLines(c.plan, scoring, w) : stringLines(format === 'json' ? jsonLines(c.plan, scoring) : textLines(c.plan, scoring, file, lang), w);
  // About one line per unit (a table has its header twice over).
  let written = 0;
  await writeLines(lines, w, async (bytes, count) => {
    await out.bytes(bytes);
    bar.update(Math.min((written += count), scoring.n), scoring.n);
  });
  bar.stop();
  return EXIT.ok;
};

/** Where a results workbook goes: -o, else standard output when it is not a terminal. */
function workbookTarget(args: Args, io: Io): string | undefined {
  const out = args.values.out;
  if (out === undefined && io.stdout.isTTY) throw new UsageError('--format xlsx writes a workbook: name it with -o OUT.xlsx (or pipe the output)');
  xlsxOut(out);
  return out;
}

/** The ranked results and every unit's explanation as a workbook. */
async function writeResultsWorkbook(c: Parameters<typeof scoreData>[0], args: Args, io: Io, lang: Lang, out: string | undefined): Promise<number> {
  const ev = await scoreData(c, args.values.data, io, lang, args, () => true);
  if (!ev || ev.diagnostics.some((d) => d.severity === 'error')) return EXIT.userError;
  const { resultsWorkbook } = await import('@assess/sheets');
  const bytes = await resultsWorkbook(c.plan, ev.units, { lang });
  if (out === undefined) {
    io.stdout.write(bytes);
    return EXIT.ok;
  }
  writeOut(io, lang, out, bytes);
  return EXIT.ok;
}
