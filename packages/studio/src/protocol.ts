// The messages between the page and its workers. The page asks; a worker (the language
// service, the interpreter, the spreadsheet reader) answers each request once, by its id.
// Everything here is plain data (structured-clone safe). Two workers run the same script:
// one answers the editor, the other reads and scores data, so that typing never waits for a
// large cohort's scoring.
import type { Lang, UnitJson } from '@assess/core';
import type { ClassifiedToken, OffsetDiagnostic, OffsetEdit } from '@assess/language-service';
import type { Chart } from '@assess/reports/charts';

/** What the results' charts draw: one module for the report and the studio. */
export type { Chart };

/** A unit's row as the grid holds it: `id`, `unit`, field names; a list field holds its entries. */
export type Row = Record<string, unknown>;

/** Whether a value read (from a file, a link, the browser's storage) can be a row: a record. */
export const isRow = (r: unknown): r is Row => typeof r === 'object' && r !== null && !Array.isArray(r);

/** A column of the data grid: a field of the scheme (or the id). */
export interface GridColumn {
  key: string;
  header: string;
  /** What it expects, in words (the validator's words). */
  expects: string;
  list: boolean;
  /** Choices offered for it (yes/no, an enum, grades). */
  choices?: string[];
}

/** A problem with the data, at a grid cell (row, field key) when it is about one. */
export interface DataProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  row?: number;
  key?: string;
  /** Where it is in the file it was read from (`数据!D7` in a workbook, `data.csv:3` in text). */
  at?: string;
}

export interface Results {
  scheme: string;
  /** The results table in place order (core's resultsTable). */
  header: string[];
  numeric: boolean[];
  rows: string[][];
  /** Per column, each row's rank by the exact value (numeric columns), for sorting. */
  order: (number[] | undefined)[];
  /** The items inside sections, shown on demand: their labels, each row's scores, and ranks as `order`. */
  items: { header: string[]; cells: string[][]; order: number[][] };
  chart: Chart;
}

export interface ResultsJson {
  scheme: string;
  total: string;
  units: UnitJson[];
}


export interface ExampleResult {
  label: string;
  passed: boolean;
  checked: number;
  failures: string[];
}

/** What the scheme's editor gets after each change. */
export interface Checked {
  version: number;
  diagnostics: OffsetDiagnostic[];
  tokens: ClassifiedToken[];
  /** What the plan computes, when the scheme has no errors: data needs scoring again only when it changes. */
  planKey?: string;
  /** The grid's columns when the scheme has no errors (else the last good ones stay). */
  columns?: GridColumn[];
  examples?: ExampleResult[];
  /** Milliseconds the worker took to check. */
  took: number;
}

export interface Completion {
  label: string;
  detail?: string;
  type: string;
  from: number;
  to: number;
  /** An LSP snippet (`${1:x}`) when `snippet` is set. */
  text: string;
  snippet: boolean;
}

export interface Requests {
  setLang: { req: { lang: Lang }; res: null };
  /** Load what is otherwise loaded on first use (workbooks), so that the page works offline from now on. */
  preload: { req: null; res: null };
  /** The scheme's text (the data worker's: it reads and scores data with its plan). */
  scheme: { req: { text: string }; res: { planKey?: string } };
  check: { req: { text: string; version: number }; res: Checked };
  completion: { req: { offset: number }; res: Completion[] };
  hover: { req: { offset: number }; res: { markdown: string; from: number; to: number } | null };
  format: { req: null; res: OffsetEdit[] };
  readData: { req: { name: string; bytes: ArrayBuffer }; res: { rows: Row[]; problems: DataProblem[]; sheets?: string[] } };
  /** `rows` only when they changed since the last run. */
  run: { req: { rows?: Row[]; pristine: boolean }; res: { problems: DataProblem[]; results?: Results } };
  explain: { req: { unit: string }; res: string | null };
  template: { req: null; res: ArrayBuffer | null };
  resultsXlsx: { req: null; res: ArrayBuffer | null };
  resultsCsv: { req: null; res: string | null };
  /** What `assess run --format json` prints (units in data order). */
  resultsJson: { req: null; res: ResultsJson | null };
}

export type Kind = keyof Requests;
export type Request = { [K in Kind]: { id: number; kind: K; req: Requests[K]['req'] } }[Kind];
export type Response = { id: number; ok: true; res: unknown } | { id: number; ok: false; error: string };
