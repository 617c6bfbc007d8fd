// Column headers of a table of units → the keys of a record. A drafter's spreadsheet or CSV
// heads its columns with the scheme's field names or with their labels (`"少报次数"`), in any
// order; the unit's id column may be called `id`, `单位`, `单位名称` or by the label of the
// scheme's unit kind (`unit town "镇（区）"`: `镇（区）`), its kind column `unit` or
// `单位类型`. CSV files, workbooks and the studio's grid all read headers through here, and a
// JSON file's keys too (`withFieldNames`), so the same data is read the same from any of them.
import { SameKeys } from '@assess/runtime';
import type { Plan } from '../ir/plan.js';

type Field = Plan['inputs'][number];

/** Headers that name the unit's id column, in the order a template offers them. */
export const ID_HEADERS = ['id', '单位', '单位名称'] as const;
/** Headers that name the unit's kind column (when the scheme declares several kinds). */
export const KIND_HEADERS = ['unit', '单位类型'] as const;

/** What a column holds: the record key it is read into (`id`, `unit`, a field's name, or its own trimmed header). */
export type Column = { k: 'id'; key: 'id' } | { k: 'kind'; key: 'unit' } | { k: 'field'; key: string; field: Field } | { k: 'other'; key: string };

/** Finds columns by header among some fields (the scheme's inputs, or a list's entry fields). */
export class Headers {
  private readonly byHeader = new Map<string, Column>();

  /**
   * `units`: the id and kind headers are known too (a unit table, not a list's entries);
   * `unitLabels`: more headers of the id column (see `unitHeaders`).
   */
  constructor(fields: readonly Field[], units = true, unitLabels: readonly string[] = []) {
    // A label never hides a field's name, nor an id header a field's name or label.
    for (const f of fields) this.byHeader.set(f.name, { k: 'field', key: f.name, field: f });
    for (const f of fields) if (f.label !== undefined && !this.byHeader.has(f.label.trim())) this.byHeader.set(f.label.trim(), { k: 'field', key: f.name, field: f });
    if (!units) return;
    for (const h of [...ID_HEADERS, ...unitLabels]) if (!this.byHeader.has(h)) this.byHeader.set(h, { k: 'id', key: 'id' });
    for (const h of KIND_HEADERS) if (!this.byHeader.has(h)) this.byHeader.set(h, { k: 'kind', key: 'unit' });
  }

  /** The column a header names (surrounding spaces do not count). */
  column(header: string): Column {
    const h = header.trim();
    return this.byHeader.get(h) ?? { k: 'other', key: h };
  }

  private readonly kept = new Map<string, boolean>();
  /** Whether a record's key stays as it is (it is a field name, or names nothing); worked out once per key. */
  keeps(key: string): boolean {
    let k = this.kept.get(key);
    if (k === undefined) {
      k = this.column(key).key === key;
      // Keys come from data: remember a bounded number of them.
      if (this.kept.size < 4096) this.kept.set(key, k);
    }
    return k;
  }

  /** A key the last record kept had at the same place stays too. */
  private readonly sameKeys = new SameKeys();
  private readonly keepsKey = (k: string) => this.keeps(k);

  /** Whether every key of a record stays as it is (see `keeps`). */
  keepsAll(r: Record<string, unknown>): boolean {
    return this.sameKeys.each(r, this.keepsKey);
  }

  columns(headers: readonly string[]): Column[] {
    return headers.map((h) => this.column(h));
  }
}

/** The headers of a table of the scheme's units: its inputs, the id column (also by the unit kinds' labels), the kind column. */
export const unitHeaders = (plan: Pick<Plan, 'inputs' | 'unitLabels'>): Headers => new Headers(plan.inputs, true, plan.unitLabels);

/** The header a template or a grid shows for a field: its label, or its name when it has none. */
export const fieldHeader = (f: Field): string => f.label?.trim() || f.name;

/**
 * One row of cells as a record keyed by field names, without a prototype (so a header
 * `__proto__` is just an unknown column). Blank cells are absent; when two columns give the
 * same key, the later non-blank cell wins.
 */
export function recordOf(columns: readonly Column[], cells: readonly unknown[]): Record<string, unknown> {
  const row: Record<string, unknown> = Object.create(null);
  columns.forEach((c, j) => {
    const v = cells[j];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return;
    row[c.key] = v;
  });
  return row;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Records whose keys may be labels or id headers (a JSON file written from a spreadsheet)
 * with the keys the validator reads: field names, `id`, `unit`; list entries' keys too. Keys
 * that name nothing are kept as they are (the validator warns about them). What is not a
 * record is left alone for the validator to report.
 */
export function withFieldNames(plan: Pick<Plan, 'inputs' | 'unitLabels'>, rows: readonly unknown[]): unknown[] {
  return rows.map(fieldNamer(plan));
}

/** `withFieldNames` one record at a time (a file read line by line): the headers are looked up once. */
export function fieldNamer(plan: Pick<Plan, 'inputs' | 'unitLabels'>): (row: unknown) => unknown {
  const units = unitHeaders(plan);
  const entries = plan.inputs.flatMap((f) => (f.type.k === 'list' ? [{ name: f.name, headers: new Headers(f.type.fields, false) }] : []));
  // A record whose keys are all field names already (the usual case) is kept as it is, and
  // found to be so without a list of its keys (a million lines of JSON are read this way).
  const rename = (h: Headers, r: Record<string, unknown>) => {
    if (h.keepsAll(r)) return r;
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(r)) out[h.column(k).key] = r[k];
    return out;
  };
  return (r) => {
    if (!isRecord(r)) return r;
    let out = rename(units, r);
    for (const { name, headers } of entries) {
      const list = out[name];
      if (!Array.isArray(list)) continue;
      // A copy of the list only from the first entry renamed.
      let renamed: unknown[] | undefined;
      for (let j = 0; j < list.length; j++) {
        // (A hole stays a hole for the validator to report, not what a prototype's index holds.)
        if (!Object.prototype.hasOwnProperty.call(list, j)) {
          if (!renamed) renamed = list.slice(0, j);
          renamed.length++;
          continue;
        }
        const e = list[j];
        const x = isRecord(e) ? rename(headers, e) : e;
        if (x !== e && !renamed) renamed = list.slice(0, j);
        renamed?.push(x);
      }
      if (renamed) {
        if (out === r) out = Object.assign(Object.create(null) as Record<string, unknown>, r);
        out[name] = renamed;
      }
    }
    return out;
  };
}
