// Running the document's scheme on a data file, for an editor command: the results table, or
// the problems (of the scheme or of the data) as the terminal would print them.
import { evaluate, renderDiagnostics, resultsTable, rowsFromCsv, rowsFromJson, validateUnits, type Compiled, type Diagnostic, type Lang, type ResultsTable } from '@assess/core';

export type RunResult = { ok: true; scheme: string; table: ResultsTable; warnings: string } | { ok: false; problems: string };

export function runScheme(c: Compiled, dataText: string, dataName: string, lang: Lang): RunResult {
  if (!c.plan) return { ok: false, problems: render(c.diagnostics, c.sources, c.file, lang) };
  const plan = c.plan;
  const sources = new Map(c.sources).set(dataName, dataText);
  const read = /\.csv$/i.test(dataName) ? rowsFromCsv(dataText, dataName, plan) : rowsFromJson(dataText, dataName);
  const { table, diagnostics } = validateUnits(plan, read.rows, { file: dataName, rowSpan: read.rowSpan });
  const problems = [...read.diagnostics, ...diagnostics];
  if (problems.some((d) => d.severity === 'error')) return { ok: false, problems: render(problems, sources, dataName, lang) };
  const ev = evaluate(plan, table);
  if (ev.diagnostics.length > 0) return { ok: false, problems: render(ev.diagnostics, sources, dataName, lang) };
  return { ok: true, scheme: plan.name, table: resultsTable(plan, ev.units, lang), warnings: render(problems, sources, dataName, lang) };
}

function render(ds: Diagnostic[], sources: Map<string, string>, file: string, lang: Lang): string {
  return ds.length === 0 ? '' : renderDiagnostics(ds, sources, file, { lang, color: false });
}
