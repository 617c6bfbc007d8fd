// What the worker does, as plain functions of the scheme and the data (no worker API, so
// Node tests run it): the language service answers the editor, core validates and scores
// the data and words the results, @assess/sheets reads and writes workbooks. Results are
// core's `unitJson`, `resultsTable` and `explainUnit`, so they equal `assess run` and
// `assess explain`.
import {
  csvCell,
  dataDiagnostics,
  dataFileDiagnostic,
  Decimal,
  evaluate,
  expectedText,
  explainUnit,
  LineMap,
  problemField,
  ranked,
  resultsTable,
  rowsFromCsv,
  showScore,
  rowsFromJson,
  runExamples,
  unitJson,
  withFieldNames,
  type Diagnostic,
  type Evaluation,
  type Lang,
  type Plan,
  type Span,
  type UnitResult,
  type UnitTable,
} from '@assess/core';
import { LanguageService } from '@assess/language-service';
import { chartData } from '@assess/reports/charts';
import { validateRows, type Problem } from '@assess/runtime';
import { isRow, type Checked, type Completion, type DataProblem, type ExampleResult, type GridColumn, type Requests, type Results, type ResultsJson, type Row } from './protocol.js';

const URI = 'scheme.assess';
type CompletionItem = ReturnType<LanguageService['completion']>[number];

/** Where the rows came from, while they are as read (not edited in the grid). */
interface Source {
  name: string;
  /** A workbook's cell of a row's field. */
  cell?: (row: number, field: string) => string | undefined;
  /** A text file's text and where each row is in it. */
  text?: { map: LineMap; rowSpan: (i: number) => Span };
}

/** A scored cohort, kept for explanations and downloads. */
interface Scored {
  plan: Plan.Plan;
  table: UnitTable;
  evaluation: Evaluation;
}

export class Engine {
  private readonly service = new LanguageService({ lang: 'zh' });
  /** The plan of the last scheme without errors: data is read and scored with it. */
  private plan?: Plan.Plan;
  private source?: Source;
  private scored?: Scored;
  private rows: Row[] = [];

  get lang(): Lang {
    return this.service.lang;
  }

  setLang(lang: Lang): null {
    this.service.lang = lang;
    return null;
  }

  /** The scheme's new text; its plan, when it has no errors, is the one data is read and scored with. */
  scheme({ text }: Requests['scheme']['req']): Requests['scheme']['res'] {
    this.service.update(URI, text);
    const plan = this.service.compiled(URI)?.plan;
    if (!plan) return {};
    this.plan = plan;
    return { planKey: planKey(plan) };
  }

  check({ text, version }: Requests['check']['req']): Checked {
    const started = performance.now();
    const { planKey } = this.scheme({ text });
    const diagnostics = this.service.offsetDiagnostics(URI);
    const tokens = this.service.tokenClasses(URI);
    const out: Checked = { version, diagnostics, tokens, took: 0 };
    if (planKey !== undefined && this.plan) {
      out.planKey = planKey;
      out.columns = gridColumns(this.plan, this.lang);
      out.examples = examples(this.plan, this.lang);
    }
    out.took = performance.now() - started;
    return out;
  }

  completion({ offset }: Requests['completion']['req']): Completion[] {
    const items = this.service.completion(URI, this.service.positionAt(URI, offset));
    return items.map((c) => this.completionOf(c, offset));
  }

  hover({ offset }: Requests['hover']['req']): Requests['hover']['res'] {
    const h = this.service.hover(URI, this.service.positionAt(URI, offset));
    if (!h || typeof h.contents !== 'object' || !('value' in h.contents)) return null;
    const range = h.range ?? { start: this.service.positionAt(URI, offset), end: this.service.positionAt(URI, offset) };
    return { markdown: h.contents.value, from: this.service.offsetAt(URI, range.start), to: this.service.offsetAt(URI, range.end) };
  }

  async format(): Promise<Requests['format']['res']> {
    const edits = await this.service.format(URI);
    return edits.map((e) => ({ from: this.service.offsetAt(URI, e.range.start), to: this.service.offsetAt(URI, e.range.end), insert: e.newText }));
  }

  /** A data file's rows (JSON, CSV or a workbook), headers read as field names or labels; the next run scores them unless it is sent others. */
  async readData({ name, bytes }: Requests['readData']['req']): Promise<Requests['readData']['res']> {
    const plan = this.plan;
    // (The page opens data only once the scheme has been without errors.)
    if (!plan) throw new Error('no scheme without errors to read data with');
    if (/\.xlsx$/i.test(name)) {
      const { readWorkbook, workbookDiagnostic, WorkbookError, workbookSheets } = await import('./sheets.js');
      try {
        const read = await readWorkbook(plan, bytes, { file: name });
        this.source = { name, cell: read.cell };
        this.rows = read.rows;
        return { rows: read.rows, problems: read.diagnostics.map((d) => this.fileProblem(d, name)), sheets: await workbookSheets(bytes) };
      } catch (e) {
        if (!(e instanceof WorkbookError)) throw e;
        this.source = undefined;
        this.rows = [];
        return { rows: [], problems: [this.fileProblem(workbookDiagnostic(e, name), name)] };
      }
    }
    const text = new TextDecoder().decode(bytes);
    const read = /\.csv$/i.test(name) ? rowsFromCsv(text, name, plan) : rowsFromJson(text, name);
    this.source = { name, text: { map: new LineMap(text), rowSpan: read.rowSpan } };
    // The grid holds records: a unit that is not one (`null`, a number) is said where it is, and left out.
    const all = withFieldNames(plan, read.rows);
    const notRecords = all.flatMap((r, i) => (isRow(r) ? [] : [dataFileDiagnostic({ k: 'notRecord', row: i + 1 }, read.rowSpan(i))]));
    const rows = (this.rows = all.filter(isRow));
    return { rows, problems: [...read.diagnostics, ...notRecords].map((d) => this.fileProblem(d, name)) };
  }

  /** Validate the grid's rows (the last ones sent, when none are) and score them. `pristine`: the rows are as read from the last file. */
  run({ rows: sent, pristine }: Requests['run']['req']): Requests['run']['res'] {
    const plan = this.plan;
    const rows = (this.rows = sent ?? this.rows);
    this.scored = undefined;
    if (!plan) return { problems: [] };
    const source = pristine ? this.source : undefined;
    const { table, problems } = validateRows(plan, rows);
    const where = { file: source?.name ?? 'data', cell: source?.cell, rowSpan: source?.text?.rowSpan };
    const diagnostics = dataDiagnostics(plan, problems, where);
    const out = diagnostics.map((d, i) => this.dataProblem(d, problems[i], source));
    if (diagnostics.some((d) => d.severity === 'error')) return { problems: out };
    const evaluation = evaluate(plan, table);
    if (evaluation.diagnostics.length > 0) return { problems: [...out, ...evaluation.diagnostics.map((d) => this.fileProblem(d, where.file))] };
    this.scored = { plan, table, evaluation };
    return { problems: out, results: results(plan, evaluation.units, this.lang) };
  }

  /** One unit's explanation, as `assess explain` prints it. */
  explain({ unit }: Requests['explain']['req']): string | null {
    const s = this.scored;
    const i = s ? s.evaluation.ids.indexOf(unit) : -1;
    if (!s || i < 0) return null;
    return explainUnit(evaluate(s.plan, s.table, { trace: (u) => u === i }).unit(i), this.lang);
  }

  async template(): Promise<ArrayBuffer | null> {
    if (!this.plan) return null;
    const { templateWorkbook } = await import('./sheets.js');
    return bufferOf(await templateWorkbook(this.plan, { lang: this.lang }));
  }

  async resultsXlsx(): Promise<ArrayBuffer | null> {
    const s = this.scored;
    if (!s) return null;
    const { resultsWorkbook } = await import('./sheets.js');
    return bufferOf(await resultsWorkbook(s.plan, evaluate(s.plan, s.table, { trace: true }).units, { lang: this.lang }));
  }

  resultsCsv(): string | null {
    const s = this.scored;
    if (!s) return null;
    const t = resultsTable(s.plan, ranked(s.evaluation.units), this.lang);
    return [t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  resultsJson(): ResultsJson | null {
    const s = this.scored;
    return s ? { scheme: s.plan.name, total: s.plan.total, units: s.evaluation.units.map(unitJson) } : null;
  }

  private completionOf(c: CompletionItem, offset: number): Completion {
    const edit = c.textEdit && 'range' in c.textEdit ? c.textEdit : undefined;
    const from = edit ? this.service.offsetAt(URI, edit.range.start) : offset;
    const to = edit ? this.service.offsetAt(URI, edit.range.end) : offset;
    const text = edit?.newText ?? c.insertText ?? c.label;
    return { label: c.label, detail: c.detail, type: COMPLETION_TYPES[c.kind ?? 0] ?? 'text', from, to, text, snippet: c.insertTextFormat === 2 };
  }

  /** A problem of the file as a whole (or of scoring), placed where its span says. */
  private fileProblem(d: Diagnostic, name: string): DataProblem {
    return { code: d.code, severity: d.severity, message: d.message[this.lang], at: this.at(d, name) };
  }

  private dataProblem(d: Diagnostic, p: Problem, source: Source | undefined): DataProblem {
    const field = problemField(p);
    const key = field?.replace(/\[.*$/, '');
    return { code: d.code, severity: d.severity, message: d.message[this.lang], row: p.row, key, at: source ? this.at(d, source.name) : undefined };
  }

  /** `数据!D7` for a workbook's cell, `data.csv:3` for a line of a text file. */
  private at(d: Diagnostic, name: string): string | undefined {
    const file = d.span.file ?? name;
    if (file.startsWith(`${name} `)) return file.slice(name.length + 1);
    const map = this.source?.name === name ? this.source.text?.map : undefined;
    return map && d.span.end > 0 ? `${name}:${map.position(d.span.start).line}` : undefined;
  }
}

/** What a plan computes, whatever the offsets of its text: a comment or a blank line typed leaves it as it was. */
const planKey = (plan: Plan.Plan): string => JSON.stringify(plan, (k, v) => (k === 'span' || k === 'file' ? undefined : v));

const COMPLETION_TYPES: Record<number, string> = { 3: 'function', 5: 'property', 6: 'variable', 10: 'property', 12: 'constant', 14: 'keyword', 15: 'text', 20: 'enum', 21: 'constant' };

const bufferOf = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** The grid's columns: the id, the kind when there are several, then every field (by name; its label in the tooltip). */
export function gridColumns(plan: Plan.Plan, lang: Lang): GridColumn[] {
  const yesNo = lang === 'zh' ? ['是', '否'] : ['yes', 'no'];
  const idColumn: GridColumn = { key: 'id', header: lang === 'zh' ? '单位' : 'id', expects: lang === 'zh' ? '单位名称' : "the unit's id", list: false };
  const kind: GridColumn[] = plan.unitKinds.length > 1 ? [{ key: 'unit', header: lang === 'zh' ? '单位类型' : 'unit', expects: plan.unitKinds.join(' | '), list: false, choices: plan.unitKinds }] : [];
  const fields = plan.inputs.map((f): GridColumn => {
    const t = f.type;
    const choices = t.k === 'yesno' ? yesNo : t.k === 'enum' ? t.members : t.k === 'grade' ? plan.gradeLabels : undefined;
    const expects = [f.label, expectedText(t, plan.gradeLabels)[lang]].filter(Boolean).join(' · ');
    return { key: f.name, header: f.name, expects, list: t.k === 'list', ...(choices ? { choices } : {}) };
  });
  return [idColumn, ...kind, ...fields];
}

function examples(plan: Plan.Plan, lang: Lang): ExampleResult[] {
  return runExamples(plan).map((o) => ({ label: o.label, passed: o.passed, checked: o.checked, failures: o.failures.map((d) => d.message[lang]) }));
}

export function results(plan: Plan.Plan, units: readonly UnitResult[], lang: Lang): Results {
  const order = ranked(units);
  const table = resultsTable(plan, order, lang);
  return {
    scheme: plan.name,
    ...table,
    order: exactOrder(plan, order, table.numeric),
    items: itemColumns(order),
    chart: chartData(plan, order, lang),
  };
}

/**
 * The exact values behind the table's numeric columns, in its order (sections, top-level
 * items, bonus, penalty, total, place), so that sorting never reads a rounded `33.3…`.
 */
function exactValues(plan: Plan.Plan, r: UnitResult): (Decimal | null)[] {
  return [
    ...r.sections.map((s) => (s.notApplicable ? null : s.score)),
    ...r.items.filter((i) => i.section === undefined).map((i) => i.score),
    ...(plan.bonuses.length > 0 ? [r.bonus] : []),
    ...(plan.penalties.length > 0 ? [r.penalty.neg()] : []),
    r.eligible ? r.total : null,
    r.place === null ? null : Decimal.fromInt(r.place),
  ];
}

/** Per numeric column of the table, each row's rank by exact value. */
function exactOrder(plan: Plan.Plan, rows: readonly UnitResult[], numeric: boolean[]): (number[] | undefined)[] {
  const values = rows.map((r) => exactValues(plan, r));
  const columns = numeric.flatMap((n, j) => (n ? [j] : []));
  if (values.some((v) => v.length !== columns.length)) throw new Error('the results table and its exact values disagree');
  const out: (number[] | undefined)[] = numeric.map(() => undefined);
  columns.forEach((j, k) => (out[j] = ranks(values.map((v) => v[k]))));
  return out;
}

/** Each value's rank (ties share one; no value sorts last). */
function ranks(values: (Decimal | null)[]): number[] {
  const cmp = (a: Decimal | null, b: Decimal | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.cmp(b));
  const sorted = values.map((_, i) => i).sort((a, b) => cmp(values[a], values[b]));
  const rank = new Array<number>(values.length);
  sorted.forEach((i, p) => (rank[i] = p > 0 && cmp(values[sorted[p - 1]], values[i]) === 0 ? rank[sorted[p - 1]] : p));
  return rank;
}

/** The items inside sections (the table shows sections and top-level items), each unit's score as `assess run --format csv` shows it. */
function itemColumns(order: readonly UnitResult[]): Results['items'] {
  const inSections = (r: UnitResult) => r.items.filter((i) => i.section !== undefined);
  const header = order.length > 0 ? inSections(order[0]).map((i) => i.label) : [];
  const scores = order.map((r) => inSections(r));
  return {
    header,
    cells: scores.map((items) => items.map((i) => (i.notApplicable ? 'n/a' : showScore(i.score)))),
    order: header.map((_, k) => ranks(scores.map((items) => (items[k]?.notApplicable ? null : (items[k]?.score ?? null))))),
  };
}
