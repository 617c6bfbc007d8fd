// Pass 5a: submitted data → validated unit table.
//
// The input block becomes a zod schema (exported, and as JSON Schema). Every bad value is
// reported with the unit's id, the field and what was expected, before anything is scored.
// Data is untrusted: records are rebuilt with only the declared keys on null-prototype
// objects, so `__proto__` or `constructor` keys change nothing.
import { z } from 'zod';
import type * as A from './ast.js';
import type { CheckedScheme, FieldInfo } from './checked.js';
import { Decimal } from './decimal.js';
import { numberValue } from './ast-builder.js';
import { diag, type Diagnostic, type Span } from './diagnostics.js';

/** A value of one field of one unit. `undefined` is "not submitted". */
export type Value = Decimal | boolean | string | Rec[] | undefined;
/** One entry of a list field (null prototype, declared keys only). */
export type Rec = { [field: string]: Value };

/** Validated data, column by column: `columns.get(field)[i]` is unit i's value. */
export interface UnitTable {
  n: number;
  ids: string[];
  /** Each unit's kind, when the scheme declares several. */
  kinds: (string | undefined)[];
  columns: Map<string, Value[]>;
}

/** Limits on untrusted data. */
export const DATA_LIMITS = { maxUnits: 5_000_000, maxListEntries: 10_000, maxTextLength: 10_000 };

// ── values ──────────────────────────────────────────────────────────
const YES = new Set(['yes', 'true', '1', '是', 'y', '√']);
const NO = new Set(['no', 'false', '0', '否', 'n', '×', '']);

function toDecimal(v: unknown): Decimal | undefined {
  if (typeof v === 'number') return Decimal.fromNumber(v);
  if (typeof v === 'string') {
    const t = v.trim().replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?(万|亿)?%?$/.test(t)) return undefined;
    return Decimal.parse(numberValue(t));
  }
  return undefined;
}

function toPercent(v: unknown): Decimal | undefined {
  if (typeof v === 'string' && v.trim().endsWith('%')) {
    const d = toDecimal(v.trim().slice(0, -1));
    return d?.div(Decimal.HUNDRED);
  }
  return toDecimal(v)?.div(Decimal.HUNDRED);
}

/** What a field expects, in both languages, for messages. */
export function expectedText(t: A.TypeExpr, grades: string[]): { en: string; zh: string } {
  switch (t.kind) {
    case 'YesNoType':
      return { en: 'yes or no', zh: '是或否' };
    case 'CountType':
      return { en: 'a whole number, 0 or more', zh: '不小于 0 的整数' };
    case 'IntegerType':
    case 'NumberType': {
      const what = t.kind === 'IntegerType' ? { en: 'a whole number', zh: '整数' } : { en: 'a number', zh: '数值' };
      if (!t.range) return what;
      return { en: `${what.en} from ${t.range.low.text} to ${t.range.high.text}`, zh: `${t.range.low.text} 到 ${t.range.high.text} 之间的${what.zh}` };
    }
    case 'PercentType':
      return { en: 'a percentage such as 85 or "85%"', zh: '百分比，如 85 或 "85%"' };
    case 'TextType':
      return { en: 'text', zh: '文本' };
    case 'GradeType':
      return { en: `one of the grades ${grades.join(', ')}`, zh: `等级之一：${grades.join('、')}` };
    case 'EnumType': {
      const m = t.members.map((x) => x.name);
      return { en: `one of ${m.join(', ')}`, zh: `以下之一：${m.join('、')}` };
    }
    case 'ListType':
      return { en: 'a list of records', zh: '记录列表' };
  }
}

/** A field of a list entry as validation sees it: its declaration is all that matters. */
function declaredField(sub: A.Field): FieldInfo {
  return { name: sub.name.name, type: { k: 'error' }, decl: sub.type, optional: sub.optional, span: sub.span };
}

/** The zod schema of one field's value (after it is known to be present). */
function fieldSchema(t: A.TypeExpr, grades: string[]): z.ZodType<Value> {
  const fail = (ctx: z.RefinementCtx<unknown>) => {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  };
  switch (t.kind) {
    case 'YesNoType':
      return z.union([z.boolean(), z.number(), z.string()]).transform((v, ctx) => {
        if (typeof v === 'boolean') return v;
        const s = String(v).trim().toLowerCase();
        if (YES.has(s)) return true;
        if (NO.has(s) && s !== '') return false;
        return fail(ctx);
      }) as z.ZodType<Value>;
    case 'CountType':
    case 'IntegerType':
    case 'NumberType': {
      const lo = t.kind === 'CountType' ? Decimal.ZERO : t.range ? Decimal.parse(t.range.low.value) : undefined;
      const hi = t.kind !== 'CountType' && t.range ? Decimal.parse(t.range.high.value) : undefined;
      const int = t.kind !== 'NumberType';
      return z.union([z.number(), z.string()]).transform((v, ctx) => {
        const d = toDecimal(v);
        if (!d || (int && !d.isInteger()) || (lo && d.lt(lo)) || (hi && d.gt(hi))) return fail(ctx);
        return d;
      }) as z.ZodType<Value>;
    }
    case 'PercentType':
      return z.union([z.number(), z.string()]).transform((v, ctx) => toPercent(v) ?? fail(ctx)) as z.ZodType<Value>;
    case 'TextType':
      return z.union([z.string().max(DATA_LIMITS.maxTextLength), z.number().transform(String)]) as z.ZodType<Value>;
    case 'GradeType':
      return z.string().refine((s) => grades.includes(s)) as z.ZodType<Value>;
    case 'EnumType': {
      const members = t.members.map((m) => m.name);
      return z.string().refine((s) => members.includes(s.trim())).transform((s) => s.trim()) as z.ZodType<Value>;
    }
    case 'ListType':
      return z.array(z.unknown()).max(DATA_LIMITS.maxListEntries) as z.ZodType<Value>;
  }
}

/**
 * The zod schema of one unit's record: `id` (text), `unit` (its kind, when the scheme has
 * several) and the inputs. Exported for embedding; JSON Schema via `inputJsonSchema`.
 */
export function inputSchema(scheme: CheckedScheme): z.ZodObject {
  const shape: Record<string, z.ZodType> = { id: z.union([z.string().min(1), z.number()]) };
  if (scheme.unitKinds.length > 1) shape.unit = z.enum(scheme.unitKinds as [string, ...string[]]);
  for (const f of scheme.inputs) shape[f.name] = fieldShape(f, scheme.gradeLabels);
  return z.object(shape);
}

function fieldShape(f: FieldInfo, grades: string[]): z.ZodType {
  let s: z.ZodType;
  if (f.decl.kind === 'ListType') {
    const inner: Record<string, z.ZodType> = {};
    for (const sub of f.decl.fields) inner[sub.name.name] = fieldShape(declaredField(sub), grades);
    s = z.array(z.object(inner)).max(DATA_LIMITS.maxListEntries);
  } else s = fieldSchema(f.decl, grades);
  s = s.describe(f.label ?? f.name);
  return f.optional ? s.optional() : s;
}

/** The input schema as JSON Schema (what a data file must look like). */
export function inputJsonSchema(scheme: CheckedScheme): Record<string, unknown> {
  const unit = inputSchema(scheme);
  const file = z.object({ units: z.array(unit) });
  return z.toJSONSchema(file, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

// ── validation ──────────────────────────────────────────────────────
interface Where {
  file: string;
  /** Offset of a unit's row in the data file, when known. */
  rowSpan?: (i: number) => Span;
}

function describeFound(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a record';
  return String(v);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isAbsent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Rows of data (from JSON or CSV) → a validated table. Every problem is reported; a unit
 * with an error is never silently dropped: the table is only usable when there are no errors.
 */
export function validateUnits(scheme: CheckedScheme, rows: unknown[], where: Where): { table: UnitTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const grades = scheme.gradeLabels;
  const n = rows.length;
  const table: UnitTable = { n, ids: new Array(n), kinds: new Array(n), columns: new Map() };
  const fields = scheme.inputs;
  const validators = fields.map((f) => fieldValidator(f, grades));
  const columns = fields.map((f) => {
    const col: Value[] = new Array(n);
    table.columns.set(f.name, col);
    return col;
  });
  const known = new Set(['id', 'unit', ...fields.map((f) => f.name)]);
  const seen = new Map<string, number>();
  const unknownReported = new Set<string>();
  const spanOf = (i: number): Span => where.rowSpan?.(i) ?? { start: 0, end: 0, file: where.file };
  if (n > DATA_LIMITS.maxUnits) {
    diagnostics.push(diag('E0507', spanOf(0), { count: n, limit: DATA_LIMITS.maxUnits }));
    return { table: { ...table, n: 0, ids: [], kinds: [] }, diagnostics };
  }

  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const rowName = `#${i + 1}`;
    if (!isPlainObject(row)) {
      diagnostics.push(diag('E0505', spanOf(i), { what: `unit ${rowName} is not a record`, whatZh: `第 ${i + 1} 个单位不是记录` }));
      continue;
    }
    const rawId = own(row, 'id') ? row.id : undefined;
    const id = typeof rawId === 'string' ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : '';
    if (!id) diagnostics.push(diag('E0504', spanOf(i), { row: rowName }));
    const unitName = id || rowName;
    if (id) {
      if (seen.has(id)) diagnostics.push(diag('E0503', spanOf(i), { id, first: `#${seen.get(id)! + 1}`, row: rowName }));
      else seen.set(id, i);
    }
    table.ids[i] = unitName;
    if (scheme.unitKinds.length > 1) {
      const k = own(row, 'unit') ? row.unit : undefined;
      if (typeof k !== 'string' || !scheme.unitKinds.includes(k.trim()))
        diagnostics.push(diag('E0501', spanOf(i), { unit: unitName, field: 'unit', expected: `one of ${scheme.unitKinds.join(', ')}`, expectedZh: `以下之一：${scheme.unitKinds.join('、')}`, found: describeFound(k) }));
      else table.kinds[i] = k.trim();
    } else table.kinds[i] = scheme.unitKinds[0];
    for (const k of Object.keys(row)) {
      if (!known.has(k) && !unknownReported.has(k)) {
        unknownReported.add(k);
        diagnostics.push(diag('W0501', spanOf(i), { field: k, unit: unitName }));
      }
    }
    // Where the row is, only worked out if one of its values is wrong.
    const where = () => spanOf(i);
    for (let j = 0; j < validators.length; j++) {
      const name = validators[j].info.name;
      columns[j][i] = validateValue(validators[j], own(row, name) ? row[name] : undefined, unitName, where, grades, diagnostics);
    }
  }
  return { table, diagnostics };
}

/** How to validate one field: its zod schema, built once, and for a list its entries' fields. */
interface FieldValidator {
  info: FieldInfo;
  schema: z.ZodType<Value>;
  entries?: { validators: FieldValidator[]; make: () => Rec };
}

function fieldValidator(info: FieldInfo, grades: string[]): FieldValidator {
  const v: FieldValidator = { info, schema: fieldSchema(info.decl, grades) };
  if (info.decl.kind === 'ListType') {
    const validators = info.decl.fields.map((sub) => fieldValidator(declaredField(sub), grades));
    v.entries = { validators, make: recordMaker(validators.map((x) => x.info.name)) };
  }
  return v;
}

/**
 * Entries of a list are objects with the declared keys only, whose prototype chain ends in
 * null (no `__proto__` accessor, no `constructor`), built by one constructor so that V8 gives
 * them one fast shape.
 */
function recordMaker(names: string[]): () => Rec {
  function Entry(this: Rec) {
    for (const n of names) this[n] = undefined;
  }
  Entry.prototype = Object.create(null);
  return () => new (Entry as unknown as new () => Rec)();
}

function validateValue(v: FieldValidator, raw: unknown, unit: string, where: () => Span, grades: string[], out: Diagnostic[], path = v.info.name): Value {
  const f = v.info;
  if (isAbsent(raw) && !(f.decl.kind === 'ListType' && Array.isArray(raw))) {
    if (f.decl.kind === 'ListType' && raw === undefined && !f.optional) return [];
    if (!f.optional) out.push(diag('E0502', where(), { unit, field: path, expected: expectedText(f.decl, grades).en, expectedZh: expectedText(f.decl, grades).zh }));
    return undefined;
  }
  const parsed = v.schema.safeParse(raw);
  if (!parsed.success) {
    const exp = expectedText(f.decl, grades);
    out.push(diag('E0501', where(), { unit, field: path, expected: exp.en, expectedZh: exp.zh, found: describeFound(raw) }));
    return undefined;
  }
  if (!v.entries) return parsed.data;
  const list = raw as unknown[];
  const entries: Rec[] = [];
  for (let j = 0; j < list.length; j++) {
    const entry = list[j];
    if (!isPlainObject(entry)) {
      out.push(diag('E0501', where(), { unit, field: `${path}[${j + 1}]`, expected: 'a record', expectedZh: '记录', found: describeFound(entry) }));
      continue;
    }
    const rec = v.entries.make();
    for (const sub of v.entries.validators) {
      const name = sub.info.name;
      rec[name] = validateValue(sub, own(entry, name) ? entry[name] : undefined, unit, where, grades, out, `${path}[${j + 1}].${name}`);
    }
    entries.push(rec);
  }
  return entries;
}

// ── files ───────────────────────────────────────────────────────────
/**
 * The rows of a JSON data file: `{ "units": [ … ] }` or a bare array. Also returns where
 * each unit's record starts in the text, so that messages can point at it.
 */
export function rowsFromJson(text: string, file: string): { rows: unknown[]; rowSpan: (i: number) => Span; diagnostics: Diagnostic[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const at = m ? Number(m[1]) : 0;
    return { rows: [], rowSpan: () => ({ start: at, end: at + 1, file }), diagnostics: [diag('E0505', { start: at, end: at + 1, file }, { what: 'the data file is not valid JSON', whatZh: '数据文件不是有效的 JSON' })] };
  }
  const rows = Array.isArray(data) ? data : isPlainObject(data) && Array.isArray(data.units) ? data.units : undefined;
  if (!rows) return { rows: [], rowSpan: () => ({ start: 0, end: 0, file }), diagnostics: [diag('E0505', { start: 0, end: Math.min(1, text.length), file }, { what: 'the data file must be a list of units or `{ "units": [ … ] }`', whatZh: '数据文件应为单位列表或 `{ "units": [ … ] }`' })] };
  const rowSpan = (i: number): Span => {
    const row = rows[i];
    const id = isPlainObject(row) && (typeof row.id === 'string' || typeof row.id === 'number') ? JSON.stringify(row.id) : undefined;
    const at = id ? text.indexOf(id) : -1;
    return at >= 0 ? { start: at, end: at + id!.length, file } : { start: 0, end: 0, file };
  };
  return { rows, rowSpan, diagnostics: [] };
}

/**
 * The rows of a CSV data file (RFC 4180: quoted fields, doubled quotes, CRLF). The first
 * line names the columns; a list field's cell holds JSON (`[{"project":"桥梁",…}]`).
 */
export function rowsFromCsv(text: string, file: string, scheme: CheckedScheme): { rows: unknown[]; rowSpan: (i: number) => Span; diagnostics: Diagnostic[] } {
  const records: { cells: string[]; start: number; end: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let start = 0;
  const src = text.replace(/^\ufeff/, '');
  const offset = text.length - src.length;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c !== '')) records.push({ cells, start: start + offset, end: i + offset });
      cells = [];
      cell = '';
      start = i + 1;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c !== '')) records.push({ cells, start: start + offset, end: src.length + offset });
  const [header, ...body] = records;
  if (!header) return { rows: [], rowSpan: () => ({ start: 0, end: 0, file }), diagnostics: [] };
  const names = header.cells.map((c) => c.trim());
  const lists = new Set(scheme.inputs.filter((f) => f.decl.kind === 'ListType').map((f) => f.name));
  const diagnostics: Diagnostic[] = [];
  const rows = body.map((r) => {
    const row: Record<string, unknown> = Object.create(null);
    names.forEach((name, j) => {
      const v = r.cells[j] ?? '';
      if (lists.has(name)) {
        if (v.trim() === '') row[name] = [];
        else
          try {
            row[name] = JSON.parse(v);
          } catch {
            row[name] = v;
          }
      } else if (v.trim() !== '') row[name] = v;
    });
    return row;
  });
  return { rows, rowSpan: (i) => ({ start: body[i]?.start ?? 0, end: body[i]?.end ?? 0, file }), diagnostics };
}
