// An empty data-entry workbook for a scheme: the data sheet (the unit's id, its kind when the
// scheme has several, then one column per field headed by its label), one sheet per list
// field (one entry per row, keyed by the unit), a sheet that explains every column, and the
// choices the drop-downs offer. Every column checks what is typed into it (drop-downs for
// choices and yes/no, whole numbers, ranges); its header (labels, names underneath) stays in
// view and cannot be changed by mistake.
import { expectedText, fieldHeader, type Lang, type Plan } from '@assess/core';
import type { DataValidation } from 'exceljs';
import { freeSheetName, newWorkbook, LINE_HEIGHT, printable, workbookBytes, columnLetter, wrappedLines, type Workbook, type Worksheet } from './book.js';
import { WORDS } from './words.js';

type Field = Plan.Field;

export interface TemplateOptions {
  lang?: Lang;
  /** Rows that get the checks of their column (default 1000). */
  rows?: number;
}

/** A column of a template sheet: its header, what it expects in words, and its check. */
interface TemplateColumn {
  header: string;
  name: string;
  expects: string;
  required: boolean;
  validation?: DataValidation;
  width: number;
}

/** The bytes of an empty data-entry workbook (.xlsx) for the scheme. */
export async function templateWorkbook(plan: Plan.Plan, options: TemplateOptions = {}): Promise<Uint8Array> {
  return workbookBytes(buildTemplate(plan, options));
}

export function buildTemplate(plan: Plan.Plan, options: TemplateOptions = {}): Workbook {
  const lang = options.lang ?? 'zh';
  const rows = options.rows ?? 1000;
  const w = WORDS[lang];
  const book = newWorkbook();
  const data = book.addWorksheet(w.data);
  const fieldsSheet = book.addWorksheet(w.fields);
  const choices = new Choices(book, w.choices);
  const scalar = plan.inputs.filter((f) => f.type.k !== 'list');
  const unitColumns: TemplateColumn[] = [{ header: w.id, name: 'id', expects: w.unitId, required: true, width: 16 }];
  if (plan.unitKinds.length > 1) unitColumns.push({ header: w.kind, name: 'unit', expects: w.unitKind, required: true, width: 12, validation: choices.list(plan.unitKinds) });
  const columns = [...unitColumns, ...scalar.map((f) => fieldColumn(plan, f, lang, choices))];
  fillSheet(data, columns, rows);
  const explained = columns.map((c) => [c.header, c.name, c.expects, c.required ? w.required : w.optional, data.name]);
  for (const f of plan.inputs) {
    if (f.type.k !== 'list') continue;
    const sheet = book.addWorksheet(freeSheetName(book, fieldHeader(f)));
    const entryColumns = [{ ...unitColumns[0], expects: w.entryUnit }, ...f.type.fields.map((e) => fieldColumn(plan, e, lang, choices))];
    fillSheet(sheet, entryColumns, rows);
    explained.push([fieldHeader(f), f.name, w.listNote(sheet.name), f.optional ? w.optional : w.required, data.name]);
    for (const c of entryColumns.slice(1)) explained.push([c.header, `${f.name}.${c.name}`, c.expects, c.required ? w.required : w.optional, sheet.name]);
  }
  fillExplanation(fieldsSheet, w.fieldHeaders, explained);
  choices.finish();
  return book;
}

/** The widest column (characters); a longer label wraps onto more lines. */
const WIDEST = 22;

function fieldColumn(plan: Plan.Plan, f: Field, lang: Lang, choices: Choices): TemplateColumn {
  const expects = expectedText(f.type, plan.gradeLabels)[lang];
  const header = fieldHeader(f);
  const validation = check(plan, f, lang, choices);
  if (validation) Object.assign(validation, { promptTitle: header.slice(0, 32), prompt: expects.slice(0, 255), showInputMessage: true, errorTitle: header.slice(0, 32), error: `${WORDS[lang].invalid}：${expects}`.slice(0, 255), showErrorMessage: true });
  return { header, name: f.name, expects, required: !f.optional, validation, width: Math.min(WIDEST, Math.max(10, [...header].length * 2 + 2)) };
}

/** What a column of this field accepts, as Excel checks it. */
function check(plan: Plan.Plan, f: Field, lang: Lang, choices: Choices): DataValidation | undefined {
  const t = f.type;
  const allowBlank = f.optional;
  switch (t.k) {
    case 'yesno':
      return choices.list([WORDS[lang].yes, WORDS[lang].no], allowBlank);
    case 'enum':
      return choices.list(t.members, allowBlank);
    case 'grade':
      return choices.list(plan.gradeLabels, allowBlank);
    case 'count':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank };
    case 'integer':
    case 'number': {
      const type = t.k === 'integer' ? 'whole' : 'decimal';
      if (!t.range) return t.k === 'integer' ? { type, operator: 'between', formulae: [-1e15, 1e15], allowBlank } : undefined;
      return { type, operator: 'between', formulae: [Number(t.range.low), Number(t.range.high)], allowBlank };
    }
    default:
      // Percentages may be typed as 85 or 85%, text is free, lists have their own sheet.
      return undefined;
  }
}

/** The rows a template's header takes: the labels, and the field names underneath. */
export const HEADER_ROWS = 2;

/**
 * A sheet of columns: the labels in bold with each field's name underneath, both rows kept in
 * view and locked (the sheet is protected without a password: the cells below stay editable,
 * rows may be added, sorted and filtered), and each column's check on `rows` rows.
 */
function fillSheet(sheet: Worksheet, columns: TemplateColumn[], rows: number) {
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.name, width: c.width }));
  const names = sheet.getRow(HEADER_ROWS);
  names.values = columns.map((c) => c.name);
  // A column's style is what its empty cells have: unlocked; then the header's cells locked.
  columns.forEach((_, j) => (sheet.getColumn(j + 1).protection = { locked: false }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  // Spreadsheet programs do not size a row to its wrapped text by themselves.
  sheet.getRow(1).height = LINE_HEIGHT * Math.max(...columns.map((c) => wrappedLines(c.header, c.width)));
  names.font = { italic: true, color: { argb: 'FF808080' } };
  for (const r of [1, HEADER_ROWS]) sheet.getRow(r).eachCell((cell) => (cell.protection = { locked: true }));
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROWS }];
  printable(sheet, HEADER_ROWS);
  void sheet.protect('', { formatColumns: true, formatRows: true, insertRows: true, deleteRows: true, sort: true, autoFilter: true });
  columns.forEach((c, j) => {
    if (!c.validation) return;
    const letter = columnLetter(j + 1);
    validations(sheet).add(`${letter}${HEADER_ROWS + 1}:${letter}${rows + HEADER_ROWS}`, c.validation);
  });
}

/** A sheet's checks by range (exceljs has them, its types do not say so). */
const validations = (sheet: Worksheet) => (sheet as Worksheet & { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;

function fillExplanation(sheet: Worksheet, header: string[], rows: string[][]) {
  sheet.columns = header.map((h, j) => ({ header: h, width: [24, 20, 50, 12, 16][j] }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  printable(sheet, 1);
  sheet.addRows(rows);
  for (const c of [1, 3]) sheet.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The choices of drop-downs. A short list is written into the check itself; a long one (Excel
 * allows 255 characters) goes on the hidden choices sheet, one column per list.
 */
class Choices {
  private sheet?: Worksheet;
  private used = 0;
  constructor(
    private readonly book: Workbook,
    private readonly name: string,
  ) {}

  list(values: readonly string[], allowBlank = false): DataValidation {
    const inline = values.join(',');
    if (inline.length <= 250 && !values.some((v) => /[",]/.test(v))) return { type: 'list', formulae: [`"${inline}"`], allowBlank };
    this.sheet ??= this.book.addWorksheet(freeSheetName(this.book, this.name));
    const column = ++this.used;
    values.forEach((v, i) => (this.sheet!.getCell(i + 1, column).value = v));
    const letter = columnLetter(column);
    const quoted = `'${this.sheet.name.replace(/'/g, "''")}'`;
    return { type: 'list', formulae: [`${quoted}!$${letter}$1:$${letter}$${values.length}`], allowBlank };
  }

  finish() {
    if (this.sheet) this.sheet.state = 'hidden';
  }
}
