// The zod path: how `validateUnits` validated rows before the checks built from the plan
// (@assess/runtime's TableBuilder). Kept only as the reference the differential test
// compares the fast validator with (data/validate.differential.test.ts) and `pnpm bench`
// times it against; reached through `@assess/core/internal`, never by the public API.
import { foundText } from '@assess/runtime';
import type { z } from 'zod';
import { diag, type Diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import type { Field, Plan } from '../../ir/plan.js';
import { fieldSchema } from '../schema.js';
import { DATA_LIMITS, expectedText } from '../values.js';
import type { Rec, UnitTable, Value } from '../validate.js';

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
export function validateUnitsWithZod(plan: Plan, rows: unknown[], where: Where): { table: UnitTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const grades = plan.gradeLabels;
  const n = rows.length;
  const table: UnitTable = { n, ids: new Array(n), kinds: new Array(n), columns: new Map() };
  const fields = plan.inputs;
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
      diagnostics.push(diag('E0505', spanOf(i), { k: 'notRecord', row: i + 1 }));
      continue;
    }
    const rawId = own(row, 'id') ? row.id : undefined;
    const id = typeof rawId === 'string' ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : '';
    if (!id) diagnostics.push(diag('E0504', spanOf(i), { row: i + 1 }));
    const unitName = id || rowName;
    if (id) {
      if (seen.has(id)) diagnostics.push(diag('E0503', spanOf(i), { id, first: seen.get(id)! + 1, row: i + 1 }));
      else seen.set(id, i);
    }
    table.ids[i] = unitName;
    if (plan.unitKinds.length > 1) {
      const k = own(row, 'unit') ? row.unit : undefined;
      if (typeof k !== 'string' || !plan.unitKinds.includes(k.trim()))
        diagnostics.push(diag('E0501', spanOf(i), { unit: unitName, field: 'unit', expected: expectedText({ k: 'enum', members: plan.unitKinds }, grades), found: foundText(describeFound(k)) }));
      else table.kinds[i] = k.trim();
    } else table.kinds[i] = plan.unitKinds[0];
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
  info: Field;
  schema: z.ZodType<Value>;
  entries?: { validators: FieldValidator[]; make: () => Rec };
}

function fieldValidator(info: Field, grades: string[]): FieldValidator {
  const v: FieldValidator = { info, schema: fieldSchema(info.type, grades) };
  if (info.type.k === 'list') {
    const validators = info.type.fields.map((sub) => fieldValidator(sub, grades));
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
  if (isAbsent(raw) && !(f.type.k === 'list' && Array.isArray(raw))) {
    if (f.type.k === 'list' && raw === undefined && !f.optional) return [];
    if (!f.optional) out.push(diag('E0502', where(), { unit, field: path, expected: expectedText(f.type, grades) }));
    return undefined;
  }
  const parsed = v.schema.safeParse(raw);
  if (!parsed.success) {
    out.push(diag('E0501', where(), { unit, field: path, expected: expectedText(f.type, grades), found: foundText(describeFound(raw)) }));
    return undefined;
  }
  if (!v.entries) return parsed.data;
  const list = raw as unknown[];
  const entries: Rec[] = [];
  for (let j = 0; j < list.length; j++) {
    const entry = list[j];
    if (!isPlainObject(entry)) {
      out.push(diag('E0501', where(), { unit, field: `${path}[${j + 1}]`, expected: { en: 'a record', zh: '记录' }, found: foundText(describeFound(entry)) }));
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

