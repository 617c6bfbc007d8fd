// Reading a data file, validating it against a scheme and scoring it (run, explain).
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { evaluate, rowsFromCsv, rowsFromJson, validateUnits, type Evaluation, type Lang, type Plan } from '@assess/core';
import { UsageError, type Args } from './args.js';
import { cannotRead, report, type Io } from './io.js';

/** Flags of the commands that read data. */
export const DATA_FLAGS = { values: ['lang', 'format', 'data', 'unit'], switches: ['no-color'] };

/** Read, validate and evaluate the data file; undefined (after printing every error) when it is wrong. */
export function scoreData(
  c: { plan: Plan.Plan; sources: Map<string, string> },
  dataFile: string,
  io: Io,
  lang: Lang,
  args: Args,
  trace?: (u: number) => boolean,
  tolerateEvalErrors = false,
): Evaluation | undefined {
  const ext = extname(dataFile).toLowerCase();
  if (ext !== '.json' && ext !== '.csv') throw new UsageError(`--data must be a .json or .csv file, not ${dataFile}`);
  let text: string;
  try {
    text = readFileSync(dataFile, 'utf8');
  } catch {
    cannotRead(io, lang, dataFile, 'data');
    return undefined;
  }
  const sources = new Map(c.sources);
  sources.set(dataFile, text);
  const read = ext === '.json' ? rowsFromJson(text, dataFile) : rowsFromCsv(text, dataFile, c.plan);
  const { table, diagnostics } = validateUnits(c.plan, read.rows, { file: dataFile, rowSpan: read.rowSpan });
  const problems = [...read.diagnostics, ...diagnostics];
  report(io, problems, sources, dataFile, lang, args);
  if (problems.some((d) => d.severity === 'error')) return undefined;
  const ev = evaluate(c.plan, table, { trace });
  if (ev.diagnostics.length > 0) {
    report(io, ev.diagnostics, sources, dataFile, lang, args);
    // `explain` still explains: the failure shows in the unit's steps.
    if (!tolerateEvalErrors) return undefined;
  }
  return ev;
}
